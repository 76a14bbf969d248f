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

    init(json: JSONValue, reader: ResultReader) throws(RPCError) {
        let members = try reader.object(json, "result")
        number = try reader.uint64(reader.required(members, "number"), "number")
        hash = try reader.optional(members, "hash").map { value throws(RPCError) in try reader.hash(value, "hash") }
        timestamp = try reader.uint64(reader.required(members, "timestamp"), "timestamp")
        baseFeePerGas = try reader.optional(members, "baseFeePerGas").map { value throws(RPCError) in
            try reader.wei(value, "baseFeePerGas")
        }
    }
}
