import Foundation
import HTTPTransport
import StrictJSON

/// OpenRouter's answers: the error envelope `{"error":{"code":N,"message":"…"}}` with the HTTP status equal to
/// `code`, and JSON bodies.
enum APIResponses {
    /// The body of the removed endpoint, verbatim from protocol.md §0.
    static let goneMessage = "The Coinbase APIs used by this endpoint have been deprecated, so the Coinbase Commerce "
        + "credits API has been removed. Use the web credits purchase flow instead."

    /// A JSON body with `status`.
    static func json(_ value: JSONValue, status: Int = 200, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = headers
        all["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: all, body: .init(JSON.serialize(value)))
    }

    /// The error envelope.
    static func error(_ status: Int, _ message: String, retryAfter: UInt64? = nil) -> HTTPResponse {
        var headers: HTTPHeaders = [:]
        if let retryAfter { headers["Retry-After"] = String(retryAfter) }
        return json(.object(["error": .object(["code": .number(String(status)), "message": .string(message)])]),
                    status: status, headers: headers)
    }

    /// The answer of an injected fault on an API endpoint: 410 on the charge endpoint carries the exact body of
    /// the removed endpoint; other statuses carry their usual reason.
    static func fault(_ fault: FaultSpec, status: Int) -> HTTPResponse {
        let message = fault.target == .charge && status == 410 ? goneMessage : reason(status)
        return error(status, message, retryAfter: fault.retryAfterSeconds)
    }

    /// A short reason for an HTTP status.
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 402: return "Insufficient credits"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 410: return "Gone"
        case 429: return "Rate limit exceeded"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "HTTP \(status)"
        }
    }
}
