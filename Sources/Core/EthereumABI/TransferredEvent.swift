public import EthereumPrimitives

/// The Transfers contract's success event: `Transferred(address indexed operator, bytes16 id, address recipient, address sender, uint256 spentAmount, address spentCurrency)`.
///
/// A payment succeeded when the receipt has status 1 and such a log, emitted by the contract, carries the
/// intent's id.
public struct TransferredEvent: Equatable, Sendable {
    /// The event's canonical signature.
    public static let signature = "Transferred(address,bytes16,address,address,uint256,address)"
    /// topic0, `0xb7ee4faf…6e86`.
    public static let topic = ABI.eventTopic(signature)
    static let dataTypes: [ABIType] = [.fixedBytes(16), .address, .address, .uint(bits: 256), .address]

    /// The operator (indexed, topic1).
    public var `operator`: Address
    /// The charge id.
    public var id: [UInt8]
    /// The merchant recipient.
    public var recipient: Address
    /// The payer.
    public var sender: Address
    /// Net native amount consumed, in wei.
    public var spentAmount: UInt256
    /// `address(0)` for native currency.
    public var spentCurrency: Address

    /// Creates an event value.
    public init(operator: Address, id: [UInt8], recipient: Address, sender: Address, spentAmount: UInt256, spentCurrency: Address)
    {
        self.operator = `operator`
        self.id = id
        self.recipient = recipient
        self.sender = sender
        self.spentAmount = spentAmount
        self.spentCurrency = spentCurrency
    }

    /// Decodes a log's topics and data; `nil` topics mismatch means "not this event".
    public init(topics: [Hash32], data: [UInt8]) throws(ABIError) {
        guard topics.count == 2, topics[0] == Self.topic else {
            throw .typeMismatch(field: "log.topics", expected: "[Transferred topic, operator]")
        }
        if topics[1].bytes[0..<12].contains(where: { $0 != 0 }) { throw .dirtyPadding(field: "log.topics[1]", offset: 0) }
        let values = try ABI.decode(Self.dataTypes, from: data, field: "log.data")
        guard values.count == 5, case .fixedBytes(let id) = values[0], case .address(let recipient) = values[1],
            case .address(let sender) = values[2], case .uint(let spent) = values[3],
            case .address(let currency) = values[4]
        else { throw .typeMismatch(field: "log.data", expected: "(bytes16,address,address,uint256,address)") }
        self.init(
            operator: Address(uncheckedBytes: Array(topics[1].bytes[12...])), id: id, recipient: recipient,
            sender: sender, spentAmount: spent, spentCurrency: currency)
    }

    /// The log's topics.
    public var topics: [Hash32] { [Self.topic, Hash32(uncheckedBytes: [UInt8](repeating: 0, count: 12) + `operator`.bytes)] }

    /// The log's data.
    public var data: [UInt8] {
        ABI.encode([.fixedBytes(id), .address(recipient), .address(sender), .uint(spentAmount), .address(spentCurrency)])
    }
}
