/// Why the sandbox could not be configured, started, or could not read or write its state file.
///
/// Request-level failures are not errors of this type: they become HTTP or JSON-RPC error answers.
public enum SandboxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value is out of range or malformed (a flag, a fault specification).
    case invalidOption(name: String, value: String, reason: String)
    /// The state file exists but cannot be read or parsed, or cannot be written.
    case stateFile(path: String, reason: String)
    /// The state file belongs to another chain.
    case chainIDMismatch(stateFile: UInt64, configured: UInt64)
    /// The HTTP server could not start.
    case server(reason: String)

    /// A one-line explanation naming the option, file or cause.
    public var description: String {
        switch self {
        case .invalidOption(let name, let value, let reason):
            return "\(name): '\(value)' is not valid: \(reason)"
        case .stateFile(let path, let reason):
            return "state file \(path): \(reason)"
        case .chainIDMismatch(let stateFile, let configured):
            return "state file is for chain \(stateFile), but the sandbox was started for chain \(configured)"
        case .server(let reason):
            return "cannot start the sandbox server: \(reason)"
        }
    }
}
