/// Something that performs one HTTP exchange: URLSession in the tools, an in-process handler in tests.
///
/// Implementations do not retry and do not interpret status codes: a 500 is a successful exchange that returns a
/// response. They throw ``HTTPTransportError`` when no response arrives (timeout, refused or unreachable host, broken
/// connection).
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// The transport the tools use for real requests.
public enum HTTP {
    /// A transport over Foundation's URLSession (ephemeral, no redirects, exact timeouts): the one place the tools
    /// reach FoundationNetworking.
    public static func systemTransport() -> any HTTPTransport { URLSessionTransport() }
}
