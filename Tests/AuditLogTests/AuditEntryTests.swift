import AuditLog
import EthereumPrimitives
import Foundation
import TestSupport
import Testing

/// The line format against an independent implementation (Fixtures/python_log.jsonl, json.dumps + eth-hash),
/// round trips, and strict reading.
@Suite struct AuditEntryTests {
    static func pythonLog() throws -> (contents: [UInt8], summary: [String: Any]) {
        let contents = try Fixtures.repositoryFile("Tests/AuditLogTests/Fixtures/python_log.jsonl")
        let summaryData = try Fixtures.repositoryFile("Tests/AuditLogTests/Fixtures/python_log.json")
        let summary = try JSONSerialization.jsonObject(with: summaryData) as? [String: Any] ?? [:]
        return (Array(contents), summary)
    }

    @Test("the Python-written log verifies and has the head Python computed")
    func pythonLogVerifies() throws {
        let (contents, summary) = try Self.pythonLog()
        let report = AuditLogVerifier.verify(contents: contents, source: "python_log.jsonl")
        #expect(report.isIntact, "\(report.findings)")
        #expect(report.records.count == 9)
        #expect(report.head == (try Hash32(hex: summary["head"] as? String ?? "")))
    }

    @Test("building the Python log's events here gives the identical bytes")
    func pythonLogReproduced() throws {
        let (contents, summary) = try Self.pythonLog()
        var previous = AuditEntry.genesisHash
        var bytes: [UInt8] = []
        for (index, record) in (summary["entries"] as? [[String: Any]] ?? []).enumerated() {
            let fields = record["event"] as? [String: Any] ?? [:]
            let event = AuditEvent(
                time: (fields["time"] as? NSNumber)?.uint64Value ?? 0,
                tool: AuditEvent.Tool(rawValue: fields["tool"] as? String ?? "") ?? .prepare,
                kind: AuditEvent.Kind(rawValue: fields["kind"] as? String ?? "") ?? .refused,
                fingerprint: fields["fingerprint"] as? String, chargeID: fields["chargeId"] as? String,
                details: fields["details"] as? [String: String] ?? [:])
            let entry = AuditEntry(event: event, sequence: UInt64(index + 1), previousHash: previous)
            #expect(entry.hash == (try Hash32(hex: record["hash"] as? String ?? "")), "entry \(index + 1)")
            bytes += entry.line + [0x0a]
            previous = entry.hash
        }
        #expect(bytes == contents)
    }

    @Test(
        "entries round-trip through their line",
        arguments: LogFactory.entries(5) + [
            AuditEntry(
                event: AuditEvent(time: 0, tool: .prepare, kind: .refused, fingerprint: nil, chargeID: nil),
                sequence: 1, previousHash: AuditEntry.genesisHash),
            AuditEntry(
                event: AuditEvent(
                    time: .max, tool: .broadcast, kind: .mined, fingerprint: "abcd-ef01-2345-6789",
                    chargeID: "c\"1\\", details: ["é": "\u{7f}\u{0}\n", "": ""]),
                sequence: .max, previousHash: Keccak256.hash([])),
        ])
    func roundTrips(entry: AuditEntry) throws {
        #expect(try AuditEntry(line: entry.line) == entry)
    }

    static let canonical = LogFactory.entries(1)[0].text

    @Test(
        "lines that are not exactly canonical entries are refused",
        arguments: [
            canonical.replacingOccurrences(of: ",\"kind\"", with: ", \"kind\""),  // a space
            canonical.replacingOccurrences(of: "\"v\":1}", with: "\"v\":1,\"extra\":\"x\"}"),  // unknown field
            canonical.replacingOccurrences(of: "\"v\":1", with: "\"v\":2"),  // version
            canonical.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":1.0"),  // float
            canonical.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":\"1\""),  // string
            canonical.replacingOccurrences(of: "\"kind\":\"reviewed\"", with: "\"kind\":\"hacked\""),
            canonical.replacingOccurrences(of: "\"tool\":\"sign\"", with: "\"tool\":\"shell\""),
            canonical.replacingOccurrences(of: "\"prev\":\"0x00", with: "\"prev\":\"0X00"),
            canonical.replacingOccurrences(of: "\"chargeId\":\"charge-0\",", with: ""),  // missing
            canonical.replacingOccurrences(of: "\"reason\":\"event number 1\"", with: "\"reason\":1"),
            "{\"v\":1," + canonical.dropFirst().replacingOccurrences(of: ",\"v\":1}", with: "}"),  // key order
            canonical.replacingOccurrences(of: "event number 1", with: "event \\u006eumber 1"),  // needless escape
            "[]", "",
        ])
    func rejectsNonCanonical(line: String) {
        #expect(throws: AuditLogError.self) { try AuditEntry(line: Array(line.utf8)) }
    }

    @Test("the canonical line has sorted keys and no whitespace")
    func lineShape() {
        let text = Self.canonical
        #expect(
            text.hasPrefix("{\"chargeId\":\"charge-0\",\"details\":{\"reason\":\"event number 1\"},\"fingerprint\":"))
        #expect(text.hasSuffix(",\"seq\":1,\"time\":1740806400,\"tool\":\"sign\",\"v\":1}"))
    }
}
