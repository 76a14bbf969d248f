import EthereumPrimitives

/// Which block a state query reads: a named tag or a block number.
public enum BlockTag: Hashable, Sendable, CustomStringConvertible {
    /// The newest block.
    case latest
    /// The pending state: the latest block plus the node's pool (the next usable nonce).
    case pending
    /// The newest block considered safe from re-orgs.
    case safe
    /// The newest finalised block.
    case finalized
    /// The genesis block.
    case earliest
    /// A block by number.
    case number(UInt64)

    /// The parameter as sent: `"latest"`, `"pending"`, …, or a canonical quantity for a number.
    public var parameter: String {
        switch self {
        case .latest: return "latest"
        case .pending: return "pending"
        case .safe: return "safe"
        case .finalized: return "finalized"
        case .earliest: return "earliest"
        case .number(let number): return UInt256(number).quantity
        }
    }

    /// Same as ``parameter``.
    public var description: String { parameter }
}
