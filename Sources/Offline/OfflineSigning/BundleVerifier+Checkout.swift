public import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import StrictJSON

extension BundleVerifier {
    /// How far ahead of this machine's clock prepare's `createdAt` may be before the review says so.
    static let clockToleranceSeconds: UInt64 = 300

    /// Verifies a checkout bundle: the request is re-parsed from the text the bundle kept, and the transaction's
    /// own bytes are compared with it (``TransferVerifier``); then the payer, the time, the transaction limits, the
    /// purchase limits (a USDC amount counts as dollars), the recipient pins and the ledger.
    ///
    /// A checkout carries nobody's signature: the recipient is only as good as the document or URI it came from.
    /// The policy may pin recipients per chain; an unpinned one is refused (`unpinnedRecipients: "refuse"`), needs
    /// the approvals quorum (`approvals.requiredFor: "unpinned-recipients"`), or is signed after the operator
    /// compares the address on another device — the review asks for that, and says where the address came from.
    public func verify(_ bundle: CheckoutBundle) throws(VerificationError) -> VerifiedBundle {
        let tx = bundle.transaction
        let request = bundle.request
        var report = ValidationReport()

        // The bytes against the request: chain, token pin, calldata, recipient, amount (or the native value cap).
        let payment = try TransferVerifier(policy: policy).verify(tx, against: request)
        guard let rules = policy.rules(for: tx.chainID) else { throw .chainNotAllowed(tx.chainID) }
        if let checkout = bundle.checkout, checkout.status != "ACTIVE" { throw .checkoutNotActive(status: checkout.status) }

        // Payer: the key and the bundle's from are one address.
        guard keyAddress == bundle.from else {
            throw .senderMismatch(key: keyAddress, intentSender: bundle.from, bundleFrom: bundle.from)
        }

        // Time: the request must outlive the trip back to the online machine.
        let validUntil = bundle.validUntil
        guard validUntil >= now.addingReportingOverflow(policy.deadlineMarginSeconds).partialValue else {
            throw .paymentExpired(validUntil: validUntil, now: now, marginSeconds: policy.deadlineMarginSeconds)
        }
        warnIfSoon(
            validUntil, what: request.expiresAt == nil ? "this bundle (a URI has no expiry of its own)" : "the checkout",
            in: &report)
        // A URI's 24 hours run from prepare's createdAt, which nobody signed: a date ahead of this clock stretches them.
        if request.expiresAt == nil, bundle.createdAt > now.addingReportingOverflow(Self.clockToleranceSeconds).partialValue {
            report.add(
                .warning,
                "prepare dated this bundle \(Review.duration(bundle.createdAt - now)) ahead of this machine's clock, which "
                    + "stretches the URI's 24 hours: check both clocks before you sign")
        }

        try checkTransactionLimits(tx: tx, rules: rules, needsValue: request.asset == .native)
        let usd = payment.usdUnits ?? .zero
        if payment.usdUnits != nil { try checkPurchaseLimits(usdUnits: usd, paymentID: bundle.requestKey) }

        // Recipient: pinned, refused, or left to the approvals and the operator's comparison.
        let pinned = rules.paymentRecipients.contains(payment.recipient)
        if !pinned, policy.unpinnedRecipients == .refuse {
            throw .recipientNotPinned(recipient: payment.recipient, chainID: tx.chainID)
        }
        let approvalsRequired = policy.approvals.requires(recipientPinned: pinned)
        if payment.usdUnits == nil {
            report.add(
                .warning,
                "this payment is not in USDC: it is checked against the chain's value cap, not the dollar limits")
        }

        let entry = SigningLedger.Entry(
            chargeID: bundle.requestKey, chainID: tx.chainID, sender: bundle.from, nonce: tx.nonce,
            signingHash: tx.signingHash.hash, usdUnits: usd, signedAt: now, paymentKey: bundle.paymentKey)
        let previous = try checkLedger(entry, report: &report)
        let purchase = CheckoutPurchase(bundle: bundle, payment: payment, recipientPinned: pinned)
        return VerifiedBundle(
            bundle: .checkout(bundle), purchase: .checkout(purchase), rules: rules, report: report, ledgerEntry: entry,
            previouslySigned: previous, approvalsRequired: approvalsRequired)
    }
}
