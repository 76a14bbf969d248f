public import EthereumPrimitives

/// A signed transaction of either supported kind, chosen by the envelope's first byte (EIP-2718):
/// `0x02` is EIP-1559, `0xc0`–`0xfe` is a legacy RLP list.
public enum DecodedTransaction: Hashable, Sendable {
    /// A type-2 transaction.
    case eip1559(SignedTransaction)
    /// A legacy transaction (EIP-155 or pre-155).
    case legacy(SignedLegacyTransaction)

    /// Decodes raw bytes strictly with the decoder their first byte selects.
    public init(rawTransaction raw: [UInt8]) throws(TransactionError) {
        guard let first = raw.first else { throw .emptyInput }
        if first >= 0xc0 && first != 0xff {
            self = .legacy(try SignedLegacyTransaction(rawTransaction: raw))
        } else {
            self = .eip1559(try SignedTransaction(rawTransaction: raw))
        }
    }

    /// The raw bytes as decoded.
    public var rawTransaction: [UInt8] {
        switch self {
        case .eip1559(let signed): return signed.rawTransaction
        case .legacy(let signed): return signed.rawTransaction
        }
    }

    /// Keccak-256 of the raw bytes.
    public var transactionHash: TransactionHash { TransactionHash(rawTransaction: rawTransaction) }

    /// The digest that was signed.
    public var signingHash: SigningHash {
        switch self {
        case .eip1559(let signed): return signed.signingHash
        case .legacy(let signed): return signed.signingHash
        }
    }

    /// Recovers the sender's address.
    public func recoverSender() throws(TransactionError) -> Address {
        switch self {
        case .eip1559(let signed): return try signed.recoverSender()
        case .legacy(let signed): return try signed.recoverSender()
        }
    }
}
