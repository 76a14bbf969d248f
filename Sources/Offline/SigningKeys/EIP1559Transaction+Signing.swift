import EthereumRLP
public import EthereumTransactions

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
