public import Foundation
import BundleFormat
import EthereumPrimitives
import StrictJSON

/// Reads and writes approvals files (schema and examples in `formats/approvals/v1/`). Two forms are read:
///
/// - JSON, format `coldcredits.approvals` version 1, what `sign approve` writes:
///   `{"approvals": [{"approver": "0x…", "signature": "0x…"}], "format": "coldcredits.approvals", "version": 1}`
///   — `approver` optional, `signature` 65 bytes `r ‖ s ‖ v` in `0x` hex; unknown fields refused.
/// - Text, one `0x` signature (130 hex digits) per line, as `cast wallet sign` and most wallets print it;
///   blank lines and lines starting with `#` are skipped. Such approvals claim no approver.
///
/// A document whose first non-blank character is `{` is read as JSON, anything else as text. An empty list
/// is a valid file (it approves nothing). Signatures are only checked for length here; the verifier judges
/// the rest, so one bad signature is reported beside the good ones.
public enum ApprovalsFile {
    /// The `format` value of the JSON form.
    public static let format = "coldcredits.approvals"
    /// The version this build reads and writes.
    public static let version = 1

    /// Parses either form.
    public static func parse(_ data: Data) throws(ApprovalsError) -> [Approval] {
        let firstVisible = data.first { ![0x20, 0x09, 0x0a, 0x0d].contains($0) }
        return firstVisible == UInt8(ascii: "{") ? try parseJSON(data) : try parseLines(data)
    }

    /// The canonical JSON form (sorted keys, two-space indentation, trailing newline), in the given order.
    public static func encode(_ approvals: [Approval]) -> Data {
        let items: [JSONValue] = approvals.map { approval in
            var item: JSONValue = ["signature": .string(approval.signatureHex)]
            if let claimed = approval.claimedApprover { item["approver"] = .string(claimed.checksummed) }
            return item
        }
        let object: JSONValue = ["format": .string(format), "version": JSONValue(version), "approvals": .array(items)]
        return object.canonicalDocument
    }

    static func parseJSON(_ data: Data) throws(ApprovalsError) -> [Approval] {
        let entries: [(signature: [UInt8], approver: Address?)]
        do { entries = try readJSON(data) } catch { throw .malformedFile(error) }
        var approvals: [Approval] = []
        for entry in entries {
            approvals.append(try Approval(signature: entry.signature, claimedApprover: entry.approver))
        }
        return approvals
    }

    static func readJSON(_ data: Data) throws(BundleError) -> [(signature: [UInt8], approver: Address?)] {
        var top = try BundleReader(document: data)
        try FormatHeader.check(&top, format: format, version: version)
        var entries: [(signature: [UInt8], approver: Address?)] = []
        for item in try top.array("approvals") {
            var reader = try item.object()
            let signature = try reader.bytes("signature", count: 65)
            var approver: Address?
            if let raw = reader.members["approver"] {
                // Present means a string: null or a number is a mistake, not "no claim".
                guard raw.stringValue != nil else {
                    throw .wrongType(path: reader.childPath("approver"), expected: "a string")
                }
                approver = try reader.address("approver")
            }
            try reader.finish()
            entries.append((signature, approver))
        }
        try top.finish()
        return entries
    }

    static func parseLines(_ data: Data) throws(ApprovalsError) -> [Approval] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidLine(line: 1, reason: "the file is neither JSON nor UTF-8 text")
        }
        var approvals: [Approval] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let bytes: [UInt8]
            do { bytes = try Hex.decode(line, field: "line \(index + 1)") } catch {
                throw .invalidLine(line: index + 1, reason: "expected a 0x signature: \(error)")
            }
            guard bytes.count == 65 else {
                throw .invalidLine(line: index + 1, reason: "expected 65 bytes r‖s‖v, found \(bytes.count)")
            }
            approvals.append(try Approval(signature: bytes))
        }
        return approvals
    }
}
