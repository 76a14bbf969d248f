public import EthereumPrimitives

/// An ERC-20 `transfer(address,uint256)` call: the calldata a checkout payment sends to the token contract.
///
/// Decoding is strict: the selector must be `0xa9059cbb`, the arguments exactly two words (no trailing bytes),
/// the address word's 12 high bytes zero.
public struct ERC20Transfer: Equatable, Sendable {
    /// The canonical function signature.
    public static let signature = "transfer(address,uint256)"
    /// `0xa9059cbb`.
    public static let selector = ABI.selector(signature)
    static let argumentTypes: [ABIType] = [.address, .uint(bits: 256)]

    /// Who receives the tokens.
    public var recipient: Address
    /// The amount in the token's base units.
    public var amount: UInt256

    /// Creates a call value.
    public init(recipient: Address, amount: UInt256) {
        self.recipient = recipient
        self.amount = amount
    }

    /// Decodes calldata that must be exactly this call.
    public init(calldata: [UInt8]) throws(ABIError) {
        let values = try ABI.decodeCall(selector: Self.selector, Self.argumentTypes, from: calldata)
        guard values.count == 2, case .address(let recipient) = values[0], case .uint(let amount) = values[1] else {
            throw .typeMismatch(field: "transfer", expected: "(address,uint256)")
        }
        self.init(recipient: recipient, amount: amount)
    }

    /// The 68-byte calldata.
    public var calldata: [UInt8] { ABI.encodeCall(selector: Self.selector, [.address(recipient), .uint(amount)]) }
}

/// The ERC-20 `Transfer(address indexed from, address indexed to, uint256 value)` event, which confirms a token
/// payment in its receipt.
public struct ERC20TransferEvent: Equatable, Sendable {
    /// The canonical event signature.
    public static let signature = "Transfer(address,address,uint256)"
    /// topic0, `0xddf252ad…b3ef`.
    public static let topic = ABI.eventTopic(signature)

    /// The payer (topic1).
    public var from: Address
    /// The payee (topic2).
    public var to: Address
    /// The amount in base units (data).
    public var value: UInt256

    /// Creates an event value.
    public init(from: Address, to: Address, value: UInt256) {
        self.from = from
        self.to = to
        self.value = value
    }

    /// Decodes a log's topics and data strictly (three topics, clean address padding, one data word).
    public init(topics: [Hash32], data: [UInt8]) throws(ABIError) {
        guard topics.count == 3, topics[0] == Self.topic else {
            throw .typeMismatch(field: "log.topics", expected: "[Transfer topic, from, to]")
        }
        for index in 1...2 where topics[index].bytes[0..<12].contains(where: { $0 != 0 }) {
            throw .dirtyPadding(field: "log.topics[\(index)]", offset: 0)
        }
        let values = try ABI.decode([.uint(bits: 256)], from: data, field: "log.data")
        guard values.count == 1, case .uint(let value) = values[0] else {
            throw .typeMismatch(field: "log.data", expected: "(uint256)")
        }
        self.init(
            from: Address(uncheckedBytes: Array(topics[1].bytes[12...])),
            to: Address(uncheckedBytes: Array(topics[2].bytes[12...])), value: value)
    }

    /// The log's topics.
    public var topics: [Hash32] {
        let pad = [UInt8](repeating: 0, count: 12)
        return [Self.topic, Hash32(uncheckedBytes: pad + from.bytes), Hash32(uncheckedBytes: pad + to.bytes)]
    }

    /// The log's data: one word.
    public var data: [UInt8] { ABI.encode([.uint(value)]) }
}
