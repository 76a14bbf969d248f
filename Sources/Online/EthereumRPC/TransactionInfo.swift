public import EthereumPrimitives
import StrictJSON

/// A transaction as the node reports it (`eth_getTransactionByHash`): pending or mined.
public struct TransactionInfo: Hashable, Sendable {
    /// The transaction hash.
    public var hash: Hash32
    /// The sender.
    public var from: Address
    /// The recipient; nil for contract creation.
    public var to: Address?
    /// The sender's nonce.
    public var nonce: UInt64
    /// Wei transferred.
    public var value: Wei
    /// The calldata.
    public var input: [UInt8]
    /// The gas limit.
    public var gas: UInt64
    /// The EIP-2718 type (`2` for EIP-1559); nil when the node omits it.
    public var type: UInt64?
    /// The fee cap of a type-2 transaction.
    public var maxFeePerGas: Wei?
    /// The tip cap of a type-2 transaction.
    public var maxPriorityFeePerGas: Wei?
    /// The chain id, when the node reports it.
    public var chainID: ChainID?
    /// The including block; nil while pending.
    public var blockNumber: UInt64?
    /// The including block's hash; nil while pending.
    public var blockHash: Hash32?

    /// Whether the transaction is still in the pool.
    public var isPending: Bool { blockNumber == nil }

    init(json: JSONValue, reader: ResultReader) throws(RPCError) {
        let members = try reader.object(json, "result")
        hash = try reader.hash(reader.required(members, "hash"), "hash")
        from = try reader.address(reader.required(members, "from"), "from")
        to = try reader.optional(members, "to").map { value throws(RPCError) in try reader.address(value, "to") }
        nonce = try reader.uint64(reader.required(members, "nonce"), "nonce")
        value = try reader.wei(reader.required(members, "value"), "value")
        input = try reader.data(reader.required(members, "input"), "input")
        gas = try reader.uint64(reader.required(members, "gas"), "gas")
        type = try optionalUInt64(members, "type", reader)
        maxFeePerGas = try reader.optional(members, "maxFeePerGas").map { value throws(RPCError) in
            try reader.wei(value, "maxFeePerGas")
        }
        maxPriorityFeePerGas = try reader.optional(members, "maxPriorityFeePerGas").map { value throws(RPCError) in
            try reader.wei(value, "maxPriorityFeePerGas")
        }
        chainID = try optionalUInt64(members, "chainId", reader).map(ChainID.init)
        blockNumber = try optionalUInt64(members, "blockNumber", reader)
        blockHash = try reader.optional(members, "blockHash").map { value throws(RPCError) in
            try reader.hash(value, "blockHash")
        }
    }
}

private func optionalUInt64(_ members: [String: JSONValue], _ key: String, _ reader: ResultReader)
    throws(RPCError) -> UInt64?
{
    guard let value = reader.optional(members, key) else { return nil }
    return try reader.uint64(value, key)
}
