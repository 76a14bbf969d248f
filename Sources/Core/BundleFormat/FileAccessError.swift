import TerminalText
/// Why a file could not be read, locked or appended to; shared by every tool through the file helpers
/// (``BoundedFile``, ``LockedAppendFile``).
public enum FileAccessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is larger than the cap for its kind; refused before it was read.
    case inputTooLarge(what: String, path: String, size: UInt64, cap: UInt64)
    /// Another run holds the file's lock and did not release it in time.
    case locked(what: String, path: String, holder: Int32?, waitedSeconds: Double)
    /// The file is missing or cannot be opened.
    case cannotOpen(what: String, path: String, reason: String)
    /// Reading failed.
    case cannotRead(what: String, path: String, reason: String)
    /// Creating, writing or syncing failed.
    case cannotWrite(what: String, path: String, reason: String)

    /// A stable machine-readable name for `--json` output.
    public var kind: String {
        switch self {
        case .inputTooLarge: return "inputTooLarge"
        case .locked: return "fileLocked"
        case .cannotOpen: return "noInput"
        case .cannotRead: return "cannotRead"
        case .cannotWrite: return "cannotWrite"
        }
    }

    /// A one-line explanation naming the file.
    public var description: String {
        switch self {
        case .inputTooLarge(let what, let path, let size, let cap):
            return
                "\(what) \(path.escapedForTerminal) is \(size) bytes, more than the \(cap)-byte cap for a \(what); refused before reading"
        case .locked(let what, let path, let holder, let waited):
            let by = holder.map { " by process \($0)" } ?? " by another run"
            return
                "\(what) \(path.escapedForTerminal) is locked\(by) (waited \(Int(waited.rounded())) s); nothing done — re-run when it finishes"
        case .cannotOpen(let what, let path, let reason): return "\(what) \(path.escapedForTerminal) cannot be opened: \(reason)"
        case .cannotRead(let what, let path, let reason): return "\(what) \(path.escapedForTerminal) cannot be read: \(reason)"
        case .cannotWrite(let what, let path, let reason):
            return "\(what) \(path.escapedForTerminal) cannot be written: \(reason)"
        }
    }
}

/// An error enum with the four file-helper cases (the signing ledger's and the audit log's): it gets the one mapping
/// from ``FileAccessError`` for free.
public protocol FileAccessMirroring {
    /// The file is larger than its cap.
    static func inputTooLarge(path: String, size: UInt64, cap: UInt64) -> Self
    /// Another run holds the file's lock.
    static func locked(path: String, holder: Int32?) -> Self
    /// The file cannot be opened or read.
    static func cannotRead(path: String, reason: String) -> Self
    /// The file cannot be written.
    static func cannotWrite(path: String, reason: String) -> Self
}

extension FileAccessMirroring {
    /// The module's own error for a file-helper failure.
    public init(_ error: FileAccessError) {
        switch error {
        case .inputTooLarge(_, let path, let size, let cap): self = .inputTooLarge(path: path, size: size, cap: cap)
        case .locked(_, let path, let holder, _): self = .locked(path: path, holder: holder)
        case .cannotOpen(_, let path, let reason), .cannotRead(_, let path, let reason):
            self = .cannotRead(path: path, reason: reason)
        case .cannotWrite(_, let path, let reason): self = .cannotWrite(path: path, reason: reason)
        }
    }
}
