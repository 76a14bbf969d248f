import AuditLog
import EthereumPrimitives
import Foundation

/// Builds chained logs in memory and on disk for the tests, and mutates them.
enum LogFactory {
    static let fingerprint = "d095-76c1-302c-afd8"

    /// `count` chained entries: a signing session's events, one per second from `start`.
    static func entries(_ count: Int, start: UInt64 = 1_740_806_400) -> [AuditEntry] {
        let kinds: [AuditEvent.Kind] = [.reviewed, .approved, .signed, .declined, .refused]
        var previous = AuditEntry.genesisHash
        return (0..<count).map { index in
            let event = AuditEvent(
                time: start + UInt64(index), tool: .sign, kind: kinds[index % kinds.count],
                fingerprint: fingerprint, chargeID: "charge-\(index / 5)",
                details: ["reason": "event number \(index + 1)"])
            let entry = AuditEntry(event: event, sequence: UInt64(index + 1), previousHash: previous)
            previous = entry.hash
            return entry
        }
    }

    /// The lines of `entries`, without newlines.
    static func lines(_ entries: [AuditEntry]) -> [[UInt8]] { entries.map(\.line) }

    /// A log file's bytes from lines.
    static func contents(_ lines: [[UInt8]]) -> [UInt8] { lines.flatMap { $0 + [0x0a] } }

    /// An entry like `entry` with other details, same sequence number and prev: a forger's edit.
    static func edited(_ entry: AuditEntry) -> AuditEntry {
        var event = entry.event
        event.details["reason"] = "nothing to see here"
        return AuditEntry(event: event, sequence: entry.sequence, previousHash: entry.previousHash)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
