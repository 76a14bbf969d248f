import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends events to an audit log so that a crash loses no completed event and a broken log is never extended.
///
/// Each append, under an exclusive `flock` (two tools on one machine may share a log): reads the whole log and
/// verifies it (``AuditLogVerifier``) — refusing with ``AuditLogError/logDoesNotVerify(path:findings:)`` if it
/// does not — builds the next entry chained to the current head, writes it with one `O_APPEND` write plus
/// newline, and `fsync`s the file (and the directory when the file was new). The returned entry's `hash` is the
/// new head: tools print it (`audit head: 0x…`) so an operator can anchor the log elsewhere.
public enum AuditLogWriter {
    /// Appends `event` to the log at `path` (created with mode 0600, with its directory, if missing).
    @discardableResult
    public static func append(_ event: AuditEvent, to path: String) throws(AuditLogError) -> AuditEntry {
        try check(event)
        let descriptor = try openLocked(path, flags: O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC)
        defer { close(descriptor) }
        let contents = try readAll(descriptor, path: path)
        let report = AuditLogVerifier.verify(contents: contents, source: path)
        guard report.isIntact else { throw .logDoesNotVerify(path: path, findings: report.findings) }
        let entry = AuditEntry(event: event, sequence: report.lastSequence + 1, previousHash: report.head)
        try writeAll(descriptor, entry.line + [0x0a], path: path)
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: path, reason: "fsync: \(errnoText())") }
        if contents.isEmpty { syncDirectory(of: path) }
        return entry
    }

    /// Cuts a last line that has no newline, so appending can resume.
    ///
    /// Such a line is the remnant of a write a crash interrupted, never a complete event. Returns the number of
    /// bytes removed (0 if the log ends in a newline).
    @discardableResult
    public static func discardIncompleteTail(of path: String) throws(AuditLogError) -> Int {
        let descriptor = try openLocked(path, flags: O_RDWR | O_CLOEXEC)
        defer { close(descriptor) }
        let contents = try readAll(descriptor, path: path)
        let keep = (contents.lastIndex(of: 0x0a) ?? -1) + 1
        guard keep < contents.count else { return 0 }
        guard ftruncate(descriptor, off_t(keep)) == 0, fsync(descriptor) == 0 else {
            throw .cannotWrite(path: path, reason: errnoText())
        }
        return contents.count - keep
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

    static func openLocked(_ path: String, flags: Int32) throws(AuditLogError) -> Int32 {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: path, reason: "cannot create \(directory): \(error.localizedDescription)")
        }
        let descriptor = open(path, flags, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: "open: \(errnoText())") }
        guard flock(descriptor, LOCK_EX) == 0 else {
            let reason = errnoText()
            close(descriptor)
            throw .cannotWrite(path: path, reason: "lock: \(reason)")
        }
        return descriptor
    }

    static func readAll(_ descriptor: Int32, path: String) throws(AuditLogError) -> [UInt8] {
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress, $0.count, off_t(contents.count))
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .cannotRead(path: path, reason: errnoText()) }
            if count == 0 { return contents }
            contents += buffer[0..<count]
        }
    }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(AuditLogError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw .cannotWrite(path: path, reason: "write: \(errnoText())") }
            offset += count
        }
    }

    /// Makes a new file's directory entry durable; best effort (some file systems refuse directory fsync).
    static func syncDirectory(of path: String) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
