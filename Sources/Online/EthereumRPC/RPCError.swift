import TerminalText
public import EthereumPrimitives
public import HTTPTransport
public import StrictJSON

/// Everything that can go wrong talking JSON-RPC to an Ethereum node.
///
/// Transport failures, HTTP-level failures and malformed answers are separate cases from ``node(_:)``, the error
/// object a node sends back on purpose (a revert, "nonce too low"…); ``NodeError/kind`` names the common ones.
public enum RPCError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No HTTP response: timeout, refused connection, broken connection.
    case transport(HTTPTransportError)
    /// A non-2xx HTTP status without a JSON-RPC error object in the body.
    case httpStatus(status: Int, body: String)
    /// The body is not JSON.
    case invalidJSON(method: String, JSONError)
    /// The body is JSON but not a valid JSON-RPC 2.0 response for what was asked.
    case malformedResponse(method: String, reason: String)
    /// A response object has neither `result` nor `error`.
    case missingResult(method: String, id: Int)
    /// A batch answer lacks the response for one call.
    case missingResponse(method: String, id: Int)
    /// A required field of the result is absent (or `null`).
    case missingField(method: String, field: String)
    /// A field has the wrong JSON type.
    case wrongType(method: String, field: String, expected: String, found: String)
    /// A field's value breaks its format: a non-canonical quantity, a bad address, odd-length data…
    case invalidField(method: String, field: String, PrimitiveError)
    /// The node answered with a JSON-RPC error object.
    case node(NodeError)
    /// `eth_feeHistory` cannot support a fee suggestion (empty or inconsistent arrays).
    case invalidFeeHistory(reason: String)
    /// A fee computation exceeded 2^256 − 1.
    case feeOverflow

    /// The classified node error, when this is ``node(_:)``.
    public var nodeErrorKind: NodeErrorKind? {
        guard case .node(let error) = self else { return nil }
        return error.kind
    }

    /// A one-line explanation naming the method and field.
    public var description: String {
        switch self {
        case .transport(let error):
            return "RPC node unreachable: \(error)"
        case .httpStatus(let status, let body):
            return "RPC node answered HTTP \(status)" + (body.isEmpty ? "" : ": \(body.escapedForTerminal)")
        case .invalidJSON(let method, let error):
            return "\(method): the node's answer is not JSON (\(error))"
        case .malformedResponse(let method, let reason):
            return "\(method): malformed JSON-RPC response: \(reason.escapedForTerminal)"
        case .missingResult(let method, let id):
            return "\(method): response \(id) has neither 'result' nor 'error'"
        case .missingResponse(let method, let id):
            return "\(method): the batch answer has no response with id \(id)"
        case .missingField(let method, let field):
            return "\(method): result field '\(field.escapedForTerminal)' is missing"
        case .wrongType(let method, let field, let expected, let found):
            return
                "\(method): result field '\(field.escapedForTerminal)' should be \(expected), found \(found.escapedForTerminal)"
        case .invalidField(let method, _, let error):
            return "\(method): \(error)"
        case .node(let error):
            return error.description
        case .invalidFeeHistory(let reason):
            return "eth_feeHistory: cannot suggest fees: \(reason.escapedForTerminal)"
        case .feeOverflow:
            return "fee computation exceeds 2^256 − 1"
        }
    }
}
