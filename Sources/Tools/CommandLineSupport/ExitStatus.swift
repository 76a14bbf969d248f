/// The exit codes of all three tools (sysexits.h values plus 3 for a reverted payment).
///
/// Which error exits with which is decided in ``ExitTable``; the README carries the same table.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Success.
    case success = 0
    /// Unexpected failure: a bug.
    case failure = 1
    /// The transaction was included but reverted (receipt status 0).
    case reverted = 3
    /// Bad arguments (`EX_USAGE`; ArgumentParser's own code for validation errors).
    case usage = 64
    /// Input malformed or failing verification (`EX_DATAERR`).
    case dataError = 65
    /// Input, keystore or password file missing or unreadable (`EX_NOINPUT`).
    case noInput = 66
    /// API or RPC node unreachable or answering with a transport error (`EX_UNAVAILABLE`).
    case unavailable = 69
    /// Output exists (no `--force`) or cannot be written (`EX_CANTCREAT`).
    case cannotCreate = 73
    /// Timed out; safe to re-run (`EX_TEMPFAIL`).
    case temporaryFailure = 75
    /// Wrong password, missing approval quorum, or the operator declined; nothing written (`EX_NOPERM`).
    case noPermission = 77
}

/// An error a command can report: a stable kind for `--json`, a message for people, and an exit status.
public protocol ReportableError: Error, CustomStringConvertible {
    /// A stable machine-readable name (`signingHashMismatch`, `wrongPassword`, …).
    var kind: String { get }
    /// The name the exit status is looked up by in ``ExitTable`` (default: ``kind``); finer than `kind` where one
    /// kind wraps failures that exit differently (an API error inside a broadcast failure).
    var exitKind: String { get }
    /// The exit status this error maps to (default: ``ExitTable``'s row for ``exitKind``).
    var exitStatus: ExitStatus { get }
}

extension ReportableError {
    /// The kind itself.
    public var exitKind: String { kind }
    /// ``ExitTable``'s row for ``exitKind``.
    public var exitStatus: ExitStatus { ExitTable.status(for: exitKind) }
}

/// A failure raised by the command layer itself (files, arguments, prompts).
public struct CommandError: ReportableError, Equatable {
    /// The stable kind.
    public let kind: String
    /// The message.
    public let message: String
    /// The exit status.
    public let exitStatus: ExitStatus

    /// Creates an error.
    public init(kind: String, message: String, exitStatus: ExitStatus) {
        self.kind = kind
        self.message = message
        self.exitStatus = exitStatus
    }

    /// The message.
    public var description: String { message }
}
