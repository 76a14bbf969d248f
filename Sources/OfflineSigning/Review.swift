import EthereumTransactions
import EthereumABI
import Foundation
public import BundleFormat
import EthereumPrimitives

/// The operator's review, derived only from the decoded transaction and calldata of a ``VerifiedBundle``.
///
/// The one figure that uses online data — the USD value of the native amount — is computed from the bundle's
/// quote and labelled as such.
public struct Review {
    /// Rows of label and value, in display order.
    public let rows: [(label: String, value: String)]
    /// Warnings from verification, most severe first.
    public let messages: [ValidationReport.Message]
    /// The fingerprint.
    public let fingerprint: Fingerprint
    /// Machine-readable form for `--json`.
    public let fields: [String: Any]

    /// Builds the review of `verified` at local time `now`.
    public init(_ verified: VerifiedBundle, now: UInt64) {
        let tx = verified.transaction
        let intent = verified.intent
        let symbol = tx.chainID.nativeSymbol
        let usd = DecimalAmount.format(verified.usdUnits, decimals: 6, minimumFractionDigits: 2)
        let (fee, feeOverflow) = UInt256(tx.gasLimit).multipliedReportingOverflow(by: tx.maxFeePerGas.amount)
        let worstFee = feeOverflow ? "overflow" : "\(Wei(fee).etherString) \(symbol)"
        let deadline = intent.deadline.uint64 ?? .max
        let left = deadline > now ? Review.duration(deadline - now) : "expired"
        var valueLine = "\(tx.value.etherString) \(symbol) (maximum; the excess is refunded)"
        if let usdValue = Self.usdValue(of: tx.value.amount, quote: verified.bundle.quote.amountIn, usdUnits: verified.usdUnits) {
            valueLine += "  ≈ $\(usdValue) at the online quote"
        }
        rows = [
            (
                "Buying",
                "$\(usd) of OpenRouter credits (USDC \(DecimalAmount.format(intent.recipientAmount, decimals: 6, minimumFractionDigits: 2)) + fee \(DecimalAmount.format(intent.feeAmount, decimals: 6, minimumFractionDigits: 2)))"
            ),
            ("Charge", verified.bundle.charge.id),
            ("Paying from", tx.chainID.description + "  " + verified.bundle.from.checksummed),
            ("Contract", "\(tx.to.checksummed) (pinned Transfers)"),
            ("Recipient", intent.recipient.checksummed),
            ("Value", valueLine),
            (
                "Network fee",
                "at most \(worstFee) (gas \(tx.gasLimit) × \(tx.maxFeePerGas.gweiString) gwei; tip \(tx.maxPriorityFeePerGas.gweiString) gwei)"
            ),
            ("Pool fee tier", String(verified.poolFeesTier)),
            ("Nonce", String(tx.nonce)),
            ("Deadline", "\(ISO8601.format(unixSeconds: deadline)) (\(left) left)"),
            ("Fingerprint", verified.fingerprint.description),
        ]
        messages = verified.report.messages
        fingerprint = verified.fingerprint
        fields = [
            "chargeId": verified.bundle.charge.id, "usd": usd, "chainId": tx.chainID.value,
            "from": verified.bundle.from.checksummed, "contract": tx.to.checksummed, "recipient": intent.recipient.checksummed,
            "maxValue": tx.value.etherString, "maxNetworkFee": feeOverflow ? "overflow" : Wei(fee).etherString,
            "nonce": tx.nonce, "deadline": deadline, "fingerprint": verified.fingerprint.description,
            "signingHash": verified.signingHash.hex,
            "warnings": verified.report.messages.map { ["severity": $0.severity.rawValue, "text": $0.text] },
        ]
    }

    /// The text shown on the terminal.
    public var text: String {
        let width = rows.map(\.label.count).max() ?? 0
        var lines = ["", "Review — everything below is decoded from the transaction that will be signed", ""]
        for row in rows {
            lines.append("  " + row.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.value)
        }
        if !messages.isEmpty { lines.append("") }
        for message in messages { lines.append("  \(message.severity.rawValue.uppercased()): \(message.text)") }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// `value` in USD at the quote's price (`usdUnits` bought for `quote` wei), two decimals; nil without a quote.
    static func usdValue(of value: UInt256, quote: UInt256, usdUnits: UInt256) -> String? {
        guard !quote.isZero else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: usdUnits)
        guard !overflow else { return nil }
        let cents = product / quote / 10_000  // USDC units → cents, truncated
        return DecimalAmount.format(cents, decimals: 2, minimumFractionDigits: 2)
    }

    /// "2 h 5 min", "14 min", "40 s".
    public static func duration(_ seconds: UInt64) -> String {
        if seconds >= 3600 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        if seconds >= 60 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }
}
