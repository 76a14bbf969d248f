public import Foundation

/// An HTTP request method.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method token as sent on the wire (`"GET"`).
    public let rawValue: String

    /// Wraps a method token.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")

    /// The method token.
    public var description: String { rawValue }
}

/// One HTTP request as plain values: what a client sends and what ``LoopbackHTTP`` hands to its handler.
public struct HTTPRequest: Sendable, Equatable {
    /// The default time allowed for a whole exchange.
    public static let defaultTimeout: Duration = .seconds(30)

    /// The method.
    public var method: HTTPMethod
    /// The absolute URL (scheme, host, port, path and query).
    public var url: URL
    /// Header fields; `Content-Length` and `Host` are set by the transport.
    public var headers: HTTPHeaders
    /// The body bytes (empty for none).
    public var body: Data
    /// The longest the client waits for the response before failing with ``HTTPTransportError/timedOut(url:)``.
    public var timeout: Duration

    /// Creates a request.
    public init(
        method: HTTPMethod,
        url: URL,
        headers: HTTPHeaders = [:],
        body: Data = Data(),
        timeout: Duration = HTTPRequest.defaultTimeout
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// `scheme://host[:port]` only: what errors and logs may show, since node URLs often carry an API key in
    /// the path or query.
    public var origin: String {
        let scheme = url.scheme ?? "http"
        let host = url.host ?? "?"
        return url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }

    /// The path and query as they appear on the request line (`/api/v1/credits?x=1`), percent-escapes intact.
    public var target: String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.path }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }
}
