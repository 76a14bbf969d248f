public import StrictJSON

/// One typed JSON-RPC call: the method, its parameters, and how to read its result.
///
/// Built by the factories in ``Eth`` and sent with ``JSONRPCClient/send(_:)`` or, several at once, with
/// ``JSONRPCClient/batch(_:)``.
public struct RPCRequest<Value: Sendable>: Sendable {
    /// The method name (`"eth_chainId"`).
    public let method: String
    /// The positional parameters.
    public let params: [JSONValue]
    /// Reads the `result` member of a successful response.
    public let decode: @Sendable (JSONValue) throws(RPCError) -> Value

    /// Creates a call.
    public init(method: String, params: [JSONValue], decode: @escaping @Sendable (JSONValue) throws(RPCError) -> Value) {
        self.method = method
        self.params = params
        self.decode = decode
    }
}

extension RPCRequest where Value == JSONValue {
    /// A call whose result is returned as raw JSON.
    public static func raw(_ method: String, params: [JSONValue] = []) -> RPCRequest<JSONValue> {
        RPCRequest(method: method, params: params) { value throws(RPCError) in value }
    }
}
