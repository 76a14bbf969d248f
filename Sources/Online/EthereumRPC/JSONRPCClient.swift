public import Foundation
public import HTTPTransport
public import StrictJSON
import Synchronization

/// A JSON-RPC 2.0 client for one Ethereum node endpoint, over any ``HTTPTransport``.
///
/// Single calls and batches (several calls in one HTTP request, answered in any order and matched by `id`). The
/// client does not retry: broadcasting is not idempotent in its consequences, so the caller decides. It counts its
/// HTTP exchanges in ``roundTrips`` so tests (and `--verbose` output) can see what a batch saved.
///
/// - Warning: Node URLs often carry an API key in the path; errors name only the origin (``HTTPRequest/origin``).
public final class JSONRPCClient: Sendable {
    /// The node's URL.
    public let endpoint: URL
    private let transport: any HTTPTransport
    private let timeout: Duration
    private let extraHeaders: HTTPHeaders
    private let counters = Mutex((nextID: 1, roundTrips: 0))

    /// Creates a client.
    /// - Parameters:
    ///   - endpoint: the node's JSON-RPC URL.
    ///   - transport: how to send HTTP (``URLSessionTransport`` in the tools).
    ///   - timeout: the limit for each HTTP exchange.
    ///   - headers: extra headers for every request (an `Authorization` some providers want).
    public init(
        endpoint: URL,
        transport: any HTTPTransport,
        timeout: Duration = HTTPRequest.defaultTimeout,
        headers: HTTPHeaders = [:]
    ) {
        self.endpoint = endpoint
        self.transport = transport
        self.timeout = timeout
        self.extraHeaders = headers
    }

    /// How many HTTP exchanges this client has attempted (a batch counts once).
    public var roundTrips: Int { counters.withLock { $0.roundTrips } }

    /// Sends one call and returns its decoded result.
    /// - Throws: ``RPCError``; a node error object becomes ``RPCError/node(_:)``.
    public func send<Value>(_ request: RPCRequest<Value>) async throws(RPCError) -> Value {
        let id = reserveIDs(1)
        let body = Self.envelope(method: request.method, params: request.params, id: id)
        let response = try await exchange(JSON.serialize(body), method: request.method)
        let parsed = try Self.parse(response, method: request.method)
        let result = try ResponseMatcher(method: request.method).single(parsed, id: id).get()
        return try request.decode(result)
    }

    /// Sends several calls in one HTTP request and returns each call's raw result or error, in call order.
    ///
    /// An empty list sends nothing. Errors that concern the whole exchange (transport, HTTP status, unreadable
    /// body, a batch-level error object, unknown or repeated ids) are thrown; errors of single calls come back as
    /// failures in their slot.
    public func rawBatch(_ calls: [(method: String, params: [JSONValue])]) async throws(RPCError)
        -> [Result<JSONValue, RPCError>]
    {
        guard !calls.isEmpty else { return [] }
        let firstID = reserveIDs(calls.count)
        let label = "batch(" + calls.map(\.method).joined(separator: ",") + ")"
        let body = JSONValue.array(
            calls.enumerated().map { Self.envelope(method: $1.method, params: $1.params, id: firstID + $0) })
        let response = try await exchange(JSON.serialize(body), method: label)
        let parsed = try Self.parse(response, method: label)
        return try ResponseMatcher(method: label).batch(parsed, firstID: firstID, methods: calls.map(\.method))
    }

    private func reserveIDs(_ count: Int) -> Int {
        counters.withLock { counters in
            defer { counters.nextID += count }
            return counters.nextID
        }
    }

    private static func envelope(method: String, params: [JSONValue], id: Int) -> JSONValue {
        .object([
            "jsonrpc": .string("2.0"), "id": .number(String(id)), "method": .string(method), "params": .array(params),
        ])
    }

    /// One HTTP POST; a non-2xx status is returned for ``parse(_:method:)`` to judge.
    private func exchange(_ body: [UInt8], method: String) async throws(RPCError) -> HTTPResponse {
        var headers = extraHeaders
        headers["Content-Type"] = "application/json"
        headers["Accept"] = "application/json"
        let request = HTTPRequest(method: .post, url: endpoint, headers: headers, body: Data(body), timeout: timeout)
        counters.withLock { $0.roundTrips += 1 }
        do {
            return try await transport.send(request)
        } catch let error as HTTPTransportError {
            throw .transport(error)
        } catch {
            throw .transport(.failed(url: request.origin, reason: String(describing: error)))
        }
    }

    /// The body as JSON.
    ///
    /// A non-2xx status is an ``RPCError/httpStatus(status:body:)`` unless the body carries a
    /// JSON-RPC error object, which is more precise and is passed on.
    private static func parse(_ response: HTTPResponse, method: String) throws(RPCError) -> JSONValue {
        let parsed: JSONValue
        do {
            parsed = try JSON.parse(response.body)
        } catch {
            guard response.isSuccess else { throw .httpStatus(status: response.status, body: response.bodyExcerpt()) }
            throw .invalidJSON(method: method, error)
        }
        if !response.isSuccess, parsed["error"]?.objectValue == nil {
            throw .httpStatus(status: response.status, body: response.bodyExcerpt())
        }
        return parsed
    }
}
