public import HTTPTransport

/// An ``HTTPTransport`` that calls a closure instead of the network: the fake for unit tests.
///
/// The closure may throw ``HTTPTransportError`` to stand for a timeout or a refused connection. The same handler
/// a ``LoopbackHTTPServer`` uses can be wrapped, so one test double serves both in-process and real-socket tests.
public struct InProcessTransport: HTTPTransport {
    private let body: @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// Wraps a closure that answers (or fails) each request.
    public init(_ body: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) { self.body = body }

    /// Calls the closure.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse { try await body(request) }
}
