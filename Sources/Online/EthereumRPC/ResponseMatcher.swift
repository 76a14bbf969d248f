import StrictJSON

/// Checks JSON-RPC 2.0 response objects and matches them to the calls that were sent.
struct ResponseMatcher {
    /// The method (or batch label) for error messages.
    let method: String

    /// The result or node error of a single call with `id`.
    func single(_ response: JSONValue, id: Int) throws(RPCError) -> Result<JSONValue, RPCError> {
        guard case .object(let members) = response else {
            throw .malformedResponse(method: method, reason: "expected an object, found \(response.kindName)")
        }
        // A node that could not parse the request answers with id null; its error is still the answer.
        if members["id"] == .null, let error = members["error"] {
            return .failure(try nodeError(error, method: method))
        }
        guard responseID(members) == id else {
            throw .malformedResponse(method: method, reason: "response id \(describeID(members)) does not match \(id)")
        }
        return try outcome(members, method: method, id: id)
    }

    /// Results in call order for ids `firstID ..< firstID + methods.count`, whatever order the node used.
    func batch(_ response: JSONValue, firstID: Int, methods: [String]) throws(RPCError)
        -> [Result<JSONValue, RPCError>]
    {
        if case .object(let members) = response, let error = members["error"] {
            // The node refused the whole batch (too large, batches disabled…).
            throw try nodeError(error, method: method)
        }
        guard case .array(let elements) = response else {
            throw .malformedResponse(method: method, reason: "expected an array, found \(response.kindName)")
        }
        var slots = [Result<JSONValue, RPCError>?](repeating: nil, count: methods.count)
        for element in elements {
            guard case .object(let members) = element else {
                throw .malformedResponse(method: method, reason: "batch element is \(element.kindName), not an object")
            }
            guard let id = responseID(members), id >= firstID, id - firstID < methods.count else {
                throw .malformedResponse(method: method, reason: "unexpected response id \(describeID(members))")
            }
            guard slots[id - firstID] == nil else {
                throw .malformedResponse(method: method, reason: "two responses with id \(id)")
            }
            slots[id - firstID] = try outcome(members, method: methods[id - firstID], id: id)
        }
        return slots.enumerated().map { index, slot in
            slot ?? .failure(.missingResponse(method: methods[index], id: firstID + index))
        }
    }

    private func outcome(_ members: [String: JSONValue], method: String, id: Int) throws(RPCError)
        -> Result<JSONValue, RPCError>
    {
        guard members["jsonrpc"] == .string("2.0") else {
            throw .malformedResponse(method: method, reason: "'jsonrpc' is not \"2.0\"")
        }
        switch (members["result"], members["error"]) {
        case (let result?, nil):
            return .success(result)
        case (nil, let error?):
            return .failure(try nodeError(error, method: method))
        case (nil, nil):
            return .failure(.missingResult(method: method, id: id))
        case (_?, _?):
            throw .malformedResponse(method: method, reason: "response \(id) has both 'result' and 'error'")
        }
    }

    /// Reads `{"code": int, "message": string, "data"?: any}`.
    private func nodeError(_ value: JSONValue, method: String) throws(RPCError) -> RPCError {
        guard case .object(let members) = value,
            let codeText = members["code"]?.numberText, let code = Int(codeText),
            let message = members["message"]?.stringValue
        else {
            throw .malformedResponse(method: method, reason: "error member is not {code: integer, message: string}")
        }
        return .node(NodeError(method: method, code: code, message: message, data: members["data"]))
    }

    /// Our ids are decimal integers; anything else (a string, a fraction) matches nothing.
    private func responseID(_ members: [String: JSONValue]) -> Int? {
        guard let text = members["id"]?.numberText else { return nil }
        return Int(text)
    }

    private func describeID(_ members: [String: JSONValue]) -> String {
        members["id"].map { JSON.serializedString($0) } ?? "(none)"
    }
}
