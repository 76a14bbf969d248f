import StrictJSON

extension JSONRPCClient {
    /// Sends several typed calls in one HTTP request; each result or error comes back in its own slot.
    ///
    /// `let (nonce, fees) = try await client.batchResults(Eth.transactionCount(of: a), Eth.feeHistory(…))`
    /// gives two `Result`s. Whole-exchange failures are thrown (see ``rawBatch(_:)``).
    public func batchResults<each Value>(_ requests: repeat RPCRequest<each Value>) async throws(RPCError)
        -> (repeat Result<each Value, RPCError>)
    {
        var calls: [(method: String, params: [JSONValue])] = []
        for request in repeat each requests { calls.append((request.method, request.params)) }
        let raw = try await rawBatch(calls)
        var index = 0
        func decode<V>(_ request: RPCRequest<V>) -> Result<V, RPCError> {
            defer { index += 1 }
            switch raw[index] {
            case .success(let value):
                do {
                    return .success(try request.decode(value))
                } catch {
                    return .failure(error)
                }
            case .failure(let error):
                return .failure(error)
            }
        }
        return (repeat decode(each requests))
    }

    /// Sends several typed calls in one HTTP request and returns their values, or throws the first call's error
    /// (in argument order).
    public func batch<each Value>(_ requests: repeat RPCRequest<each Value>) async throws(RPCError)
        -> (repeat each Value)
    {
        let results = try await batchResults(repeat each requests)
        func unwrap<V>(_ result: Result<V, RPCError>) throws(RPCError) -> V { try result.get() }
        return (repeat try unwrap(each results))
    }
}
