public import EthereumPrimitives
import EthereumRLP
public import Secp256k1

/// A signed legacy transaction `rlp([nonce, gasPrice, gasLimit, to, value, data, v, r, s])`, with the exact
/// raw bytes it was decoded from or encoded to.
public struct SignedLegacyTransaction: Hashable, Sendable {
    /// The unsigned fields.
    public let transaction: LegacyTransaction
    /// The low-s signature with its recovery bit (derived from `v`).
    public let signature: RecoverableSignature
    /// EIP-155 with its chain id (`v` ≥ 37), or none (`v` 27/28).
    public let replayProtection: LegacyReplayProtection
    /// The RLP list as broadcast.
    public let rawTransaction: [UInt8]

    /// Attaches a signature and encodes the transaction.
    ///
    /// - Precondition: for EIP-155, `chainId·2 + 36` fits in 64 bits (a caller bug otherwise).
    public init(
        transaction: LegacyTransaction, signature: RecoverableSignature,
        replayProtection: LegacyReplayProtection
    ) {
        if case .eip155(let chainID) = replayProtection {
            precondition(chainID.value <= (UInt64.max - 36) / 2, "chain id too large for a legacy v")
        }
        self.transaction = transaction
        self.signature = signature
        self.replayProtection = replayProtection
        let v = replayProtection.v(yParity: signature.yParity)
        rawTransaction = RLP.encode(.list(transaction.rlpFields + [.integer(v), signature.rItem, signature.sItem]))
    }

    /// Decodes a signed legacy transaction strictly: exactly one RLP list of nine items, canonical integers,
    /// a 20-byte `to`, `v` of 27/28 or `chainId·2 + 35/36` (chain id > 0), low-s, no trailing bytes.
    public init(rawTransaction raw: [UInt8]) throws(TransactionError) {
        guard let first = raw.first else { throw .emptyInput }
        guard first >= 0xc0, first != 0xff else {
            if first == EIP1559Transaction.transactionType {
                throw .wrongTransactionKind(expected: "legacy", found: "EIP-1559")
            }
            if first <= 0x7f { throw .unsupportedTransactionType(found: first) }
            throw .invalidEnvelope(firstByte: first)
        }
        let payload = try TransactionError.wrapping { () throws(RLPError) in try RLP.decode(raw) }
        let items = try RLPFieldReader.fields(payload, count: 9)
        transaction = try LegacyTransaction(rlpFields: items)
        let v = try RLPFieldReader.uint64(items[6], field: "v")
        replayProtection = try LegacyReplayProtection(v: v)
        let yParity = UInt8((v - (replayProtection == .none ? 27 : 35)) % 2)
        signature = try RLPFieldReader.signature(r: items[7], s: items[8], yParity: yParity)
        rawTransaction = raw
    }

    /// Keccak-256 of ``rawTransaction``.
    public var transactionHash: TransactionHash { TransactionHash(rawTransaction: rawTransaction) }

    /// The digest that was signed.
    public var signingHash: SigningHash { transaction.signingHash(replayProtection) }

    /// Recovers the address whose key made ``signature`` over ``signingHash``.
    public func recoverSender() throws(TransactionError) -> Address {
        do {
            return try signature.recoverAddress(digest: signingHash.hash)
        } catch {
            throw .senderRecoveryFailed(reason: error.description)
        }
    }
}
