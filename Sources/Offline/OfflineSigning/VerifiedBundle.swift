import Foundation
public import BundleFormat
public import EthereumABI
public import EthereumPrimitives
public import EthereumTransactions

/// A bundle that passed every rule of ``BundleVerifier``: a transfer-intent purchase or a checkout payment.
///
/// Only the verifier creates one, and only a verified bundle can be signed: the key cannot be reached without
/// it.
public struct VerifiedBundle: Sendable {
    /// What the verified transaction buys, decoded from its bytes.
    public enum Purchase: Sendable {
        /// A `swapAndTransferUniswapV3Native` call carrying an operator-signed intent.
        case intent(IntentPurchase)
        /// An ERC-20 or native transfer paying a checkout.
        case checkout(CheckoutPurchase)
    }

    /// The bundle as read.
    public let bundle: UnsignedBundle
    /// What it buys.
    public let purchase: Purchase
    /// The rules of the chain it pays on.
    public let rules: Policy.ChainRules
    /// The signing hash, recomputed here.
    public let signingHash: SigningHash
    /// Concerns for the operator's eye, ranked; none of them stops signing.
    public let report: ValidationReport
    /// The ledger entry signing will append.
    public let ledgerEntry: SigningLedger.Entry
    /// Whether this exact payment was signed before (re-signing gives the identical deterministic signature).
    public let previouslySigned: SigningLedger.Entry?
    /// Whether the policy's M-of-N approvals must be met before this bundle is signed.
    public let approvalsRequired: Bool

    init(
        bundle: UnsignedBundle, purchase: Purchase, rules: Policy.ChainRules, report: ValidationReport,
        ledgerEntry: SigningLedger.Entry, previouslySigned: SigningLedger.Entry?, approvalsRequired: Bool
    ) {
        self.bundle = bundle
        self.purchase = purchase
        self.rules = rules
        self.signingHash = bundle.transaction.signingHash
        self.report = report
        self.ledgerEntry = ledgerEntry
        self.previouslySigned = previouslySigned
        self.approvalsRequired = approvalsRequired
    }

    /// The transaction to sign.
    public var transaction: EIP1559Transaction { bundle.transaction }

    /// The fingerprint shown to the operator.
    public var fingerprint: Fingerprint { Fingerprint(signingHash.hash) }

    /// The id "signed once" is recorded under (the charge id, `checkout:<id>` or `eip681:<hash>`).
    public var paymentID: String { bundle.paymentID }

    /// The purchase in USDC units (10^-6 dollars), from the decoded calldata; nil for a payment in another asset.
    public var usdUnits: UInt256? { purchase.isUSD ? ledgerEntry.usdUnits : nil }
}

extension VerifiedBundle.Purchase {
    /// Whether the amount is in dollars (every intent; a checkout paid in the chain's USDC).
    var isUSD: Bool {
        switch self {
        case .intent: return true
        case .checkout(let checkout): return checkout.payment.usdUnits != nil
        }
    }
}

/// A verified transfer-intent purchase: the intent and pool tier decoded from the calldata, and the value bound.
public struct IntentPurchase: Sendable {
    /// The bundle.
    public let bundle: IntentBundle
    /// The intent decoded from the calldata that will be signed (equal to the charge's, field by field).
    public let intent: TransferIntent
    /// The pool fee tier decoded from the calldata.
    public let poolFeesTier: UInt32
    /// The value priced at the policy's floor, as the verifier checked it (the review shows this same bound).
    public let valueBound: ValueBound
}

/// A verified checkout payment: the transfer decoded from the transaction, equal to the request's.
public struct CheckoutPurchase: Sendable {
    /// The bundle.
    public let bundle: CheckoutBundle
    /// What the transaction pays, read from its bytes.
    public let payment: VerifiedPayment
    /// Whether the policy pins the recipient for this chain.
    public let recipientPinned: Bool
}

/// Concerns that need the operator's eye but do not stop signing (clef's split: errors stop, messages inform).
public struct ValidationReport: Equatable, Sendable {
    /// How much a message matters.
    public enum Severity: String, Sendable, Comparable {
        /// Read before approving.
        case critical
        /// Worth a look.
        case warning
        /// For the record.
        case info

        /// Critical first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.critical, .warning, .info]
            return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    /// One message.
    public struct Message: Equatable, Sendable {
        /// Its severity.
        public var severity: Severity
        /// Its text.
        public var text: String
    }

    /// Messages, most severe first.
    public private(set) var messages: [Message] = []

    /// Adds a message, keeping the order by severity.
    mutating func add(_ severity: Severity, _ text: String) {
        messages.append(Message(severity: severity, text: text))
        messages.sort { $0.severity < $1.severity }
    }
}
