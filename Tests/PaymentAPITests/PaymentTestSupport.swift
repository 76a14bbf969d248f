import Foundation
import HTTPTransport
import LoopbackHTTP
import PaymentAPI
import Synchronization

/// A sleeper that records each requested delay and returns at once.
final class RecordingSleeper: Sleeper {
    private let delays = Mutex<[Duration]>([])
    private let failing: Bool

    init(failing: Bool = false) { self.failing = failing }

    /// The delays asked for, in order.
    var recorded: [Duration] { delays.withLock { $0 } }

    func sleep(for duration: Duration) async throws {
        delays.withLock { $0.append(duration) }
        if failing { throw CancellationError() }
    }
}

/// Answers requests from a script, one step per request (the last step repeats), recording every request.
final class ScriptedAPI: Sendable {
    enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(HTTPTransportError)
    }

    private let steps: [Step]
    private let log = Mutex<[HTTPRequest]>([])

    init(_ steps: [Step]) { self.steps = steps }

    convenience init(_ responses: HTTPResponse...) { self.init(responses.map { .respond($0) }) }

    /// The requests received.
    var requests: [HTTPRequest] { log.withLock { $0 } }

    @Sendable func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        let index = log.withLock { log in
            log.append(request)
            return log.count - 1
        }
        switch steps[min(index, steps.count - 1)] {
        case .respond(let response): return response
        case .fail(let error): throw error
        }
    }

    /// The handler for a loopback server (which cannot throw: failures become 500s).
    @Sendable func serve(_ request: HTTPRequest) async -> HTTPResponse {
        do {
            return try await handle(request)
        } catch {
            return HTTPResponse(status: 500, text: "scripted transport failure cannot cross a socket")
        }
    }
}

/// An OpenRouter-style error response.
func envelope(_ status: Int, _ message: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
    HTTPResponse(status: status, text: #"{"error":{"code":\#(status),"message":"\#(message)"}}"#, headers: headers)
}

let testKey: APIKey = {
    do {
        return try APIKey("sk-or-v1-test-0123456789")
    } catch {
        preconditionFailure("bad test key: \(error)")
    }
}()

/// A client over an in-process transport with a recording sleeper.
func scriptedClient(
    _ api: ScriptedAPI, sleeper: RecordingSleeper = RecordingSleeper(), retry: RetryPolicy = RetryPolicy()
)
    -> PaymentAPIClient
{
    PaymentAPIClient(apiKey: testKey, transport: InProcessTransport(api.handle), retryPolicy: retry, sleeper: sleeper)
}
