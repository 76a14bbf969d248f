public import BundleFormat
import TerminalText

/// Why an audit event could not be written or a log could not be read.
///
/// Findings about a log's integrity
/// are not errors but ``AuditFinding``s in an ``AuditLogReport``.
public enum AuditLogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A detail looks like a secret; nothing was written.
    case secretLikeDetail(key: String, reason: String)
    /// The fingerprint is not four groups of four lower-case hex digits.
    case invalidFingerprint(String)
    /// A line is not a valid entry.
    case malformedEntry(reason: String)
    /// The log cannot be read.
    case cannotRead(path: String, reason: String)
    /// The log cannot be created, locked, written or synced.
    case cannotWrite(path: String, reason: String)
    /// The log is larger than its cap (``InputLimit/log``); refused before reading.
    case inputTooLarge(path: String, size: UInt64, cap: UInt64)
    /// Another run holds the log's lock; `holder` is its pid when known.
    case locked(path: String, holder: Int32?)
    /// The log does not verify, so appending would extend a broken chain; nothing was written.
    case logDoesNotVerify(path: String, findings: [AuditFinding])

    /// A stable machine-readable name for `--json` output.
    public var kind: String {
        switch self {
        case .secretLikeDetail: return "secretLikeDetail"
        case .invalidFingerprint: return "invalidFingerprint"
        case .malformedEntry: return "malformedEntry"
        case .cannotRead: return "cannotRead"
        case .cannotWrite: return "cannotWrite"
        case .logDoesNotVerify: return "logDoesNotVerify"
        case .inputTooLarge: return "inputTooLarge"
        case .locked: return "fileLocked"
        }
    }

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .secretLikeDetail(let key, let reason):
            return "audit detail \"\(key.escapedForTerminal)\" refused: \(reason); audit logs never hold secrets"
        case .invalidFingerprint(let text):
            return "audit event fingerprint \"\(text.escapedForTerminal)\" is not xxxx-xxxx-xxxx-xxxx"
        case .malformedEntry(let reason): return "not an audit entry: \(reason.escapedForTerminal)"
        case .cannotRead(let path, let reason):
            return "audit log \(path.escapedForTerminal) cannot be read: \(reason.escapedForTerminal)"
        case .cannotWrite(let path, let reason):
            return "audit log \(path.escapedForTerminal) cannot be written: \(reason.escapedForTerminal)"
        case .inputTooLarge(let path, let size, let cap):
            return "audit log \(path.escapedForTerminal) is \(size) bytes, more than the \(cap)-byte cap; refused before reading"
        case .locked(let path, let holder):
            return
                "audit log \(path.escapedForTerminal) is locked by \(holder.map { "process \($0)" } ?? "another run"); nothing written"
        case .logDoesNotVerify(let path, let findings):
            let first = findings.first.map { "; first: \($0)" } ?? ""
            return
                "audit log \(path.escapedForTerminal) does not verify (\(findings.count) finding(s)\(first)); refusing to append — "
                + "if a crash tore the last line, `audit repair \(path.escapedForTerminal)` drops it (and only it); otherwise "
                + "run the audit verify command, keep the damaged log as evidence and start a new one"
        }
    }
}

extension AuditLogError: FileAccessMirroring {}
