import Foundation
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions

extension BundleVerifier {
    /// The intent in the calldata must equal the charge's, field by field; the first difference is named.
    static func compare(_ calldata: TransferIntent, with charge: TransferIntent) throws(VerificationError) {
        let fields: [(String, String, String)] = [
            ("recipientAmount", calldata.recipientAmount.decimalString, charge.recipientAmount.decimalString),
            ("deadline", calldata.deadline.decimalString, charge.deadline.decimalString),
            ("recipient", calldata.recipient.checksummed, charge.recipient.checksummed),
            ("recipientCurrency", calldata.recipientCurrency.checksummed, charge.recipientCurrency.checksummed),
            ("refundDestination", calldata.refundDestination.checksummed, charge.refundDestination.checksummed),
            ("feeAmount", calldata.feeAmount.decimalString, charge.feeAmount.decimalString),
            ("id", Hex.encode(calldata.id), Hex.encode(charge.id)),
            ("operator", calldata.operator.checksummed, charge.operator.checksummed),
            ("signature", Hex.encode(calldata.signature), Hex.encode(charge.signature)),
            ("prefix", Hex.encode(calldata.prefix), Hex.encode(charge.prefix)),
        ]
        if let (field, found, expected) = fields.first(where: { $0.1 != $0.2 }) {
            throw .intentMismatch(field: field, calldata: found, charge: expected)
        }
    }

    /// Value, gas limit, fees and the worst-case network fee against the chain's limits.
    ///
    /// `needsValue`: the intent path's swap needs native value; a token transfer carries none.
    func checkTransactionLimits(tx: EIP1559Transaction, rules: Policy.ChainRules, needsValue: Bool) throws(VerificationError) {
        let symbol = tx.chainID.nativeSymbol
        guard !needsValue || !tx.value.amount.isZero else {
            throw .invalidTransaction(reason: "value is 0; the swap needs native value to buy USDC")
        }
        guard tx.maxPriorityFeePerGas <= tx.maxFeePerGas else {
            throw .invalidTransaction(
                reason:
                    "maxPriorityFeePerGas \(tx.maxPriorityFeePerGas.gweiString) gwei exceeds maxFeePerGas \(tx.maxFeePerGas.gweiString) gwei"
            )
        }
        guard tx.value <= rules.maxValue else {
            throw .limitExceeded(
                field: "value", found: "\(tx.value.etherString) \(symbol)", limit: "\(rules.maxValue.etherString) \(symbol)")
        }
        guard tx.gasLimit <= rules.maxGasLimit else {
            throw .limitExceeded(field: "gas", found: String(tx.gasLimit), limit: String(rules.maxGasLimit))
        }
        guard tx.maxFeePerGas <= rules.maxFeePerGas else {
            throw .limitExceeded(
                field: "maxFeePerGas", found: "\(tx.maxFeePerGas.gweiString) gwei", limit: "\(rules.maxFeePerGas.gweiString) gwei"
            )
        }
        guard tx.maxPriorityFeePerGas <= rules.maxPriorityFeePerGas else {
            throw .limitExceeded(
                field: "maxPriorityFeePerGas", found: "\(tx.maxPriorityFeePerGas.gweiString) gwei",
                limit: "\(rules.maxPriorityFeePerGas.gweiString) gwei")
        }
        let (fee, overflow) = UInt256(tx.gasLimit).multipliedReportingOverflow(by: tx.maxFeePerGas.amount)
        guard !overflow, fee <= rules.maxNetworkFee.amount else {
            throw .limitExceeded(
                field: "worst-case network fee", found: "\(Wei(fee).etherString) \(symbol)",
                limit: "\(rules.maxNetworkFee.etherString) \(symbol)")
        }
    }

    /// The purchase in USDC units against the per-purchase and rolling 24-hour limits (the payment's own
    /// earlier signing, under the same id, is not counted twice).
    func checkPurchaseLimits(usdUnits usd: UInt256, paymentID: String) throws(VerificationError) {
        let dollars = Review.dollars
        guard usd <= policy.maxPurchaseUSDUnits else {
            throw .purchaseLimitExceeded(usd: dollars(usd), limit: dollars(policy.maxPurchaseUSDUnits))
        }
        let already = ledger.signedUSDUnits(inDayBefore: now, exceptCharge: paymentID)
        let (total, overflow) = already.addingReportingOverflow(usd)
        guard !overflow, total <= policy.maxDailyUSDUnits else {
            throw .dailyLimitExceeded(usd: dollars(usd), alreadySigned: dollars(already), limit: dollars(policy.maxDailyUSDUnits))
        }
    }

    /// A warning when `deadline` is less than half an hour away.
    func warnIfSoon(_ deadline: UInt64, what: String, in report: inout ValidationReport) {
        if deadline - now < 1800 {
            report.add(.warning, "\(what) expires in \(Review.duration(deadline - now)); broadcast promptly")
        }
    }

    /// The ledger's rules: never two different payments for one payment id or one chain + sender + nonce.
    ///
    /// Returns the earlier entry when this exact payment was signed before.
    func checkLedger(_ entry: SigningLedger.Entry, report: inout ValidationReport) throws(VerificationError)
        -> SigningLedger.Entry?
    {
        if let conflict = ledger.conflict(with: entry) {
            let at = ISO8601.format(unixSeconds: conflict.signedAt)
            let reason: String
            if conflict.chargeID == entry.chargeID {
                reason =
                    "payment \(entry.chargeID) was already signed at \(at) with different content (signing hash \(conflict.signingHash))"
            } else if conflict.chainID == entry.chainID, conflict.sender == entry.sender, conflict.nonce == entry.nonce {
                reason =
                    "nonce \(entry.nonce) of \(entry.sender) on chain \(entry.chainID.value) was already signed for payment \(conflict.chargeID)"
            } else {
                reason =
                    "the same payment (same chain, token, recipient and amount) was already signed at \(at) as \(conflict.chargeID); "
                    + "a checkout's document and its QR code's URI are one payment"
            }
            throw .replayConflict(reason: reason)
        }
        let previous = ledger.alreadySigned(entry)
        if let previous {
            report.add(
                .warning,
                "this exact payment was signed before, at \(ISO8601.format(unixSeconds: previous.signedAt)); the signature will be identical"
            )
        }
        return previous
    }

    /// The native value, priced at the chain's floor (the cold machine's own figure), against the purchase plus the
    /// policy's margin: the online quote cannot move this bound.
    func checkValueBound(tx: EIP1559Transaction, usdUnits: UInt256, rules: Policy.ChainRules)
        throws(VerificationError) -> ValueBound
    {
        let bound = ValueBound(value: tx.value, usdUnits: usdUnits, rules: rules, marginPercent: policy.valueMarginPercent)
        guard bound.isWithin else {
            throw .valueAboveFloorBound(
                value: "\(tx.value.etherString) \(tx.chainID.nativeSymbol)", worthAtFloor: bound.worthAtFloorText,
                floor: "\(bound.floorText)/\(tx.chainID.nativeSymbol)", bound: bound.limitText)
        }
        return bound
    }

    /// Notes about the online machine's quote: shown, labelled as online data, never relied on.
    func addQuoteNotes(to report: inout ValidationReport, bundle: IntentBundle, intent: TransferIntent) {
        let value = bundle.transaction.value.amount
        if bundle.quote.poolFeesTier != 0, bundle.quote.amountIn.isZero {
            report.add(.warning, "the bundle carries no quote; the value cannot be compared with a market price")
            return
        }
        let (doubled, overflow) = bundle.quote.amountIn.multipliedReportingOverflow(by: 2)
        if !overflow, value > doubled {
            report.add(
                .critical,
                "value is more than twice the online machine's quote; the excess is refunded to the payer, but check the quote")
        }
        if value < bundle.quote.amountIn {
            report.add(.warning, "value is below the online machine's quote; the swap may revert with V3TooMuchRequested")
        }
    }
}
