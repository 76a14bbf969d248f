import TerminalText
/// Why an HTTP exchange produced no response.
///
/// The three kinds matter to a caller: a timeout may mean the server acted on the request; a refused or
/// unreachable host means it never saw it; anything else is a transport failure with the platform's reason.
/// `url` is the request's ``HTTPRequest/origin`` (no path or query, which may hold an API key).
public enum HTTPTransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No complete response within the request's timeout.
    case timedOut(url: String)
    /// The host refused the connection, could not be resolved or could not be reached.
    case cannotConnect(url: String, reason: String)
    /// The connection broke, the response was malformed, or another transport-level failure.
    case failed(url: String, reason: String)

    /// A one-line explanation naming the URL.
    public var description: String {
        switch self {
        case .timedOut(let url):
            return "\(url.escapedForTerminal): no response before the timeout"
        case .cannotConnect(let url, let reason):
            return "\(url.escapedForTerminal): cannot connect (\(reason.escapedForTerminal))"
        case .failed(let url, let reason):
            return "\(url.escapedForTerminal): transport failure (\(reason.escapedForTerminal))"
        }
    }

    /// Whether the server cannot have seen the request (so repeating it is always safe).
    public var requestNeverSent: Bool {
        if case .cannotConnect = self { return true }
        return false
    }
}
