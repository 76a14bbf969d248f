import EthereumRLP
public import Secp256k1

extension EIP1559Transaction {
    /// Signs ``signingHash`` with `key` (RFC 6979 nonce, low-s, as eth-account) and encodes the envelope.
    ///
    /// The sender is not derived here (that would cost a second curve multiplication); callers that need
    /// it compare ``SignedTransaction/recoverSender()`` with the key's address once, before broadcasting.
    public func signed(with key: PrivateKey) -> SignedTransaction {
        let fields = rlpFields
        let digest = SigningHash(payload: Self.signingPayload(fields: fields))
        return SignedTransaction(transaction: self, signature: key.sign(digest: digest.hash), fields: fields)
    }
}

extension RecoverableSignature {
    /// r as a canonical RLP integer (leading zero bytes dropped).
    var rItem: RLPItem { .bytes(Self.minimal(r)) }

    /// s as a canonical RLP integer (leading zero bytes dropped).
    var sItem: RLPItem { .bytes(Self.minimal(s)) }

    private static func minimal(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return [] }
        return Array(bytes[first...])
    }
}
