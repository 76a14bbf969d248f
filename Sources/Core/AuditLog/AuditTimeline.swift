import BundleFormat

/// One purchase's events gathered from several logs — typically the online machine's (`prepare`,
/// `broadcast`) and the offline machine's (`sign`) — in one order, with the cross-machine checks.
///
/// Events are grouped by fingerprint and ordered by time; each log's own order is kept, and events of the
/// same second follow the pipeline (prepare, sign, broadcast). The clocks of two machines may disagree, so
/// the order across machines is only as good as they are; the checks do not depend on it.
///
/// The checks (``AuditTimelineFinding``): one charge id; one signing hash across prepared, reviewed,
/// approved and signed, matching the fingerprint; and every sent, mined or reverted transaction hash is one
/// that `sign` recorded. A transaction hash is keccak256 of the raw signed bytes, so a mined hash equal to the
/// signed one shows the chain included byte-for-byte the transaction that was signed — and, through the
/// signing hash, the one that was approved.
///
/// Merging trusts the records it is given: verify each log (``AuditLogVerifier``) first.
public struct AuditTimeline: Equatable, Sendable {
    /// The purchase's fingerprint; nil for events that concern no purchase, like refusing unreadable input.
    public let fingerprint: String?
    /// The events in merged order.
    public let records: [AuditRecord]
    /// Contradictions between the events.
    public let findings: [AuditTimelineFinding]

    /// Groups the records of `logs` into one timeline per fingerprint, earliest purchase first; events with
    /// no fingerprint come last in one timeline of their own.
    public static func merge(_ logs: [AuditLogReport]) -> [AuditTimeline] {
        var groups: [String?: [[AuditRecord]]] = [:]
        var keys: [String?] = []
        for (index, log) in logs.enumerated() {
            for record in log.records {
                let key = record.entry.event.fingerprint
                if groups[key] == nil {
                    groups[key] = Array(repeating: [], count: logs.count)
                    keys.append(key)
                }
                groups[key]?[index].append(record)
            }
        }
        let timelines = keys.map { key in
            let records = mergeByTime(groups[key] ?? [])
            return AuditTimeline(
                fingerprint: key, records: records,
                findings: key == nil ? [] : check(records, fingerprint: key))
        }
        return timelines.sorted { lhs, rhs in
            guard lhs.fingerprint != nil, rhs.fingerprint != nil else { return lhs.fingerprint != nil }
            return (lhs.records.first?.entry.event.time ?? 0) < (rhs.records.first?.entry.event.time ?? 0)
        }
    }

    /// Whether the events agree with each other.
    public var isConsistent: Bool { findings.isEmpty }

    /// The charge id the events name.
    public var chargeID: String? { records.lazy.compactMap(\.entry.event.chargeID).first }

    /// The signing hash `sign` signed (or, before signing, the one approved, reviewed or prepared), lower-case.
    public var signingHash: String? { Self.referenceSigningHash(records) }

    /// Every transaction hash `sign` recorded (primary and fee-ladder), lower-case.
    public var signedTransactionHashes: [String] { Self.signedHashes(records) }

    /// The transaction hash of the mined (or reverted) event, lower-case.
    public var includedTransactionHash: String? {
        records.last { [.mined, .reverted].contains($0.entry.event.kind) }
            .flatMap { $0.entry.event.details[AuditDetail.transactionHash]?.lowercased() }
    }

    /// Whether the logs show that the transaction included on chain is byte-identical to one `sign` signed,
    /// with no contradiction anywhere (so also the signing hash that was approved, if approvals were logged).
    public var includedTransactionIsSigned: Bool {
        guard isConsistent, let included = includedTransactionHash else { return false }
        return signedTransactionHashes.contains(included)
    }

    /// Events ordered by (time, tool) across logs, each log's own order kept.
    static func mergeByTime(_ lists: [[AuditRecord]]) -> [AuditRecord] {
        var positions = [Int](repeating: 0, count: lists.count)
        var merged: [AuditRecord] = []
        while true {
            var best: Int?
            for index in lists.indices where positions[index] < lists[index].count {
                guard let current = best else { best = index; continue }
                let a = lists[index][positions[index]].entry.event
                let b = lists[current][positions[current]].entry.event
                if (a.time, a.tool) < (b.time, b.tool) { best = index }
            }
            guard let chosen = best else { return merged }
            merged.append(lists[chosen][positions[chosen]])
            positions[chosen] += 1
        }
    }
}
