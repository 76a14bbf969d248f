/// Why the loopback server could not start.
public enum LoopbackHTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A socket call failed; `errno` is the C error number.
    case socketFailure(operation: String, errno: Int32)
    /// ``LoopbackHTTPServer/start()`` was called on a server that was already started.
    case alreadyStarted
    /// The platform has no implementation (the server uses Linux socket calls).
    case unsupportedPlatform

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .socketFailure(let operation, let errno):
            return "loopback server: \(operation) failed with errno \(errno)"
        case .alreadyStarted:
            return "loopback server: already started (a server runs once)"
        case .unsupportedPlatform:
            return "loopback server: only implemented on Linux"
        }
    }
}
