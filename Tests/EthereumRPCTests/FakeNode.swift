import Foundation
import HTTPTransport
import StrictJSON
import Synchronization

/// A scripted JSON-RPC node: answers each call from a table keyed by method, batches included.
///
/// Answers are raw JSON text for `result` or `error`, so tests can send malformed values the client must refuse.
final class FakeNode: Sendable {
    /// What the node says to one method.
    enum Answer: Sendable {
        /// `{"jsonrpc":"2.0","id":…,"result":<json>}`.
        case result(String)
        /// `{"jsonrpc":"2.0","id":…,"error":<json>}`.
        case error(String)
        /// A response object written verbatim except for `"id":ID`, which is replaced by the request id.
        case verbatim(String)
        /// No response object at all (batch item dropped).
        case omitted
    }

    private let answers: [String: Answer]
    private let reverseBatches: Bool
    private let log = Mutex<[JSONValue]>([])
    private let httpRequests = Mutex(0)

    init(_ answers: [String: Answer], reverseBatches: Bool = false) {
        self.answers = answers
        self.reverseBatches = reverseBatches
    }

    /// Every request body received, parsed.
    var received: [JSONValue] { log.withLock { $0 } }

    /// HTTP requests received.
    var httpRequestCount: Int { httpRequests.withLock { $0 } }

    /// The handler for a ``LoopbackHTTPServer`` or an ``InProcessTransport``.
    @Sendable func handle(_ request: HTTPRequest) async -> HTTPResponse {
        httpRequests.withLock { $0 += 1 }
        let body: JSONValue
        do {
            body = try JSON.parse(request.body)
        } catch {
            return HTTPResponse(status: 400, text: "not JSON: \(error)")
        }
        log.withLock { $0.append(body) }
        switch body {
        case .array(let calls):
            var parts = calls.compactMap(answer)
            if reverseBatches { parts.reverse() }
            return HTTPResponse(status: 200, text: "[" + parts.joined(separator: ",") + "]")
        default:
            return HTTPResponse(status: 200, text: answer(body) ?? "")
        }
    }

    private func answer(_ call: JSONValue) -> String? {
        let id = call["id"].map { JSON.serializedString($0) } ?? "null"
        let method = call["method"]?.stringValue ?? ""
        switch answers[method] ?? .error(#"{"code":-32601,"message":"the method \#(method) does not exist"}"#) {
        case .result(let json): return #"{"jsonrpc":"2.0","id":\#(id),"result":\#(json)}"#
        case .error(let json): return #"{"jsonrpc":"2.0","id":\#(id),"error":\#(json)}"#
        case .verbatim(let text): return text.replacingOccurrences(of: "\"id\":ID", with: "\"id\":\(id)")
        case .omitted: return nil
        }
    }
}
