import BundleFormat
public import StrictJSON
import TerminalText

extension AuditTimeline {
    /// The timeline for the terminal: a heading, one line per event (UTC time, tool, kind, where it was
    /// logged, details), then the verdict and any contradictions.
    public var lines: [String] {
        var out = [
            fingerprint.map {
                "purchase \($0.escapedForTerminal)" + (chargeID.map { " — charge \($0.escapedForTerminal)" } ?? "")
            }
                ?? "events without a purchase"
        ]
        for record in records {
            let event = record.entry.event
            let details = event.details.sorted { $0.key < $1.key }.map {
                "\($0.key.escapedForTerminal)=\($0.value.escapedForTerminal)"
            }.joined(
                separator: " ")
            let tool = Self.pad(event.tool.rawValue, 9)
            let kind = Self.pad(event.kind.rawValue, 8)
            out.append(
                "  \(ISO8601.format(unixSeconds: event.time))  \(tool) \(kind)  \(record.source.escapedForTerminal):\(record.line)"
                    + (details.isEmpty ? "" : "  \(details)"))
        }
        guard fingerprint != nil else { return out }
        out += findings.map { "  MISMATCH: \($0)" }
        if includedTransactionIsSigned, let included = includedTransactionHash {
            let approved = records.contains { $0.entry.event.kind == .approved } ? ", approved" : ""
            out.append(
                "  verified: the transaction included on chain, \(included.escapedForTerminal), is byte-identical to the one "
                    + "signed (signing hash \((signingHash ?? "?").escapedForTerminal)\(approved))")
        } else if isConsistent {
            let missing = includedTransactionHash == nil ? "no mined or reverted event" : "no signed event"
            out.append("  consistent so far; not yet shown identical on chain (\(missing) in the logs given)")
        }
        return out
    }

    /// Machine-readable form for `--json`: the purchase, its events in order, the verdict and contradictions.
    public var fields: JSONValue {
        var object: JSONValue = [
            "consistent": .bool(isConsistent), "includedTransactionIsSigned": .bool(includedTransactionIsSigned),
            "signedTransactionHashes": JSONValue(signedTransactionHashes),
            "events": .array(
                records.map { record in
                    let event = record.entry.event
                    return [
                        "time": JSONValue(event.time), "tool": .string(event.tool.rawValue),
                        "kind": .string(event.kind.rawValue), "source": .string(record.source),
                        "line": JSONValue(record.line), "details": JSONValue(event.details),
                    ]
                }),
            "findings": .array(findings.map { ["kind": .string($0.kind), "message": .string($0.description)] }),
        ]
        if let fingerprint { object["fingerprint"] = .string(fingerprint) }
        if let chargeID { object["chargeId"] = .string(chargeID) }
        if let signingHash { object["signingHash"] = .string(signingHash) }
        if let includedTransactionHash { object["includedTransactionHash"] = .string(includedTransactionHash) }
        return object
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
