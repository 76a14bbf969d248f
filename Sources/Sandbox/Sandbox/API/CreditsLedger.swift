import EthereumPrimitives

/// The account's credits as OpenRouter would keep them, in USDC units (micro-USD): purchases credited when mined
/// (or after a delay for large ones), and the cached snapshot `GET /credits` serves.
struct CreditsLedger: Sendable, Equatable {
    /// A purchase waiting out the confirmation delay.
    struct PendingCredit: Sendable, Equatable {
        let units: UInt256
        /// Sandbox time (seconds) from which it counts.
        let due: UInt64
    }

    /// The cached answer of `GET /credits`.
    struct Snapshot: Sendable, Equatable {
        let totalCredits: UInt256
        let totalUsage: UInt256
        let takenAt: UInt64
    }

    var totalCredits: UInt256
    var totalUsage: UInt256
    var pending: [PendingCredit] = []
    var snapshot: Snapshot?

    /// Records a mined purchase of `paid` units (recipient amount + fee), less the API's fee of `feeBasisPoints`:
    /// credited at once below `threshold`, else `delay` seconds after `minedAt`.
    mutating func record(purchase paid: UInt256, minedAt: UInt64, threshold: UInt256, delay: UInt64, feeBasisPoints: UInt64 = 0) {
        let kept = paid.multipliedReportingOverflow(by: UInt256(feeBasisPoints)).partialValue / UInt256(10_000)
        let units = paid - min(kept, paid)
        if paid < threshold {
            totalCredits = Self.saturatingAdd(totalCredits, units)
        } else {
            let (due, overflow) = minedAt.addingReportingOverflow(delay)
            pending.append(PendingCredit(units: units, due: overflow ? .max : due))
        }
    }

    /// Moves every pending credit due by `now` into the total.
    mutating func settle(now: UInt64) {
        let due = pending.filter { $0.due <= now }
        pending.removeAll { $0.due <= now }
        for credit in due { totalCredits = Self.saturatingAdd(totalCredits, credit.units) }
    }

    /// The totals `GET /credits` answers: the snapshot, refreshed when it is `maxAge` seconds old or older,
    /// unless `keepStale` (a stale-cache fault) holds it.
    mutating func read(now: UInt64, maxAge: UInt64, keepStale: Bool) -> Snapshot {
        settle(now: now)
        if let snapshot, keepStale || now < snapshot.takenAt || now - snapshot.takenAt < maxAge { return snapshot }
        let fresh = Snapshot(totalCredits: totalCredits, totalUsage: totalUsage, takenAt: now)
        snapshot = fresh
        return fresh
    }

    /// Sets the totals (admin), dropping the snapshot so the next read sees them.
    mutating func set(credits: UInt256?, usage: UInt256?) {
        if let credits { totalCredits = credits }
        if let usage { totalUsage = usage }
        snapshot = nil
    }

    private static func saturatingAdd(_ a: UInt256, _ b: UInt256) -> UInt256 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
