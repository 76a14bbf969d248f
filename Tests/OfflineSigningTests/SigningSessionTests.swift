import SigningKeys
import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import Secp256k1
import Testing

/// The signing session: time comes from an injected clock (never a flag), the clock is read again when the key
/// signs, and the ledger is re-read then too.
@Suite struct SigningSessionTests {
    typealias F = BundleFactory

    /// A clock the test moves (the operator "takes time" to confirm).
    final class MovingClock: @unchecked Sendable {
        // @unchecked: every access holds the lock.
        private let lock = NSLock()
        private var seconds: UInt64
        init(_ seconds: UInt64) { self.seconds = seconds }
        func set(_ value: UInt64) { lock.withLock { seconds = value } }
        var clock: SigningClock { SigningClock { [self] in lock.withLock { seconds } } }
    }

    static func session(_ clock: SigningClock, ledger: String? = nil, policy: Policy = F.policy) -> SigningSession {
        SigningSession(policy: policy, policySource: .builtIn, ledgerPath: ledger, clock: clock)
    }

    static func kind(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as VerificationError { return error.kind } catch { return "\(error)" }
        return nil
    }

    @Test("an intent within the margin of its deadline by the injected clock is refused (intentExpired)")
    func expiredByInjectedClock() throws {
        let bundle = try F().bundle()
        let late = Self.session(.fixed(F.deadline - 60))
        #expect(Self.kind { _ = try late.plan(bundle, signer: F.payer.address, ladderSteps: 0) } == "intentExpired")
        let early = Self.session(.fixed(F.now))
        let plan = try early.plan(bundle, signer: F.payer.address, ladderSteps: 0)
        #expect(plan.review.text.contains("(1 h 0 min left)"))
    }

    @Test("the clock is read again when the key signs: an intent that expired during the confirmation is refused")
    func expiryDuringConfirmation() throws {
        let moving = MovingClock(F.now)
        let session = Self.session(moving.clock)
        let plan = try session.plan(try F().bundle(), signer: F.payer.address, ladderSteps: 0)
        moving.set(F.deadline)
        #expect(Self.kind { _ = try session.sign(plan, with: F.payer) } == "intentExpired")
        moving.set(F.now + 10)
        let signed = try session.sign(plan, with: F.payer)
        #expect(signed.signedAt == F.now + 10)
    }

    @Test("the ledger is re-read when the key signs: a conflict written after the review is refused")
    func ledgerReadAgainAtSigning() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.jsonl").path
        let session = Self.session(.fixed(F.now), ledger: ledger)
        var first = F()
        first.recipientAmount = 10_000_000
        let plan = try session.plan(try first.bundle(), signer: F.payer.address, ladderSteps: 0)
        // Another run signs a different payment for the same charge while this one waits for its operator.
        _ = try session.sign(try session.plan(try F().bundle(), signer: F.payer.address, ladderSteps: 0), with: F.payer)
        #expect(Self.kind { _ = try session.sign(plan, with: F.payer) } == "replayConflict")
    }

    @Test("a value raised with a matching online quote is bounded by the policy's price floor (valueAboveFloorBound)")
    func valueBoundIgnoresQuote() throws {
        var attack = F()
        attack.value = Wei(UInt256(2000) * UInt256.powerOfTen(18))  // 2,000 POL for a $25 purchase
        attack.quoteAmountIn = Wei(UInt256(1990) * UInt256.powerOfTen(18))  // the online machine "agrees"
        let session = Self.session(.fixed(F.now))
        #expect(
            Self.kind { _ = try session.plan(try attack.bundle(), signer: F.payer.address, ladderSteps: 0) }
                == "valueAboveFloorBound")
        // 275 POL is worth $27.50 at the built-in $0.10 floor: exactly purchase + 10 %, still allowed.
        var edge = F()
        edge.value = Wei(UInt256(275) * UInt256.powerOfTen(18))
        let plan = try session.plan(try edge.bundle(), signer: F.payer.address, ladderSteps: 0)
        #expect(plan.review.text.contains("worth at least $27.50 at your policy's floor $0.10/POL"))
        #expect(plan.review.text.contains("allowed up to $27.50 (purchase + 10 %)"))
        edge.value = Wei(UInt256(276) * UInt256.powerOfTen(18))
        #expect(
            Self.kind { _ = try session.plan(try edge.bundle(), signer: F.payer.address, ladderSteps: 0) }
                == "valueAboveFloorBound")
    }

    @Test("the review's network fee is the highest fee-ladder rung, and a rung over the caps is refused before review")
    func feeLadderWorstCase() throws {
        let session = Self.session(.fixed(F.now))
        let bundle = try F().bundle()
        let flat = try session.plan(bundle, signer: F.payer.address, ladderSteps: 0)
        let laddered = try session.plan(bundle, signer: F.payer.address, ladderSteps: 2)
        let top = try #require(laddered.ladder.rungs.last)
        let worst = UInt256(top.gasLimit) * top.maxFeePerGas.amount
        #expect(laddered.ladder.worstCaseFee == Wei(worst))
        #expect(laddered.review.text.contains("at most \(Wei(worst).etherString) POL (highest of 2 fee-ladder"))
        #expect(!flat.review.text.contains(Wei(worst).etherString))
        var tight = F.policy
        for index in tight.chains.indices { tight.chains[index].maxNetworkFee = Wei(UInt256(100) * UInt256.powerOfTen(15)) }
        let capped = Self.session(.fixed(F.now), policy: tight)
        #expect(Self.kind { _ = try capped.plan(bundle, signer: F.payer.address, ladderSteps: 2) } == "limitExceeded")
        #expect(Self.kind { _ = try session.plan(bundle, signer: F.payer.address, ladderSteps: 6) } == "limitExceeded")
    }

    @Test("the review names the policy that decided and where each pin came from")
    func policyProvenance() throws {
        let bundle = try F().bundle()
        let builtIn = try Self.session(.fixed(F.now)).plan(bundle, signer: F.payer.address, ladderSteps: 0).review
        #expect(builtIn.text.contains("Policy         built-in defaults"))
        #expect(builtIn.text.contains("(Transfers, pinned by the built-in policy)"))
        let bytes = F.policy.canonicalJSON()
        let source = PolicySource(path: "/media/usb/policy.json", bytes: bytes)
        let fromFile = SigningSession(policy: F.policy, policySource: source, ledgerPath: nil, clock: .fixed(F.now))
        let review = try fromFile.plan(bundle, signer: F.payer.address, ladderSteps: 0).review
        #expect(review.text.contains("policy file /media/usb/policy.json (sha256 "))
        #expect(review.text.contains("(Transfers, pinned by the policy file)"))
        // The test operator is not Coinbase's: a policy file that accepts it is named as the only reason.
        #expect(review.messages.contains { $0.severity == .critical && $0.text.contains("accepted only by the policy file") })
    }

    @Test("the charge id, which the signature does not cover, is shown only under the unverified heading")
    func chargeIDNotShownAsVerified() throws {
        var factory = F()
        factory.chargeID = "looks-like-25-dollars"
        let review = try Self.session(.fixed(F.now)).plan(try factory.bundle(), signer: F.payer.address, ladderSteps: 0)
            .review
        let parts = review.text.components(separatedBy: "Not covered by the signature")
        #expect(parts.count == 2)
        #expect(!parts[0].contains("looks-like-25-dollars"))
        #expect(parts[1].contains("Charge         looks-like-25-dollars"))
        #expect(parts[1].contains("at the online machine's quote (online data)"))
    }
}
