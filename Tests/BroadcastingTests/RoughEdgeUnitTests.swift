import Broadcasting
import BundleFormat
import CommandLineSupport
import EthereumABI
import EthereumPrimitives
import OnlineSupport
import PaymentAPI
import Preparation
import Testing

/// Issue 15: the exit table, the default timeout, the wait's progress line and honest times.
@Suite("Rough edges (issue 15)")
struct RoughEdgeUnitTests {
    @Test("every online and core error kind has exactly one row in ExitTable; none of them is a bug (1)")
    func exitTableCoversKinds() {
        let errors: [any ReportableError] = [
            PreparationError.chargeExpired(deadline: 1, now: 2),
            PreparationError.chargeExpiring(deadline: 3, now: 2, margin: 600),
            PreparationError.api(.invalidAmount(found: "x", reason: "y")), PreparationError.overflow("x"),
            PreparationError.unknownChain(.base), BroadcastError.timedOut(stage: "x"), BroadcastError.invalidInput("x"),
            BroadcastError.stateMismatch(path: "x"), BroadcastError.credits(.invalidAmount(found: "x", reason: "y")),
            BroadcastError.reverted(
                hash: Hash32(uncheckedBytes: [UInt8](repeating: 1, count: 32)), block: 1, revert: .unknown(data: [])),
            BroadcastError.busy(path: "x", holder: nil), BroadcastError.cannotWriteState(path: "x", reason: "y"),
        ]
        for error in errors {
            #expect(ExitTable.row(for: error.exitKind) != nil, "no row for \(error.exitKind)")
            #expect(error.exitStatus != .failure, "\(error.kind) exits 1")
        }
        #expect(BroadcastError.credits(.invalidAmount(found: "x", reason: "y")).exitStatus == .dataError)
        #expect(
            BroadcastError.reverted(
                hash: Hash32(uncheckedBytes: [UInt8](repeating: 1, count: 32)), block: 1, revert: .unknown(data: [])
            ).exitStatus == .reverted)
        #expect(ExitTable.status(for: "node.nonceTooLow") == .dataError)
        #expect(ExitTable.status(for: "no such kind") == .failure)
    }

    @Test("the default timeout covers the ~15 minutes announced for $500 and more; 10 minutes otherwise")
    func defaultTimeout() {
        #expect(Broadcaster.defaultTimeoutSeconds(paidUnits: UInt256(500_000_000), waitCredits: true) >= 15 * 60 + 60)
        #expect(Broadcaster.defaultTimeoutSeconds(paidUnits: UInt256(499_000_000), waitCredits: true) == 600)
        #expect(Broadcaster.defaultTimeoutSeconds(paidUnits: UInt256(900_000_000), waitCredits: false) == 600)
    }

    @Test("the wait line names the transaction, elapsed time, blocks seen and the next rung")
    func waitLine() {
        let hash = Hash32(uncheckedBytes: [UInt8](repeating: 0xab, count: 32))
        let progress = WaitProgress(
            hash: hash, rung: 0, rungs: 3, elapsedSeconds: 42, timeoutSeconds: 600, head: 1234, blocksSeen: 21,
            replaceInSeconds: 48)
        #expect(progress.line.contains(hash.description))
        #expect(progress.line.contains("rung 1 of 3"))
        #expect(progress.line.contains("0:42 elapsed, 21 blocks seen (head 1234), next: rung 2 in 0:48"))
        #expect(progress.line.contains("gives up in 9:18"))
        var later = progress
        later.blocksSeen = 25
        #expect(later.event == progress.event, "no new line outside a terminal for every block")
        later.blocksSeen = 31
        #expect(later.event != progress.event)
    }

    @Test("times are ISO-8601 with a duration, and a charge within the margin says so instead of 'expired'")
    func honestTimes() {
        let expiring = PreparationError.chargeExpiring(deadline: 1_800_000_600, now: 1_800_000_580, margin: 600).description
        #expect(!expiring.contains("expired"))
        #expect(expiring.contains("2027-01-15T08:10:00Z (in 20 s)"), "\(expiring)")
        #expect(expiring.contains("less than the 10 min needed"))
        let expired = BroadcastError.expired(deadline: 1_800_000_000, now: 1_800_000_090).description
        #expect(!expired.contains("1800000000"), "raw Unix seconds: \(expired)")
        #expect(expired.contains("(1 min 30 s ago)"), "\(expired)")
    }
}
