public import EthereumPrimitives
import StrictJSON

/// The transaction object of `eth_call` and `eth_estimateGas`: a message simulated against state, never signed.
public struct CallRequest: Hashable, Sendable {
    /// The sender whose balance, nonce and `msg.sender` the simulation uses; nil lets the node choose.
    public var from: Address?
    /// The contract (or account) called.
    public var to: Address
    /// Wei sent with the call.
    public var value: Wei?
    /// The calldata.
    public var data: [UInt8]
    /// A gas limit for the simulation; nil lets the node use its cap.
    public var gas: UInt64?

    /// Creates a call.
    public init(from: Address? = nil, to: Address, value: Wei? = nil, data: [UInt8] = [], gas: UInt64? = nil) {
        self.from = from
        self.to = to
        self.value = value
        self.data = data
        self.gas = gas
    }

    /// The JSON object sent: lower-case hex addresses, canonical quantities, calldata under `data` (the
    /// spelling every node accepts; newer ones also read `input`).
    var json: JSONValue {
        var members: [String: JSONValue] = ["to": .string(to.lowercased), "data": .string(Hex.encode(data))]
        if let from { members["from"] = .string(from.lowercased) }
        if let value { members["value"] = .string(value.amount.quantity) }
        if let gas { members["gas"] = .string(UInt256(gas).quantity) }
        return .object(members)
    }
}
