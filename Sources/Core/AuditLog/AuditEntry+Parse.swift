import BundleFormat
import EthereumPrimitives
import Foundation
import StrictJSON

extension AuditEntry {
    /// Reads one line (without its newline) strictly: every field present with its type, nothing else, and
    /// the bytes exactly the canonical encoding of what they say — so no two byte strings mean one entry.
    public init(line bytes: [UInt8]) throws(AuditLogError) {
        let entry: AuditEntry
        do { entry = try Self.read(bytes) } catch { throw .malformedEntry(reason: error.description) }
        guard entry.line == bytes else {
            throw .malformedEntry(reason: "not in canonical form (keys sorted, no spaces, minimal escapes)")
        }
        self = entry
    }

    private static func read(_ bytes: [UInt8]) throws(BundleError) -> AuditEntry {
        var reader = try BundleReader(document: Data(bytes))
        let version = try reader.integer("v")
        guard version == Self.version else {
            throw .unsupportedVersion(expected: Int(Self.version), found: Int(clamping: version))
        }
        let kindText = try reader.string("kind")
        guard let kind = AuditEvent.Kind(rawValue: kindText) else {
            throw .invalidField(path: "kind", reason: "unknown kind \"\(kindText)\"")
        }
        let toolText = try reader.string("tool")
        guard let tool = AuditEvent.Tool(rawValue: toolText) else {
            throw .invalidField(path: "tool", reason: "unknown tool \"\(toolText)\"")
        }
        let sequence = try reader.integer("seq")
        let time = try reader.integer("time")
        let previous = try reader.hash("prev")
        let fingerprint = try nullableString(&reader, "fingerprint")
        let chargeID = try nullableString(&reader, "chargeId")
        var detailsReader = try reader.object("details")
        var details: [String: String] = [:]
        for key in detailsReader.members.keys.sorted() {
            details[key] = try detailsReader.string(key)
        }
        try detailsReader.finish()
        try reader.finish()
        let event = AuditEvent(
            time: time, tool: tool, kind: kind, fingerprint: fingerprint, chargeID: chargeID,
            details: details)
        return AuditEntry(event: event, sequence: sequence, previousHash: previous)
    }

    /// A key that must be present, holding a string or null.
    private static func nullableString(_ reader: inout BundleReader, _ key: String) throws(BundleError) -> String? {
        guard reader.members[key] != nil else { throw .missingField(path: reader.childPath(key)) }
        return try reader.optionalString(key)
    }
}
