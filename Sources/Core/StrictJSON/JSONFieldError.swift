public import EthereumPrimitives

/// Why a parsed JSON document does not have the shape a ``JSONReader`` asked for; every case names the field by
/// its JSON path (`charge.web3_data.transfer_intent.call_data.deadline`, `feeLadder[0].rawTransaction`).
public enum JSONFieldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required member is absent or `null`.
    case missing(path: String)
    /// A member holds the wrong kind of value.
    case wrongType(path: String, expected: String, found: String)
    /// A member has the right kind but an unacceptable value.
    case invalid(path: String, reason: String)
    /// A member's text breaks a primitive format (a non-canonical quantity, a bad address, odd-length hex); the
    /// primitive's own error is kept so callers can tell the kinds apart.
    case malformed(path: String, PrimitiveError)
    /// A member nobody asked for (strict documents refuse them).
    case unknown(path: String)

    /// The JSON path of the field.
    public var path: String {
        switch self {
        case .missing(let path), .wrongType(let path, _, _), .invalid(let path, _), .malformed(let path, _), .unknown(let path):
            return path
        }
    }

    /// A one-line explanation naming the field.
    public var description: String {
        switch self {
        case .missing(let path): return "missing field \(Self.show(path))"
        case .wrongType(let path, let expected, let found): return "\(Self.show(path)): expected \(expected), found \(found)"
        case .invalid(let path, let reason): return "\(Self.show(path)): \(reason)"
        case .malformed(let path, let cause): return "\(Self.show(path)): \(cause)"
        case .unknown(let path): return "unknown field \(Self.show(path))"
        }
    }

    private static func show(_ path: String) -> String { path.isEmpty ? "(document)" : path }
}
