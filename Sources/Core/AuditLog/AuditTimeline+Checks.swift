import BundleFormat
import EthereumPrimitives
import TerminalText

/// A contradiction between the events of one purchase, naming the log and line of the event that disagrees.
public enum AuditTimelineFinding: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The event names another charge.
    case chargeIDMismatch(source: String, line: Int, expected: String, found: String)
    /// The event's signing hash is not the one signed (or first recorded).
    case signingHashMismatch(source: String, line: Int, kind: AuditEvent.Kind, expected: String, found: String)
    /// The event's fingerprint is not the one of its own signing hash.
    case fingerprintMismatch(source: String, line: Int, fingerprint: String, signingHash: String)
    /// A sent, mined or reverted transaction is none of those `sign` signed.
    case transactionNotSigned(source: String, line: Int, kind: AuditEvent.Kind, transactionHash: String)

    /// A stable machine-readable name for `--json` output.
    public var kind: String {
        switch self {
        case .chargeIDMismatch: return "chargeIDMismatch"
        case .signingHashMismatch: return "signingHashMismatch"
        case .fingerprintMismatch: return "fingerprintMismatch"
        case .transactionNotSigned: return "transactionNotSigned"
        }
    }

    /// One line naming the event and both values.
    public var description: String {
        switch self {
        case .chargeIDMismatch(let source, let line, let expected, let found):
            return
                "\(source.escapedForTerminal):\(line): charge \(found.escapedForTerminal), but the purchase's other events name "
                + expected.escapedForTerminal
        case .signingHashMismatch(let source, let line, let kind, let expected, let found):
            return "\(source.escapedForTerminal):\(line): \(kind.rawValue) event has signing hash \(found.escapedForTerminal), "
                + "expected \(expected.escapedForTerminal)"
        case .fingerprintMismatch(let source, let line, let fingerprint, let signingHash):
            return
                "\(source.escapedForTerminal):\(line): fingerprint \(fingerprint.escapedForTerminal) is not that of signing hash "
                + signingHash.escapedForTerminal
        case .transactionNotSigned(let source, let line, let kind, let transactionHash):
            return "\(source.escapedForTerminal):\(line): \(kind.rawValue) transaction \(transactionHash.escapedForTerminal) "
                + "is not one that sign signed"
        }
    }
}

extension AuditTimeline {
    static func check(_ records: [AuditRecord], fingerprint: String?) -> [AuditTimelineFinding] {
        var findings: [AuditTimelineFinding] = []
        let chargeID = records.lazy.compactMap(\.entry.event.chargeID).first
        let reference = referenceSigningHash(records)
        let signed = Set(signedHashes(records))
        for record in records {
            let event = record.entry.event
            if let chargeID, let found = event.chargeID, found != chargeID {
                findings.append(
                    .chargeIDMismatch(source: record.source, line: record.line, expected: chargeID, found: found))
            }
            if let found = event.details[AuditDetail.signingHash]?.lowercased() {
                if let reference, found != reference {
                    findings.append(
                        .signingHashMismatch(
                            source: record.source, line: record.line, kind: event.kind,
                            expected: reference, found: found))
                }
                let derived = (try? Hash32(hex: found)).map { Fingerprint($0).description }
                if let fingerprint, derived != fingerprint {
                    findings.append(
                        .fingerprintMismatch(
                            source: record.source, line: record.line,
                            fingerprint: fingerprint, signingHash: found))
                }
            }
            if [.sent, .mined, .reverted].contains(event.kind), !signed.isEmpty,
                let found = event.details[AuditDetail.transactionHash]?.lowercased(), !signed.contains(found)
            {
                findings.append(
                    .transactionNotSigned(
                        source: record.source, line: record.line, kind: event.kind,
                        transactionHash: found))
            }
        }
        return findings
    }

    /// The signed event's signing hash, else the first one recorded.
    static func referenceSigningHash(_ records: [AuditRecord]) -> String? {
        let signed = records.first {
            $0.entry.event.kind == .signed && $0.entry.event.details[AuditDetail.signingHash] != nil
        }
        let any = signed ?? records.first { $0.entry.event.details[AuditDetail.signingHash] != nil }
        return any?.entry.event.details[AuditDetail.signingHash]?.lowercased()
    }

    /// Every transaction hash the signed events list, primary first.
    static func signedHashes(_ records: [AuditRecord]) -> [String] {
        var hashes: [String] = []
        for record in records where record.entry.event.kind == .signed {
            let details = record.entry.event.details
            let ladder = details[AuditDetail.ladderTransactionHashes]?.split(separator: " ").map(String.init) ?? []
            for hash in [details[AuditDetail.transactionHash]].compactMap({ $0 }) + ladder {
                let normalized = hash.lowercased()
                if !hashes.contains(normalized) { hashes.append(normalized) }
            }
        }
        return hashes
    }
}
