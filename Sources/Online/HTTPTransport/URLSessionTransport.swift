import Foundation

#if canImport(FoundationNetworking)
    internal import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's `URLSession` (libcurl-backed `FoundationNetworking` on Linux).
///
/// Each transport owns an ephemeral session: no cookies, no cache, no credential store. Redirects are not followed
/// (a 3xx is returned as the response) so the `Authorization` header never travels to a host the caller did not
/// name. The request's ``HTTPRequest/timeout`` bounds the whole exchange, not just the gaps between packets.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Creates a transport with its own ephemeral session.
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Performs the exchange; see ``HTTPTransport/send(_:)``.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        // FoundationNetworking truncates `timeoutInterval` to whole seconds (0.3 s would fire at once), and it is
        // an idle timeout anyway; the task group below enforces the exact total, this is only a backstop.
        urlRequest.timeoutInterval = (Self.seconds(request.timeout)).rounded(.up) + 1
        for field in request.headers { urlRequest.addValue(field.value, forHTTPHeaderField: field.name) }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        let prepared = urlRequest
        let urlText = request.origin
        let session = self.session
        let timeout = request.timeout
        do {
            // Race the exchange against the deadline; the loser is cancelled.
            return try await withThrowingTaskGroup(of: HTTPResponse?.self) { group in
                group.addTask { try await Self.exchange(prepared, on: session, url: urlText) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw HTTPTransportError.timedOut(url: urlText)
                }
                return response
            }
        } catch let error as URLError {
            throw Self.map(error, url: urlText)
        }
    }

    private static func exchange(_ request: URLRequest, on session: URLSession, url: String) async throws
        -> HTTPResponse
    {
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw HTTPTransportError.failed(url: url, reason: "the response is not HTTP")
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            guard let name = name as? String, let value = value as? String else { continue }
            headers.add(name: name, value: value)
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// Sorts URLSession's error codes into the three kinds of ``HTTPTransportError``.
    static func map(_ error: URLError, url: String) -> HTTPTransportError {
        let reason = "URLError \(error.code.rawValue): \(error.localizedDescription)"
        switch error.code {
        case .timedOut:
            return .timedOut(url: url)
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .internationalRoamingOff, .dataNotAllowed:
            return .cannotConnect(url: url, reason: reason)
        default:
            return .failed(url: url, reason: reason)
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}

/// Refuses every redirect, so the 3xx response itself is delivered.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
