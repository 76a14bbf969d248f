public import EthereumPrimitives
import StrictJSON

/// The receipt of a mined transaction (`eth_getTransactionReceipt`).
public struct TransactionReceipt: Hashable, Sendable {
    /// Whether execution succeeded (`status` `0x1`) or reverted (`0x0`).
    public enum Status: Hashable, Sendable {
        /// `0x1`.
        case success
        /// `0x0`: included and paid for, but reverted.
        case reverted
    }

    /// The transaction hash.
    public var transactionHash: Hash32
    /// The block that includes it.
    public var blockNumber: UInt64
    /// The block's hash.
    public var blockHash: Hash32
    /// The sender.
    public var from: Address
    /// The recipient; nil for contract creation.
    public var to: Address?
    /// Success or revert.
    public var status: Status
    /// Gas used by this transaction.
    public var gasUsed: UInt64
    /// The price per gas actually paid (base fee + tip).
    public var effectiveGasPrice: Wei
    /// The logs emitted, in order.
    public var logs: [Log]

    /// The fee paid: `gasUsed × effectiveGasPrice`.
    public var fee: Wei { Wei(UInt256(gasUsed) * effectiveGasPrice.amount) }

    init(json: JSONValue, reader: ResultReader) throws(RPCError) {
        let members = try reader.object(json, "result")
        transactionHash = try reader.hash(reader.required(members, "transactionHash"), "transactionHash")
        blockNumber = try reader.uint64(reader.required(members, "blockNumber"), "blockNumber")
        blockHash = try reader.hash(reader.required(members, "blockHash"), "blockHash")
        from = try reader.address(reader.required(members, "from"), "from")
        to = try reader.optional(members, "to").map { value throws(RPCError) in try reader.address(value, "to") }
        switch try reader.quantity(reader.required(members, "status"), "status") {
        case 1: status = .success
        case 0: status = .reverted
        case let other:
            throw .invalidField(
                method: reader.method, field: "status",
                .invalidDecimal(field: "status", found: other.quantity, reason: "expected 0x0 or 0x1"))
        }
        gasUsed = try reader.uint64(reader.required(members, "gasUsed"), "gasUsed")
        effectiveGasPrice = try reader.wei(reader.required(members, "effectiveGasPrice"), "effectiveGasPrice")
        var logs: [Log] = []
        for (index, item) in try reader.array(reader.required(members, "logs"), "logs").enumerated() {
            logs.append(try Log(json: item, path: "logs[\(index)]", reader: reader))
        }
        self.logs = logs
    }
}

/// One event log of a receipt.
public struct Log: Hashable, Sendable {
    /// The contract that emitted it.
    public var address: Address
    /// Indexed topics; `topics[0]` is the event signature hash for non-anonymous events.
    public var topics: [Hash32]
    /// The non-indexed data.
    public var data: [UInt8]
    /// Position in the block, when the node sends it.
    public var logIndex: UInt64?

    /// Creates a log from its parts.
    public init(address: Address, topics: [Hash32], data: [UInt8], logIndex: UInt64? = nil) {
        self.address = address
        self.topics = topics
        self.data = data
        self.logIndex = logIndex
    }

    init(json: JSONValue, path: String, reader: ResultReader) throws(RPCError) {
        let members = try reader.object(json, path)
        address = try reader.address(reader.required(members, "address", in: path), "\(path).address")
        var topics: [Hash32] = []
        let topicValues = try reader.array(reader.required(members, "topics", in: path), "\(path).topics")
        for (index, topic) in topicValues.enumerated() {
            topics.append(try reader.hash(topic, "\(path).topics[\(index)]"))
        }
        self.topics = topics
        data = try reader.data(reader.required(members, "data", in: path), "\(path).data")
        logIndex = try reader.optional(members, "logIndex").map { value throws(RPCError) in
            try reader.uint64(value, "\(path).logIndex")
        }
    }
}
