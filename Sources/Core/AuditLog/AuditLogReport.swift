public import EthereumPrimitives
import BundleFormat
public import StrictJSON
import TerminalText

/// An entry as found in a named log file.
public struct AuditRecord: Equatable, Hashable, Sendable {
    /// The log it came from (its path, or any name given to the verifier).
    public let source: String
    /// Its line number in that log, from 1.
    public let line: Int
    /// The entry.
    public let entry: AuditEntry

    /// Creates a record.
    public init(source: String, line: Int, entry: AuditEntry) {
        self.source = source
        self.line = line
        self.entry = entry
    }
}

/// What ``AuditLogVerifier`` found in one log: its entries, its head, and every integrity finding.
public struct AuditLogReport: Equatable, Sendable {
    /// The log's path or name.
    public let source: String
    /// Every line that parses as an entry, in file order (also those the findings name).
    public let records: [AuditRecord]
    /// Complete lines in the file.
    public let lineCount: Int
    /// keccak256 of the last complete line — the value to record as an anchor; zeros for an empty log.
    public let head: Hash32
    /// Problems, by line; empty when the log verifies.
    public let findings: [AuditFinding]
    /// The line whose hash is the expected head, when one was given and found (0 for the empty-log anchor).
    public let anchorLine: Int?

    /// Whether the log verifies.
    public var isIntact: Bool { findings.isEmpty }

    /// The last entry's sequence number (0 for an empty log).
    public var lastSequence: UInt64 { records.last?.entry.sequence ?? 0 }

    /// A summary for the terminal: verdict, head, then one line per finding.
    public var lines: [String] {
        var out: [String] = []
        if isIntact {
            out.append("audit log \(source.escapedForTerminal): \(lineCount) entries, chain intact")
        } else {
            out.append("audit log \(source.escapedForTerminal): \(lineCount) entries, \(findings.count) problem(s):")
            out += findings.map { "  \($0)" }
        }
        out.append("head: \(head.hex)")
        if let anchorLine {
            out.append(
                anchorLine == 0
                    ? "anchor: the empty log"
                    : "anchor: found at line \(anchorLine); \(lineCount - anchorLine) entries since")
        }
        if isIntact, anchorLine == nil, lineCount > 0 {
            out.append(
                "note: a hash chain alone cannot show that the newest entries were edited or removed; "
                    + "compare with a head recorded earlier (--expect-head)")
        }
        return out
    }

    /// Machine-readable form for `--json`: source, entries, head, intact, anchorLine, findings.
    public var fields: JSONValue {
        var object: JSONValue = [
            "source": .string(source), "entries": JSONValue(lineCount), "head": .string(head.hex),
            "intact": .bool(isIntact),
            "findings": .array(
                findings.map { finding in
                    var item: JSONValue = ["kind": .string(finding.kind), "message": .string(finding.description)]
                    if let line = finding.line { item["line"] = JSONValue(line) }
                    return item
                }),
        ]
        if let anchorLine { object["anchorLine"] = JSONValue(anchorLine) }
        return object
    }
}
