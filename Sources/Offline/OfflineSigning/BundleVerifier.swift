import Foundation
public import BundleFormat
import EthereumABI
public import EthereumPrimitives
import EthereumTransactions
import Secp256k1

/// Checks an unsigned bundle against the bytes it would sign, the policy, the clock, the key and the ledger.
///
/// Every rule derives its figures from the transaction itself — the calldata is decoded and compared with the
/// charge field by field — never from a summary the online machine wrote. The first failing rule throws its
/// own ``VerificationError``; concerns that do not stop signing go into the ``ValidationReport``.
public struct BundleVerifier: Sendable {
    /// The policy in force.
    public var policy: Policy
    /// The local clock, Unix seconds.
    public var now: UInt64
    /// The address of the key that will sign.
    public var keyAddress: Address
    /// What this machine signed before.
    public var ledger: SigningLedger

    /// Creates a verifier.
    public init(policy: Policy, now: UInt64, keyAddress: Address, ledger: SigningLedger) {
        self.policy = policy
        self.now = now
        self.keyAddress = keyAddress
        self.ledger = ledger
    }

    /// Reads and verifies bundle bytes.
    public func verify(jsonData data: [UInt8]) throws(VerificationError) -> VerifiedBundle {
        let bundle: UnsignedBundle
        do { bundle = try UnsignedBundle(jsonData: .init(data)) } catch { throw .malformedBundle(error) }
        return try verify(bundle)
    }

    /// Verifies a bundle of either kind with the rules of its kind.
    public func verify(_ bundle: UnsignedBundle) throws(VerificationError) -> VerifiedBundle {
        switch bundle {
        case .intent(let intentBundle): return try verify(intentBundle)
        case .checkout(let checkoutBundle): return try verify(checkoutBundle)
        }
    }

    /// Verifies a transfer-intent bundle, rule by rule, in the order of the README's table.
    public func verify(_ bundle: IntentBundle) throws(VerificationError) -> VerifiedBundle {
        let tx = bundle.transaction
        let charge = bundle.charge
        var report = ValidationReport()

        // Chain: the transaction's, the intent's, and the policy's.
        guard tx.chainID == charge.chainID else { throw .chainIDMismatch(transaction: tx.chainID, intent: charge.chainID) }
        guard let rules = policy.rules(for: tx.chainID) else { throw .chainNotAllowed(tx.chainID) }

        // Destination: the pinned Transfers contract, and the one the charge names.
        guard tx.to == rules.transfers else { throw .contractNotPinned(found: tx.to, pinned: rules.transfers) }
        guard charge.contract == tx.to else { throw .chargeContractMismatch(charge: charge.contract, transaction: tx.to) }

        // Calldata: exactly the one call, carrying exactly the charge's intent.
        let decoded: (intent: TransferIntent, poolFeesTier: UInt32)
        do { decoded = try TransfersContract.decodeSwapAndTransfer(tx.data) } catch { throw .calldataNotTransferCall(error) }
        try Self.compare(decoded.intent, with: charge.intent)
        guard TransfersContract.feeTiers.contains(decoded.poolFeesTier) else { throw .feeTierNotAllowed(decoded.poolFeesTier) }
        let intent = decoded.intent

        // Operator: its signature binds the intent to this chain, sender and contract; it must be pinned.
        let digest = intent.operatorDigest(
            chainID: tx.chainID, sender: charge.sender,
            contract: tx.to)
        let recovered = try? RecoverableSignature(rsv: intent.signature).recoverAddress(digest: digest)
        guard recovered == intent.operator else {
            throw .operatorSignatureInvalid(recovered: recovered, expected: intent.operator)
        }
        guard rules.operators.contains(intent.operator) else { throw .operatorNotAllowed(intent.operator) }

        // Payer: the key, the intent's sender and the bundle's from are one address.
        guard keyAddress == charge.sender, bundle.from == charge.sender else {
            throw .senderMismatch(key: keyAddress, intentSender: charge.sender, bundleFrom: bundle.from)
        }

        // Time: the intent must outlive the trip back to the online machine.
        let deadline = intent.deadline.uint64 ?? .max
        guard deadline >= now.addingReportingOverflow(policy.deadlineMarginSeconds).partialValue else {
            throw .intentExpired(deadline: deadline, now: now, marginSeconds: policy.deadlineMarginSeconds)
        }
        warnIfSoon(deadline, what: "the intent", in: &report)

        try checkTransactionLimits(tx: bundle.transaction, rules: rules, needsValue: true)
        let usd: UInt256
        do { usd = try intent.neededAmount() } catch {
            throw .invalidTransaction(reason: "recipientAmount + feeAmount overflows")
        }
        try checkPurchaseLimits(usdUnits: usd, paymentID: charge.id)
        let valueBound = try checkValueBound(tx: tx, usdUnits: usd, rules: rules)

        // Currency and recipient.
        guard rules.recipientCurrencies.contains(intent.recipientCurrency) else {
            throw .currencyNotAllowed(intent.recipientCurrency)
        }
        guard rules.recipients.isEmpty || rules.recipients.contains(intent.recipient) else {
            throw .recipientNotAllowed(intent.recipient)
        }

        // Ledger: never two different payments for one charge or one nonce.
        let entry = SigningLedger.Entry(
            chargeID: charge.id, chainID: tx.chainID, sender: charge.sender, nonce: tx.nonce,
            signingHash: tx.signingHash.hash, usdUnits: usd, signedAt: now)
        let previous = try checkLedger(entry, report: &report)
        addQuoteNotes(to: &report, bundle: bundle, intent: intent)
        let purchase = IntentPurchase(
            bundle: bundle, intent: intent, poolFeesTier: decoded.poolFeesTier, valueBound: valueBound)
        return VerifiedBundle(
            bundle: .intent(bundle), purchase: .intent(purchase), rules: rules, report: report, ledgerEntry: entry,
            previouslySigned: previous,
            approvalsRequired: policy.approvals.requires(recipientPinned: rules.recipients.contains(intent.recipient)))
    }
}
