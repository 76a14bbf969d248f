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

    init(reader: ResultReader) throws(RPCError) {
        var members = try reader.members()
        transactionHash = try members.hash("transactionHash")
        blockNumber = try members.field("blockNumber").uint64()
        blockHash = try members.hash("blockHash")
        from = try members.address("from")
        to = try members.optional("to") { member throws(RPCError) in try member.address() }
        let statusField = try members.field("status")
        switch try statusField.quantity() {
        case 1: status = .success
        case 0: status = .reverted
        case let other:
            throw statusField.fail(
                .malformed(
                    path: statusField.path,
                    .invalidDecimal(field: statusField.path, found: other.quantity, reason: "expected 0x0 or 0x1")))
        }
        gasUsed = try members.field("gasUsed").uint64()
        effectiveGasPrice = try members.field("effectiveGasPrice").wei()
        logs = try members.array("logs").map { item throws(RPCError) in try Log(reader: item) }
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

    init(reader: ResultReader) throws(RPCError) {
        var members = try reader.object()
        address = try members.address("address")
        topics = try members.array("topics").map { topic throws(RPCError) in try topic.hash() }
        data = try members.bytes("data")
        logIndex = try members.optional("logIndex") { member throws(RPCError) in try member.uint64() }
    }
}
