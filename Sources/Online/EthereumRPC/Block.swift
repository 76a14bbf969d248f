public import EthereumPrimitives
import StrictJSON

/// The header fields of a block that fee and deadline logic need (`eth_getBlockByNumber`, without transactions).
public struct Block: Hashable, Sendable {
    /// The block number.
    public var number: UInt64
    /// The block hash; nil for the pending block.
    public var hash: Hash32?
    /// Unix time in seconds.
    public var timestamp: UInt64
    /// The EIP-1559 base fee; nil before London.
    public var baseFeePerGas: Wei?

    /// Creates a block from its parts.
    public init(number: UInt64, hash: Hash32?, timestamp: UInt64, baseFeePerGas: Wei?) {
        self.number = number
        self.hash = hash
        self.timestamp = timestamp
        self.baseFeePerGas = baseFeePerGas
    }

    init(reader: ResultReader) throws(RPCError) {
        var members = try reader.members()
        number = try members.field("number").uint64()
        hash = try members.optional("hash") { member throws(RPCError) in try member.hash() }
        timestamp = try members.field("timestamp").uint64()
        baseFeePerGas = try members.optional("baseFeePerGas") { member throws(RPCError) in try member.wei() }
    }
}
