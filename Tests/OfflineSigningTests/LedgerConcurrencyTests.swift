import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The ledger check and the append are one critical section: concurrent signers on one ledger file (each its own
/// open file description, so `flock` separates them exactly as it separates processes) cannot both pass.
@Suite struct LedgerConcurrencyTests {
    typealias F = BundleFactory

    /// What one simulated `sign` run did.
    enum Outcome: Equatable { case signed, refused(String) }

    /// One run: the ledger re-read under the lock, the bundle verified against it, a pause as long as signing
    /// takes (so that runs would overlap without the lock), then signed and appended.
    static func run(_ bundle: IntentBundle, ledger path: String, policy: Policy = F.policy) -> Outcome {
        do {
            return try SigningLedger.transaction(at: path) { ledger in
                let verified = try F.verifier(ledger: ledger, policy: policy).verify(bundle)
                usleep(20_000)
                _ = try TransactionSigner.sign(verified, with: F.payer, policy: policy, ladderSteps: 0, signedAt: F.now)
                return (Outcome.signed, verified.previouslySigned == nil ? verified.ledgerEntry : nil)
            }
        } catch let error as VerificationError {
            return .refused(error.kind)
        } catch {
            return .refused("\(error)")
        }
    }

    /// Runs every bundle at once on its own thread against one ledger.
    static func concurrently(_ bundles: [IntentBundle], ledger: String, policy: Policy = F.policy) -> [Outcome] {
        let results = Results(count: bundles.count)
        DispatchQueue.concurrentPerform(iterations: bundles.count) { index in
            results.set(index, run(bundles[index], ledger: ledger, policy: policy))
        }
        return results.values
    }

    static func temporaryLedger() -> String {
        NSTemporaryDirectory() + "ledger-\(UUID().uuidString)/signing-ledger.jsonl"
    }

    @Test("8 concurrent signers with conflicting bundles (same charge and nonce, different fees): exactly one signs")
    func conflictingBundles() throws {
        let path = Self.temporaryLedger()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let bundles = try (0..<8).map { step -> IntentBundle in
            var factory = F()
            factory.priorityFee = Wei(UInt256(30 + UInt64(step)) * UInt256.powerOfTen(9))
            return try factory.bundle()
        }
        #expect(Set(bundles.map(\.signingHash.hash)).count == 8)
        let outcomes = Self.concurrently(bundles, ledger: path)
        #expect(outcomes.filter { $0 == .signed }.count == 1, "\(outcomes)")
        #expect(outcomes.filter { $0 == .refused("replayConflict") }.count == 7, "\(outcomes)")
        #expect(try SigningLedger(path: path).entries.count == 1)
    }

    @Test("two $25 purchases against a $30 daily limit at once: exactly one signs")
    func dailyLimitHolds() throws {
        let path = Self.temporaryLedger()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        var policy = F.policy
        policy.maxDailyUSDUnits = 30_000_000
        let bundles = try (0..<2).map { index -> IntentBundle in
            var factory = F()
            factory.chargeID = "charge-\(index)"
            factory.nonce = 42 + UInt64(index)
            return try factory.bundle()
        }
        let outcomes = Self.concurrently(bundles, ledger: path, policy: policy)
        #expect(outcomes.filter { $0 == .signed }.count == 1, "\(outcomes)")
        #expect(outcomes.contains(.refused("dailyLimitExceeded")), "\(outcomes)")
        let entries = try SigningLedger(path: path).entries
        #expect(entries.count == 1)
        #expect(entries.map(\.usdUnits) == [25_000_000])
    }

    @Test("re-signing the identical bundle at once is allowed and appends nothing twice")
    func identicalBundles() throws {
        let path = Self.temporaryLedger()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let bundle = try F().bundle()
        let outcomes = Self.concurrently(Array(repeating: bundle, count: 4), ledger: path)
        #expect(outcomes == Array(repeating: .signed, count: 4))
        #expect(try SigningLedger(path: path).entries.count == 1)
    }

    @Test("a ledger held by another run longer than the timeout is a named 'locked' error naming the holder")
    func lockTimeout() throws {
        let path = Self.temporaryLedger()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let holder = try LockedAppendFile.open(path, what: "signing ledger", cap: InputLimit.log)
        defer { holder.close() }
        let started = Date()
        #expect(throws: LedgerError.locked(path: path, holder: getpid())) {
            try SigningLedger.transaction(at: path, lockTimeoutSeconds: 0.3) { _ in ((), nil) }
        }
        #expect(Date().timeIntervalSince(started) < 5)
        holder.close()
        try SigningLedger.transaction(at: path, lockTimeoutSeconds: 0.3) { _ in ((), nil) }
    }
}

/// Per-index results written from many threads.
final class Results: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private var storage: [LedgerConcurrencyTests.Outcome?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: LedgerConcurrencyTests.Outcome) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [LedgerConcurrencyTests.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return storage.map { $0 ?? .refused("did not run") }
    }
}
