import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import OfflineSigning
import SigningKeys
import StrictJSON
import Testing

/// The checkout attacks that lean on the policy and the clock: approval scopes, the URI's 24 hours, a pinned token
/// that is not USDC, the document's status.
extension CheckoutAttackTests {
    @Test("approvals.requiredFor: pinned never needs them under unpinned-recipients; every-payment always does")
    func approvalScopes() throws {
        func policy(_ scope: Policy.Approvals.Scope, pinned: Bool) -> Policy {
            var policy = Policy.default
            policy.approvals = .init(threshold: 1, approvers: [F.otherKey.address], requiredFor: scope)
            for index in policy.chains.indices where pinned && policy.chains[index].chainID == .base {
                policy.chains[index].paymentRecipients = [C.deposit]
            }
            return policy
        }
        let bundle = UnsignedBundle.checkout(try C().bundle())
        let cases: [(Policy.Approvals.Scope, Bool, Bool)] = [
            (.unpinnedRecipients, true, false), (.unpinnedRecipients, false, true),
            (.everyPayment, true, true), (.everyPayment, false, true),
        ]
        for (scope, pinned, required) in cases {
            let verified = try Self.verifier(policy: policy(scope, pinned: pinned)).verify(bundle)
            #expect(verified.approvalsRequired == required, "\(scope) pinned=\(pinned)")
        }
        // A recipient pinned on another chain is not pinned here.
        var elsewhere = policy(.unpinnedRecipients, pinned: false)
        for index in elsewhere.chains.indices where elsewhere.chains[index].chainID == .ethereum {
            elsewhere.chains[index].paymentRecipients = [C.deposit]
        }
        #expect(try Self.verifier(policy: elsewhere).verify(bundle).approvalsRequired)
        // An intent follows the same rule with its own pins (`recipients`): any recipient allowed means none pinned.
        var intentPolicy = F.policy
        intentPolicy.approvals = .init(threshold: 1, approvers: [F.otherKey.address], requiredFor: .unpinnedRecipients)
        #expect(try F.verifier(policy: intentPolicy).verify(UnsignedBundle.intent(try F().bundle())).approvalsRequired)
        for index in intentPolicy.chains.indices where intentPolicy.chains[index].chainID == .polygon {
            intentPolicy.chains[index].recipients = [F.recipient]
        }
        #expect(!(try F.verifier(policy: intentPolicy).verify(UnsignedBundle.intent(try F().bundle())).approvalsRequired))
    }

    @Test("a URI's 24-hour window: createdAt 0 or one that wraps past 2^64 leaves nothing signable")
    func createdAtGames() throws {
        let uri = "ethereum:\(Self.deposit)@8453?value=1e15"
        let transaction = Self.tx(to: C.deposit, value: .powerOfTen(15), data: [], nonce: 4)
        for createdAt: UInt64 in [0, F.now - 86_400 + 299, UInt64.max - 1000] {
            #expect(Self.kind(try Self.uriBundle(uri, transaction, createdAt: createdAt)) == "paymentExpired", "\(createdAt)")
        }
        #expect(Self.kind(try Self.uriBundle(uri, transaction, createdAt: F.now - 86_400 + 301)) == "accepted")
    }

    @Test("hardening: a URI bundle dated ahead of the cold clock (stretching its 24 hours) draws a warning")
    func createdAtInTheFuture() throws {
        let uri = "ethereum:\(Self.deposit)@8453?value=1e15"
        let transaction = Self.tx(to: C.deposit, value: .powerOfTen(15), data: [], nonce: 4)
        let ahead = try Self.verifier().verify(try Self.uriBundle(uri, transaction, createdAt: F.now + 10 * 86_400))
        #expect(ahead.report.messages.contains { $0.severity == .warning && $0.text.contains("240 h 0 min ahead") })
        for createdAt in [F.now - 60, F.now + 300] {
            let honest = try Self.verifier().verify(try Self.uriBundle(uri, transaction, createdAt: createdAt))
            #expect(!honest.report.messages.contains { $0.text.contains("ahead of this machine's clock") })
        }
    }

    @Test("a non-USDC token pinned by a policy file counts as 6-decimal dollars: limits apply, CRITICAL note on the pin")
    func nonUSDCReview() throws {
        let token = C.attacker
        var policy = Policy.default
        for index in policy.chains.indices where policy.chains[index].chainID == .base {
            policy.chains[index].paymentTokens.append(token)
        }
        // A token of another scale pinned by mistake: 700 tokens of 18 decimals count as $700,000,000,000,000.
        let uri = "ethereum:\(token.checksummed)@8453/transfer?address=\(Self.deposit)&uint256=7e20"
        let amount = UInt256(7) * UInt256.powerOfTen(20)
        #expect(
            Self.kind(
                try Self.uriBundle(uri, Self.tx(to: token, data: Self.transfer(amount), nonce: 2)),
                Self.verifier(policy: policy)) == "purchaseLimitExceeded")
        let small = "ethereum:\(token.checksummed)@8453/transfer?address=\(Self.deposit)&uint256=12500000"
        let verified = try Self.verifier(policy: policy).verify(
            try Self.uriBundle(small, Self.tx(to: token, data: Self.transfer(12_500_000), nonce: 3)))
        #expect(verified.usdUnits == 12_500_000)
        let review = try Self.review(verified, source: .file(path: "/tmp/policy.json", sha256Prefix: "0011223344556677"))
        let text = review.text
        #expect(text.contains("12500000 base units of a token your policy pins, counted at 6 decimals as $12.50"))
        #expect(text.contains("\(token.checksummed) (token pinned by the policy, pinned by the policy file)"))
        #expect(review.fields["usd"] == .string("12.50"))
        #expect(review.messages.contains { $0.severity == .critical && $0.text.contains(token.checksummed) })
    }

    @Test("the status is read from the document the signer parsed: only ACTIVE signs")
    func statuses() throws {
        for status in Checkout.statuses.sorted() {
            var factory = C()
            factory.status = status
            let kind = Self.kind(UnsignedBundle.checkout(try factory.bundle()))
            #expect(kind == (status == "ACTIVE" ? "accepted" : "checkoutNotActive"), "\(status)")
        }
    }
}
