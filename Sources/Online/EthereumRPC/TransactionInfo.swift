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

    init(reader: ResultReader) throws(RPCError) {
        var members = try reader.members()
        hash = try members.hash("hash")
        from = try members.address("from")
        to = try members.optional("to") { member throws(RPCError) in try member.address() }
        nonce = try members.field("nonce").uint64()
        value = try members.field("value").wei()
        input = try members.bytes("input")
        gas = try members.field("gas").uint64()
        type = try members.optional("type") { member throws(RPCError) in try member.uint64() }
        maxFeePerGas = try members.optional("maxFeePerGas") { member throws(RPCError) in try member.wei() }
        maxPriorityFeePerGas = try members.optional("maxPriorityFeePerGas") { member throws(RPCError) in
            try member.wei()
        }
        chainID = try members.optional("chainId") { member throws(RPCError) in ChainID(try member.uint64()) }
        blockNumber = try members.optional("blockNumber") { member throws(RPCError) in try member.uint64() }
        blockHash = try members.optional("blockHash") { member throws(RPCError) in try member.hash() }
    }
}
