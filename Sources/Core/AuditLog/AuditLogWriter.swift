import BundleFormat
import Foundation

/// Appends events to an audit log so that a crash loses no completed event and a broken log is never extended.
///
/// Each append, under the exclusive lock of ``LockedAppendFile`` (the helper the signing ledger uses too; two tools
/// on one machine may share a log): reads the whole log (at most ``InputLimit/log`` bytes) and
/// verifies it (``AuditLogVerifier``) — refusing with ``AuditLogError/logDoesNotVerify(path:findings:)`` if it
/// does not — builds the next entry chained to the current head, writes it with one `O_APPEND` write plus
/// newline, and `fsync`s the file (and the directory when the file was new). The returned entry's `hash` is the
/// new head: tools print it (`audit head: 0x…`) so an operator can anchor the log elsewhere.
public enum AuditLogWriter {
    /// Appends `event` to the log at `path` (created with mode 0600, with its directory, if missing).
    @discardableResult
    ///
    /// With `unlessRecorded`, an entry already in the log for which it is true is returned instead and nothing is
    /// appended (checked under the same lock): a fact such as `mined` is recorded once however many runs see it,
    /// even when a crash came between the append and the run's own state file.
    public static func append(
        _ event: AuditEvent, to path: String, unlessRecorded: ((AuditEntry) -> Bool)? = nil
    ) throws(AuditLogError) -> AuditEntry {
        try check(event)
        let file = try openLocked(path, create: true)
        defer { file.close() }
        let report = AuditLogVerifier.verify(contents: file.contents, source: path)
        guard report.isIntact else { throw .logDoesNotVerify(path: path, findings: report.findings) }
        if let unlessRecorded {
            for line in file.contents.split(separator: 0x0a) {
                if let entry = try? AuditEntry(line: Array(line)), unlessRecorded(entry) { return entry }
            }
        }
        let entry = AuditEntry(event: event, sequence: report.lastSequence + 1, previousHash: report.head)
        do { try file.append(entry.line + [0x0a]) } catch { throw AuditLogError(error) }
        return entry
    }

    /// Cuts a last line that has no newline, so appending can resume.
    ///
    /// Such a line is the remnant of a write a crash interrupted, never a complete event. Returns the number of
    /// bytes removed (0 if the log ends in a newline).
    @discardableResult
    public static func discardIncompleteTail(of path: String) throws(AuditLogError) -> Int {
        let file = try openLocked(path, create: false)
        defer { file.close() }
        let count = file.contents.count
        let keep = (file.contents.lastIndex(of: 0x0a) ?? -1) + 1
        guard keep < count else { return 0 }
        do { try file.truncate(to: keep) } catch { throw AuditLogError(error) }
        return count - keep
    }

    /// Refuses secret-looking details and malformed fingerprints before anything is opened.
    static func check(_ event: AuditEvent) throws(AuditLogError) {
        for (key, value) in event.details.sorted(by: { $0.key < $1.key }) {
            if let reason = AuditDetail.secretProblem(key: key, value: value) {
                throw .secretLikeDetail(key: key, reason: reason)
            }
        }
        if let fingerprint = event.fingerprint, !isFingerprint(fingerprint) {
            throw .invalidFingerprint(fingerprint)
        }
    }

    /// `xxxx-xxxx-xxxx-xxxx`, lower-case hex.
    static func isFingerprint(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.count == 4
            && groups.allSatisfy { group in
                group.utf8.count == 4
                    && group.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            }
    }

    /// The log opened and read under its exclusive lock (the shared ``LockedAppendFile`` helper).
    static func openLocked(_ path: String, create: Bool) throws(AuditLogError) -> LockedAppendFile {
        do { return try LockedAppendFile.open(path, what: "audit log", cap: InputLimit.log, create: create) } catch {
            throw AuditLogError(error)
        }
    }
}

extension AuditLogWriter {
    /// Whether `contents` is a whole log whose chain verifies (``TornTail``'s test for the audit log).
    public static func isValid(_ contents: [UInt8]) -> Bool {
        AuditLogVerifier.verify(contents: contents, source: "").isIntact
    }

    /// Whether `line` (without its newline) parses as an entry: such a line is never dropped by a repair.
    public static func lineParses(_ line: [UInt8]) -> Bool {
        (try? AuditEntry(line: line)) != nil
    }
}
