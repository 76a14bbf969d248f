import ArgumentParser
public import AuditLog
import CommandLineSupport
import EthereumPrimitives
import Foundation
import TerminalText

/// Where one run of a tool records its events, and how it reports each append.
///
/// Every append prints `audit: appended signed #7 to PATH, head 0x…` on stderr: the head is the value to copy
/// somewhere the log's writer cannot reach (a ticket, the other machine) and check later with
/// `audit verify --expect-head`.
///
/// Two ways to append: ``record(_:)`` throws, for events written *before* the tool acts (an audit log that
/// cannot be extended stops the action); ``note(_:)`` only warns, for events written when the command is failing
/// anyway or has nothing left to protect.
public struct AuditTrail: Sendable {
    /// The tool that writes.
    public let tool: AuditEvent.Tool
    /// The log; nil when recording is off (`--no-audit-log`).
    public let path: String?

    /// Creates a trail.
    public init(tool: AuditEvent.Tool, path: String?) {
        self.tool = tool
        self.path = path
    }

    /// `$HOME/.coldcredits/audit.jsonl`, beside the signing ledger.
    public static var defaultPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "."
        return "\(home)/.coldcredits/audit.jsonl"
    }

    /// Whether events are recorded.
    public var isEnabled: Bool { path != nil }

    /// Appends an event of this tool about `subject`.
    ///
    /// Throws ``AuditLogError`` when it cannot be written (nothing is appended). Returns the new entry, or nil when
    /// recording is off.
    @discardableResult
    public func record(
        _ kind: AuditEvent.Kind, _ subject: AuditSubject, details: [String: String] = [:]
    ) throws -> AuditEntry? {
        try record(
            AuditEvent(
                tool: tool, kind: kind, fingerprint: subject.fingerprint, chargeID: subject.chargeID,
                details: details))
    }

    /// Appends `event`; throws ``AuditLogError`` when it cannot be written (nothing is appended).
    @discardableResult
    public func record(_ event: AuditEvent) throws -> AuditEntry? {
        guard let path else { return nil }
        let entry = try AuditLogWriter.append(event, to: path)
        Console.info(
            "audit: appended \(event.kind.rawValue) #\(entry.sequence) to \(path.escapedForTerminal), head \(entry.hash.hex)")
        return entry
    }

    /// Appends an event of this tool about `subject` once: not when the log already holds it.
    ///
    /// "It" is the same kind from this tool for the same purchase with the same `key` detail (`mined` for one
    /// transaction hash); a failure becomes a warning on stderr.
    public func noteOnce(_ kind: AuditEvent.Kind, _ subject: AuditSubject, details: [String: String], key: String) {
        guard let path else { return }
        let event = AuditEvent(
            tool: tool, kind: kind, fingerprint: subject.fingerprint, chargeID: subject.chargeID, details: details)
        do {
            var found = false
            let entry = try AuditLogWriter.append(event, to: path) { entry in
                let same =
                    entry.event.tool == tool && entry.event.kind == kind && entry.event.fingerprint == subject.fingerprint
                    && entry.event.chargeID == subject.chargeID && entry.event.details[key] == details[key]
                if same { found = true }
                return same
            }
            let verb = found ? "already holds" : "appended"
            Console.info(
                "audit: \(verb) \(kind.rawValue) #\(entry.sequence) in \(path.escapedForTerminal), head \(entry.hash.hex)")
        } catch {
            Console.warning("audit: could not append \(kind.rawValue) to \(path.escapedForTerminal): \(error)")
        }
    }

    /// Appends an event of this tool about `subject`; a failure becomes a warning on stderr.
    public func note(_ kind: AuditEvent.Kind, _ subject: AuditSubject, details: [String: String] = [:]) {
        note(
            AuditEvent(
                tool: tool, kind: kind, fingerprint: subject.fingerprint, chargeID: subject.chargeID,
                details: details))
    }

    /// Appends `event`; a failure becomes a warning on stderr.
    public func note(_ event: AuditEvent) {
        do { try record(event) } catch {
            Console.warning("audit: could not append \(event.kind.rawValue) to \((path ?? "?").escapedForTerminal): \(error)")
        }
    }

    /// Notes why the command failed, as a warning-only append.
    ///
    /// The event is `declined` when the operator declined, otherwise `refused`, with the error's stable kind
    /// (`error`) and message (`reason`). An `ExitCode` (already reported) is not noted.
    public func noteFailure(_ error: any Error, _ subject: AuditSubject, details: [String: String] = [:]) {
        guard isEnabled, let (kind, message) = Self.describe(error) else { return }
        var all = details
        all["error"] = kind
        all[AuditDetail.reason] = message
        let event = AuditEvent(
            tool: tool, kind: kind == "declined" ? .declined : .refused, fingerprint: subject.fingerprint,
            chargeID: subject.chargeID, details: all)
        note(event)
    }

    /// Reports `error` as `CommandRunner` does, then notes it; returns the `ExitCode` to throw.
    ///
    /// The `Error:` line (and with `--json` the JSON error object) comes first, so the audit line follows the
    /// error it records (``noteFailure(_:_:details:)``).
    public func report(
        _ error: any Error, _ subject: AuditSubject, json: Bool, details: [String: String] = [:]
    ) -> any Error {
        if error is ExitCode { return error }
        let exit = CommandRunner.report(error, json: json)
        noteFailure(error, subject, details: details)
        return exit
    }

    /// The stable kind and message of `error`, as `CommandRunner` reports them; nil for an `ExitCode`.
    static func describe(_ error: any Error) -> (kind: String, message: String)? {
        // An ExitCode has already been reported by the command that threw it.
        if error is ExitCode { return nil }
        let (kind, message, _) = ExitTable.classify(error)
        return (kind, message)
    }
}
