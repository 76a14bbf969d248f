public import StrictJSON
import TerminalText
public import Foundation
import Crypto

/// Where the policy in force came from, so the review can say which policy decided.
public enum PolicySource: Sendable, Equatable, CustomStringConvertible {
    /// No policy file: the built-in ``Policy/default``.
    case builtIn
    /// A policy file: its path and the first 8 bytes of its SHA-256, in hex.
    case file(path: String, sha256Prefix: String)

    /// The source of a policy file's `bytes` read from `path`.
    public init(path: String, bytes: Data) {
        let digest = SHA256.hash(data: bytes)
        self = .file(path: path, sha256Prefix: digest.prefix(8).map { String(format: "%02x", $0) }.joined())
    }

    /// "built-in defaults" or "policy file PATH (sha256 0123abcd…)"; the path is shown as given, escaped by the
    /// terminal layer.
    public var description: String {
        switch self {
        case .builtIn: return "built-in defaults"
        case .file(let path, let prefix): return "policy file \(path.escapedForTerminal) (sha256 \(prefix)…)"
        }
    }

    /// "built-in policy" or "policy file": what a pin shown in the review came from.
    public var pinOrigin: String {
        switch self {
        case .builtIn: return "built-in policy"
        case .file: return "policy file"
        }
    }

    /// For `--json`: `{"source": "builtIn"}` or `{"source": "file", "path": …, "sha256Prefix": …}`.
    public var fields: JSONValue {
        switch self {
        case .builtIn: return ["source": "builtIn"]
        case .file(let path, let prefix): return ["source": "file", "path": .string(path), "sha256Prefix": .string(prefix)]
        }
    }
}

/// The signer's clock, in Unix seconds, injected into a ``SigningSession`` so tests move time through the library
/// and never through a command-line flag.
public struct SigningClock: Sendable {
    let read: @Sendable () -> UInt64

    /// A clock that reads `read`.
    public init(_ read: @escaping @Sendable () -> UInt64) { self.read = read }

    /// The machine's wall clock (0 before 1970, never a trap).
    public static let system = SigningClock { UInt64(max(0, Date().timeIntervalSince1970)) }

    /// A clock stopped at `seconds`.
    public static func fixed(_ seconds: UInt64) -> SigningClock { SigningClock { seconds } }

    /// Now.
    public func now() -> UInt64 { read() }
}
