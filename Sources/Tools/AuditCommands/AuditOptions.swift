public import ArgumentParser
public import AuditLog
import Foundation

/// `--audit-log FILE` / `--no-audit-log`, shared by every command that records events.
///
/// The default log is `~/.coldcredits/audit.jsonl` on each machine: the offline machine's holds `sign`'s events,
/// the online machine's those of `prepare` and `broadcast`; `… audit timeline` merges them.
public struct AuditOptions: ParsableArguments, Sendable {
    /// The log to append to; nil means the default.
    @Option(
        name: .customLong("audit-log"),
        help: ArgumentHelp(
            "Append audit events to this JSON Lines log (default: ~/.coldcredits/audit.jsonl).", valueName: "file"))
    public var path: String?

    /// Record nothing.
    @Flag(name: .customLong("no-audit-log"), help: "Record no audit events (not recommended).")
    public var disabled = false

    /// Creates the default (the default log).
    public init() {}

    /// Refuses `--audit-log` together with `--no-audit-log`.
    public func validate() throws {
        if disabled, path != nil { throw ValidationError("give --audit-log FILE or --no-audit-log, not both") }
    }

    /// The trail these options select for `tool`.
    public func trail(tool: AuditEvent.Tool) -> AuditTrail {
        AuditTrail(tool: tool, path: disabled ? nil : (path ?? AuditTrail.defaultPath))
    }
}
