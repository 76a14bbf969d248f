import Foundation
public import BundleFormat
public import EthereumABI
public import EthereumPrimitives
public import EthereumTransactions

/// A bundle that passed every rule of ``BundleVerifier``.
///
/// Only the verifier creates one, and only a verified bundle can be signed: the key cannot be reached without
/// it.
public struct VerifiedBundle: Sendable {
    /// The bundle as read.
    public let bundle: IntentBundle
    /// The intent decoded from the calldata that will be signed (equal to the charge's, field by field).
    public let intent: TransferIntent
    /// The pool fee tier decoded from the calldata.
    public let poolFeesTier: UInt32
    /// The rules of the chain it pays on.
    public let rules: Policy.ChainRules
    /// The value priced at the policy's floor, as the verifier checked it (the review shows this same bound).
    public let valueBound: ValueBound
    /// The signing hash, recomputed here.
    public let signingHash: SigningHash
    /// Concerns for the operator's eye, ranked; none of them stops signing.
    public let report: ValidationReport
    /// The ledger entry signing will append.
    public let ledgerEntry: SigningLedger.Entry
    /// Whether this exact payment was signed before (re-signing gives the identical deterministic signature).
    public let previouslySigned: SigningLedger.Entry?

    init(
        bundle: IntentBundle, intent: TransferIntent, poolFeesTier: UInt32, rules: Policy.ChainRules,
        valueBound: ValueBound, report: ValidationReport, ledgerEntry: SigningLedger.Entry, previouslySigned: SigningLedger.Entry?
    ) {
        self.bundle = bundle
        self.intent = intent
        self.poolFeesTier = poolFeesTier
        self.rules = rules
        self.valueBound = valueBound
        self.signingHash = bundle.transaction.signingHash
        self.report = report
        self.ledgerEntry = ledgerEntry
        self.previouslySigned = previouslySigned
    }

    /// The transaction to sign.
    public var transaction: EIP1559Transaction { bundle.transaction }

    /// The fingerprint shown to the operator.
    public var fingerprint: Fingerprint { Fingerprint(signingHash.hash) }

    /// The purchase in USDC units, from the decoded calldata.
    public var usdUnits: UInt256 { intent.recipientAmount + intent.feeAmount }  // overflow checked in verify
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
