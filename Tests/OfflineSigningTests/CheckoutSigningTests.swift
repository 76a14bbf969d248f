import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import OfflineSigning
import SigningKeys
import StrictJSON
import Foundation
import Testing

/// The checkout path through the whole offline verifier: each test plays a compromised online machine (or a
/// careless policy) and expects the named refusal; the honest cases check what the review shows.
@Suite struct CheckoutSigningTests {
    typealias F = BundleFactory
    typealias C = CheckoutFactory

    static func verifier(policy: Policy = .default, ledger: SigningLedger = SigningLedger(), now: UInt64 = F.now)
        -> BundleVerifier
    {
        BundleVerifier(policy: policy, now: now, keyAddress: F.payer.address, ledger: ledger)
    }

    static func kind(_ bundle: CheckoutBundle, verifier: BundleVerifier = verifier()) -> String {
        do {
            _ = try verifier.verify(UnsignedBundle.checkout(bundle))
            return "accepted"
        } catch { return error.kind }
    }

    static func review(_ verified: VerifiedBundle, source: PolicySource = .builtIn) throws -> Review {
        Review(verified, now: F.now, ladder: try FeeLadder(verified, steps: 0, policy: .default), source: source)
    }

    @Test("an honest USDC checkout verifies; the review shows the decoded payment, the full address and its groups")
    func honestCheckout() throws {
        let verified = try Self.verifier().verify(UnsignedBundle.checkout(try C().bundle()))
        #expect(verified.paymentID == "checkout:chk_1a2b3c")
        #expect(verified.usdUnits == 25_000_000)
        #expect(!verified.approvalsRequired)
        let review = try Self.review(verified)
        let text = review.text
        #expect(text.contains("25.00 USDC to a checkout deposit address ($25.00 against your limits)"))
        #expect(text.contains(C.deposit.checksummed))
        #expect(text.contains(Review.grouped(C.deposit)))
        #expect(text.contains("from the checkout document, which nobody signed"))
        #expect(review.messages.contains { $0.severity == .critical && $0.text.contains("compare all 42 characters") })
        #expect(review.fields["recipientPinned"] == .bool(false))
    }

    @Test("the grouped address is the checksummed one in fours")
    func groups() {
        let address = C.usdc
        let grouped = Review.grouped(address)
        #expect(grouped.split(separator: " ").count == 10)
        #expect(grouped.replacingOccurrences(of: " ", with: "") == address.checksummed)
    }

    @Test("a compromised online machine changes one thing: each is refused by its own rule")
    func attackerEdits() throws {
        var recipient = C()
        recipient.calldataRecipient = C.attacker
        #expect(Self.kind(try recipient.bundle()) == "paymentMismatch")
        var amount = C()
        amount.calldataAmount = 250_000_000
        #expect(Self.kind(try amount.bundle()) == "paymentMismatch")
        var token = C()
        token.to = C.attacker
        #expect(Self.kind(try token.bundle()) == "tokenNotPinned")
        var value = C()
        value.value = 1
        #expect(Self.kind(try value.bundle()) == "paymentMismatch")
        var paid = C()
        paid.status = "COMPLETED"
        #expect(Self.kind(try paid.bundle()) == "checkoutNotActive")
        var payer = C()
        payer.from = F.otherKey.address
        #expect(Self.kind(try payer.bundle()) == "senderMismatch")
    }

    @Test("a token that is not pinned is refused even when the URI itself names it")
    func uriWithUnpinnedToken() throws {
        let uri = "ethereum:\(C.attacker.checksummed)@8453/transfer?address=\(C.deposit.checksummed)&uint256=25000000"
        let tx = EIP1559Transaction(
            chainID: .base, nonce: 1, maxPriorityFeePerGas: Wei(1_000_000), maxFeePerGas: Wei(2_000_000_000),
            gasLimit: 80_000, to: C.attacker, value: Wei(0),
            data: ERC20Transfer(recipient: C.deposit, amount: 25_000_000).calldata)
        #expect(Self.kind(try C.uriBundle(uri, transaction: tx, token: 0)) == "tokenNotPinned")
    }

    @Test("the checkout's expiry by the cold machine's clock, with the policy's margin")
    func expiry() throws {
        let bundle = try C().bundle()
        #expect(Self.kind(bundle, verifier: Self.verifier(now: C.expiresAt - 301)) == "accepted")
        #expect(Self.kind(bundle, verifier: Self.verifier(now: C.expiresAt - 299)) == "paymentExpired")
        #expect(Self.kind(bundle, verifier: Self.verifier(now: C.expiresAt + 1)) == "paymentExpired")
    }

    @Test("USDC counts against the per-purchase and 24-hour limits")
    func dollarLimits() throws {
        var big = C()
        big.amountText = "500.01"
        #expect(Self.kind(try big.bundle()) == "purchaseLimitExceeded")
        let earlier = SigningLedger.Entry(
            chargeID: "ch_other", chainID: .base, sender: F.payer.address, nonce: 1,
            signingHash: Hash32(uncheckedBytes: [UInt8](repeating: 1, count: 32)), usdUnits: 1_990_000_000,
            signedAt: F.now - 3600)
        let ledger = SigningLedger(entries: [earlier])
        #expect(Self.kind(try C().bundle(), verifier: Self.verifier(ledger: ledger)) == "dailyLimitExceeded")
    }

    @Test("recipient pins: pinned passes quietly, refuse refuses, approvals are required only for the unpinned")
    func recipientPins() throws {
        var pinning = Policy.default
        pinning.chains = pinning.chains.map { rules in
            var rules = rules
            if rules.chainID == .base { rules.paymentRecipients = [C.deposit] }
            return rules
        }
        let pinned = try Self.verifier(policy: pinning).verify(UnsignedBundle.checkout(try C().bundle()))
        let review = try Self.review(pinned)
        #expect(!review.messages.contains { $0.severity == .critical })
        #expect(review.text.contains("pinned by the built-in policy"))

        var other = C()
        other.requestRecipient = C.attacker
        var refusing = pinning
        refusing.unpinnedRecipients = .refuse
        #expect(Self.kind(try other.bundle(), verifier: Self.verifier(policy: refusing)) == "recipientNotPinned")
        #expect(Self.kind(try C().bundle(), verifier: Self.verifier(policy: refusing)) == "accepted")

        var quorum = pinning
        quorum.approvals = .init(threshold: 1, approvers: [F.otherKey.address], requiredFor: .unpinnedRecipients)
        let unpinned = try Self.verifier(policy: quorum).verify(UnsignedBundle.checkout(try other.bundle()))
        #expect(unpinned.approvalsRequired)
        #expect(!(try Self.verifier(policy: quorum).verify(UnsignedBundle.checkout(try C().bundle())).approvalsRequired))
    }

    @Test("the ledger: one checkout is signed once; the same bytes again only warn")
    func ledger() throws {
        let first = try Self.verifier().verify(UnsignedBundle.checkout(try C().bundle()))
        let ledger = SigningLedger(entries: [first.ledgerEntry])
        var changed = C()
        changed.nonce = 9
        #expect(Self.kind(try changed.bundle(), verifier: Self.verifier(ledger: ledger)) == "replayConflict")
        let again = try Self.verifier(ledger: ledger).verify(UnsignedBundle.checkout(try C().bundle()))
        #expect(again.previouslySigned != nil)
    }

    @Test("a checkout's document and its QR code's URI are one payment: whichever is signed first, the other is refused")
    func documentAndURIAreOnePayment() throws {
        let document = try C().bundle()
        let uri =
            "ethereum:\(C.usdc.checksummed)@8453/transfer?address=\(C.deposit.checksummed)&uint256=2.5e7&gasPrice=1e9"
        var other = C()
        other.nonce = 4
        let viaURI = try C.uriBundle(uri, transaction: other.transaction(amount: 25_000_000), token: 100_000_000)
        #expect(document.paymentKey == viaURI.paymentKey && document.requestKey != viaURI.requestKey)
        for (first, second) in [(document, viaURI), (viaURI, document)] {
            let signed = try Self.verifier().verify(UnsignedBundle.checkout(first))
            let ledger = SigningLedger(entries: [signed.ledgerEntry])
            do {
                _ = try Self.verifier(ledger: ledger).verify(UnsignedBundle.checkout(second))
                Issue.record("the same deposit was signed twice under \(first.requestKey) and \(second.requestKey)")
            } catch {
                #expect(error.kind == "replayConflict")
                #expect(error.description.contains("same payment"))
            }
        }
        var otherCheckout = C()
        otherCheckout.requestRecipient = C.attacker
        otherCheckout.id = "chk_other"
        otherCheckout.nonce = 5
        let first = try Self.verifier().verify(UnsignedBundle.checkout(document))
        let ledger = SigningLedger(entries: [first.ledgerEntry])
        #expect(Self.kind(try otherCheckout.bundle(), verifier: Self.verifier(ledger: ledger)) == "accepted")
    }

    @Test("the ledger line keeps the payment key; a malformed one is refused by name")
    func ledgerLinePaymentKey() throws {
        let entry = try Self.verifier().verify(UnsignedBundle.checkout(try C().bundle())).ledgerEntry
        let path = NSTemporaryDirectory() + "ledger-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var ledger = try SigningLedger(path: path)
        try ledger.append(entry)
        let line = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(line.contains("\"payment\":\"eip681:"))
        #expect(try SigningLedger(path: path).entries == [entry])
        let bad = line.replacingOccurrences(of: "\"payment\":\"eip681:", with: "\"payment\":\"checkout:")
        #expect(throws: LedgerError.self) { _ = try SigningLedger(path: path, contents: Array((bad + "\n").utf8)) }
    }

    @Test("a native URI payment: empty calldata, exact value, the chain's value cap; no dollar figure")
    func nativeURI() throws {
        let uri = "ethereum:\(C.deposit.checksummed)@8453?value=1e15"
        let ok = try C.uriBundle(uri, transaction: C.nativeTransaction(wei: .powerOfTen(15)))
        let verified = try Self.verifier().verify(UnsignedBundle.checkout(ok))
        #expect(verified.usdUnits == nil)
        #expect(verified.bundle.validUntil == F.now - 60 + 86_400)
        #expect(try Self.review(verified).text.contains("0.001 ETH in a plain transfer"))
        let withData = try C.uriBundle(uri, transaction: C.nativeTransaction(wei: .powerOfTen(15), data: [0]))
        #expect(Self.kind(withData) == "nativeTransferHasCalldata")
        let big = "ethereum:\(C.deposit.checksummed)@8453?value=1e18"
        let overCap = try C.uriBundle(big, transaction: C.nativeTransaction(wei: .powerOfTen(18)))
        #expect(Self.kind(overCap) == "limitExceeded")
    }

    @Test("hostile text in the checkout document reaches the review escaped")
    func hostileText() throws {
        var hostile = C()
        hostile.url = "https://pay.example/\u{202E}lapyap\u{1B}[2J"
        let verified = try Self.verifier().verify(UnsignedBundle.checkout(try hostile.bundle()))
        let text = try Self.review(verified).text
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B })
        #expect(text.contains("\\u{202e}") || text.contains("\\u202e") || text.contains("\\u{202E}"))
    }

    @Test("signing a checkout: the file names the checkout and recovers to the key")
    func signs() throws {
        let session = SigningSession(policy: .default, policySource: .builtIn, ledgerPath: nil, clock: .fixed(F.now))
        let plan = try session.plan(.checkout(try C().bundle()), signer: F.payer.address, ladderSteps: 2)
        let signed = try session.sign(plan, with: F.payer)
        #expect(signed.chargeID == "checkout:chk_1a2b3c")
        #expect(signed.validUntil == C.expiresAt)
        #expect(try signed.transaction.recoverSender() == F.payer.address)
        #expect(signed.feeLadder.count == 2)
        let call = try ERC20Transfer(calldata: signed.transaction.transaction.data)
        #expect(call.recipient == C.deposit && call.amount == 25_000_000)
    }
}
