import AuditLog
import EthereumPrimitives
import Foundation
import BundleFormat
import Testing

/// Mutates a six-entry log in each of the four ways and checks that verify names the right entry.
@Suite struct AuditLogVerifierTests {
    static let original = LogFactory.entries(6)

    func verify(_ lines: [[UInt8]], expectedHead: Hash32? = nil) -> AuditLogReport {
        AuditLogVerifier.verify(contents: LogFactory.contents(lines), source: "test.log", expectedHead: expectedHead)
    }

    @Test("an untouched log verifies, with the last entry's hash as head")
    func intactLogVerifies() {
        let report = verify(LogFactory.lines(Self.original))
        #expect(report.isIntact)
        #expect(report.head == Self.original[5].hash)
        #expect(report.records.map(\.entry) == Self.original)
        #expect(report.lineCount == 6)
    }

    @Test("an empty log verifies with the zero head")
    func emptyLogVerifies() {
        let report = verify([])
        #expect(report.isIntact && report.head == AuditEntry.genesisHash && report.records.isEmpty)
    }

    @Test("an edited entry is named by its line", arguments: 1...5)
    func editedEntryFound(line: Int) {
        var lines = LogFactory.lines(Self.original)
        lines[line - 1] = LogFactory.edited(Self.original[line - 1]).line
        #expect(verify(lines).findings == [.edited(line: line, sequence: UInt64(line))])
    }

    @Test("an entry whose prev field was changed is named by its line", arguments: 1...5)
    func editedPrevFound(line: Int) {
        var lines = LogFactory.lines(Self.original)
        let entry = Self.original[line - 1]
        let forged = AuditEntry(event: entry.event, sequence: entry.sequence, previousHash: Keccak256.hash([0x42]))
        lines[line - 1] = forged.line
        #expect(verify(lines).findings == [.edited(line: line, sequence: UInt64(line))])
    }

    @Test("an entry edited into invalid JSON is named as malformed", arguments: 1...5)
    func corruptedEntryFound(line: Int) {
        var lines = LogFactory.lines(Self.original)
        lines[line - 1].removeLast()
        #expect(verify(lines).findings.map(\.kind) == ["malformed"])
        #expect(verify(lines).findings.first?.line == line)
    }

    @Test("a re-spaced entry is refused as non-canonical")
    func nonCanonicalEntryFound() {
        var lines = LogFactory.lines(Self.original)
        lines[2] = Array(
            String(decoding: lines[2], as: UTF8.self).replacingOccurrences(of: "\",\"", with: "\", \"").utf8)
        let findings = verify(lines).findings
        #expect(findings.count == 1)
        #expect(findings.first?.kind == "malformed" && findings.first?.line == 3)
    }

    @Test("a deleted entry is named by its sequence number and place", arguments: 1...5)
    func deletedEntryFound(sequence: Int) {
        var lines = LogFactory.lines(Self.original)
        lines.remove(at: sequence - 1)
        let expected = UInt64(sequence)
        #expect(verify(lines).findings == [.deleted(afterLine: sequence - 1, sequences: expected...expected)])
    }

    @Test("several deleted entries are one finding with their range")
    func deletedRangeFound() {
        var lines = LogFactory.lines(Self.original)
        lines.removeSubrange(1...3)
        #expect(verify(lines).findings == [.deleted(afterLine: 1, sequences: 2...4)])
    }

    @Test("an inserted, correctly chained entry is named by its line", arguments: 1...6)
    func insertedChainedEntryFound(line: Int) {
        var lines = LogFactory.lines(Self.original)
        let previous = line == 1 ? AuditEntry.genesisHash : Self.original[line - 2].hash
        let forged = AuditEntry(
            event: LogFactory.edited(Self.original[line - 1]).event, sequence: UInt64(line),
            previousHash: previous)
        lines.insert(forged.line, at: line - 1)
        #expect(verify(lines).findings == [.inserted(line: line, sequence: UInt64(line))])
    }

    @Test("an inserted entry with a made-up prev is named by its line", arguments: 1...6)
    func insertedUnchainedEntryFound(line: Int) {
        var lines = LogFactory.lines(Self.original)
        let forged = AuditEntry(event: Self.original[0].event, sequence: 99, previousHash: Keccak256.hash([1]))
        lines.insert(forged.line, at: line - 1)
        #expect(verify(lines).findings == [.inserted(line: line, sequence: 99)])
    }

    @Test("a repeated line is named as inserted", arguments: [(1, 2), (3, 4), (2, 6), (5, 7)])
    func repeatedLineFound(copied: Int, at line: Int) {
        var lines = LogFactory.lines(Self.original)
        lines.insert(lines[copied - 1], at: line - 1)
        #expect(verify(lines).findings == [.inserted(line: line, sequence: UInt64(copied))])
    }

    @Test("an inserted garbage line is named as inserted")
    func insertedGarbageFound() {
        var lines = LogFactory.lines(Self.original)
        lines.insert(Array("not an entry".utf8), at: 3)
        #expect(verify(lines).findings == [.inserted(line: 4, sequence: nil)])
    }

    @Test("two swapped neighbours are named as reordered", arguments: 1...5)
    func swappedEntriesFound(line: Int) {
        var lines = LogFactory.lines(Self.original)
        lines.swapAt(line - 1, line)
        let findings = verify(lines).findings
        #expect(findings.count == 1)
        guard case .reordered(let found, let sequence) = findings.first else {
            Issue.record("expected a reordering, found \(findings)")
            return
        }
        #expect([line, line + 1].contains(found))
        #expect(sequence == UInt64(found == line ? line + 1 : line))
    }

    @Test("an entry moved far away is the one named")
    func movedEntryFound() {
        var lines = LogFactory.lines(Self.original)
        lines.append(lines.removeFirst())
        #expect(verify(lines).findings == [.reordered(line: 6, sequence: 1)])
        lines = LogFactory.lines(Self.original)
        lines.insert(lines.removeLast(), at: 1)
        #expect(verify(lines).findings == [.reordered(line: 2, sequence: 6)])
    }

    @Test("editing or deleting the last entry needs the anchor: without it the chain looks intact")
    func lastEntryNeedsAnchor() {
        var edited = LogFactory.lines(Self.original)
        edited[5] = LogFactory.edited(Self.original[5]).line
        var truncated = LogFactory.lines(Self.original)
        truncated.removeLast()
        let head = Self.original[5].hash
        for lines in [edited, truncated] {
            #expect(verify(lines).isIntact)
            #expect(verify(lines, expectedHead: head).findings == [.anchorNotFound(head)])
        }
    }

    @Test("an anchor from earlier is found at its line; entries appended since are fine")
    func anchorFound() {
        let report = verify(LogFactory.lines(Self.original), expectedHead: Self.original[2].hash)
        #expect(report.isIntact)
        #expect(report.anchorLine == 3)
        #expect(verify([], expectedHead: AuditEntry.genesisHash).anchorLine == 0)
    }

    @Test("a rewritten tail with recomputed hashes is caught only by the anchor")
    func rewrittenTailNeedsAnchor() {
        var entries = Array(Self.original.prefix(3))
        var previous = entries[2].hash
        for original in Self.original.suffix(3) {
            let forged = AuditEntry(
                event: LogFactory.edited(original).event, sequence: original.sequence,
                previousHash: previous)
            entries.append(forged)
            previous = forged.hash
        }
        #expect(verify(LogFactory.lines(entries)).isIntact)
        #expect(!verify(LogFactory.lines(entries), expectedHead: Self.original[4].hash).isIntact)
    }

    @Test("a cut-short last line is reported as incomplete")
    func incompleteLastLineFound() {
        let contents = LogFactory.contents(LogFactory.lines(Self.original)) + Array("{\"chargeId\":".utf8)
        let report = AuditLogVerifier.verify(contents: contents, source: "t")
        #expect(report.findings == [.incompleteLastLine(line: 7)])
        #expect(report.head == Self.original[5].hash)
    }

    @Test("wrong sequence numbers under intact links are reported")
    func sequenceMismatchFound() {
        var previous = AuditEntry.genesisHash
        let entries = [1, 2, 7, 4].map { sequence in
            let entry = AuditEntry(event: Self.original[0].event, sequence: UInt64(sequence), previousHash: previous)
            previous = entry.hash
            return entry
        }
        #expect(verify(LogFactory.lines(entries)).findings == [.sequenceMismatch(line: 3, expected: 3, found: 7)])
    }

    @Test("every finding names its entry in words")
    func findingsDescribeEntries() {
        #expect(AuditFinding.edited(line: 3, sequence: 3).description.hasPrefix("line 3 (seq 3): edited"))
        #expect(
            AuditFinding.deleted(afterLine: 2, sequences: 3...4).description
                == "entries seq 3–4 are missing after line 2")
        #expect(
            AuditFinding.deleted(afterLine: 0, sequences: 1...1).description == "entry seq 1 is missing before line 1")
    }

    @Test("the JSON form lists each finding's kind and line")
    func jsonFields() throws {
        var lines = LogFactory.lines(Self.original)
        lines.remove(at: 2)
        let data = verify(lines).fields.canonicalDocument
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["intact"] as? Bool == false)
        let findings = object["findings"] as? [[String: Any]]
        #expect(findings?.first?["kind"] as? String == "deleted")
        #expect(findings?.first?["line"] as? Int == 2)
    }
}
