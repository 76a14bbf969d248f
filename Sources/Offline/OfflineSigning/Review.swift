import EthereumTransactions
import EthereumABI
import Foundation
public import BundleFormat
import EthereumPrimitives
public import StrictJSON

/// The operator's review, derived only from the decoded transaction and calldata of a ``VerifiedBundle`` and from
/// the cold machine's own policy.
///
/// Two figures do not come from the signed bytes and are shown apart, under a heading that says so: the charge
/// id (the bundle's label for the payment, not covered by the signature) and the USD value of the native amount
/// at the online machine's quote (online data). The trusted value bound uses the policy's price floor instead.
public struct Review {
    /// Rows of label and value covered by the signature or the policy, in display order.
    public let rows: [(label: String, value: String)]
    /// Rows that the signature does not cover, shown under their own heading.
    public let unverifiedRows: [(label: String, value: String)]
    /// Warnings from verification and from the policy's provenance, most severe first.
    public let messages: [ValidationReport.Message]
    /// The fingerprint.
    public let fingerprint: Fingerprint
    /// Machine-readable form for `--json`.
    public let fields: JSONValue

    /// Builds the review of `verified` at local time `now`, with the fee ladder that will be signed beside it and
    /// the source of the policy that decided (its figures are already in `verified` and `ladder`).
    public init(_ verified: VerifiedBundle, now: UInt64, ladder: FeeLadder, source: PolicySource) {
        let tx = verified.transaction
        let intent = verified.intent
        let symbol = tx.chainID.nativeSymbol
        let usd = Self.dollars(verified.usdUnits)
        let worstFee = ladder.worstCaseFee.map { "\($0.etherString) \(symbol)" } ?? "overflow"
        let worst = ladder.worstCase
        let feeDetail =
            ladder.rungs.isEmpty
            ? "gas \(tx.gasLimit) × \(tx.maxFeePerGas.gweiString) gwei; tip \(tx.maxPriorityFeePerGas.gweiString) gwei"
            : "highest of \(ladder.rungs.count) fee-ladder replacement(s): gas \(worst.gasLimit) × "
                + "\(worst.maxFeePerGas.gweiString) gwei; tip \(worst.maxPriorityFeePerGas.gweiString) gwei"
        let deadline = intent.deadline.uint64 ?? .max
        let left = deadline > now ? Review.duration(deadline - now) : "expired"
        let bound = verified.valueBound
        let pin = "pinned by the \(source.pinOrigin)"
        let recipientPin = verified.rules.recipients.isEmpty ? "any recipient allowed by the \(source.pinOrigin)" : pin
        rows = [
            (
                "Buying",
                "$\(usd) of OpenRouter credits (USDC \(Self.dollars(intent.recipientAmount)) + fee \(Self.dollars(intent.feeAmount)))"
            ),
            ("Paying from", tx.chainID.description + "  " + verified.bundle.from.checksummed),
            ("Contract", "\(tx.to.checksummed) (Transfers, \(pin))"),
            ("Operator", "\(intent.operator.checksummed) (\(pin); its signature over the intent verifies)"),
            ("Recipient", "\(intent.recipient.checksummed) (\(recipientPin))"),
            ("Value", "\(tx.value.etherString) \(symbol) (maximum; the excess is refunded)"),
            (
                "Value bound",
                "worth at least $\(bound.worthAtFloorText) at your policy's floor $\(bound.floorText)/\(symbol); "
                    + "allowed up to $\(bound.limitText) (purchase + \(bound.marginPercent) %)"
            ),
            ("Network fee", "at most \(worstFee) (\(feeDetail))"),
            ("Pool fee tier", String(verified.poolFeesTier)),
            ("Nonce", String(tx.nonce)),
            ("Deadline", "\(ISO8601.format(unixSeconds: deadline)) (\(left) left)"),
            ("Policy", source.description),
            ("Fingerprint", verified.fingerprint.description),
        ]
        let quote = Self.usdValue(of: tx.value.amount, quote: verified.bundle.quote.amountIn, usdUnits: verified.usdUnits)
        unverifiedRows = [
            ("Charge", verified.bundle.charge.id),
            ("Online quote", quote.map { "value ≈ $\($0) at the online machine's quote (online data)" } ?? "none given"),
        ]
        var report = verified.report
        Self.addProvenanceWarnings(to: &report, rules: verified.rules, intent: intent, source: source)
        messages = report.messages
        fingerprint = verified.fingerprint
        fields = [
            "chargeId": .string(verified.bundle.charge.id), "usd": .string(usd), "chainId": JSONValue(tx.chainID.value),
            "from": .string(verified.bundle.from.checksummed), "contract": .string(tx.to.checksummed),
            "recipient": .string(intent.recipient.checksummed), "maxValue": .string(tx.value.etherString),
            "maxNetworkFee": .string(ladder.worstCaseFee?.etherString ?? "overflow"),
            "valueBound": [
                "worthAtFloorUSD": .string(bound.worthAtFloorText), "floorUSD": .string(bound.floorText),
                "limitUSD": .string(bound.limitText),
            ],
            "policy": source.fields, "feeLadderRungs": JSONValue(ladder.rungs.count),
            "nonce": JSONValue(tx.nonce), "deadline": JSONValue(deadline),
            "fingerprint": .string(verified.fingerprint.description), "signingHash": .string(verified.signingHash.hex),
            "warnings": .array(
                report.messages.map { ["severity": .string($0.severity.rawValue), "text": .string($0.text)] }),
        ]
    }

    /// The text shown on the terminal.
    public var text: String {
        let width = (rows + unverifiedRows).map(\.label.count).max() ?? 0
        func line(_ row: (label: String, value: String)) -> String {
            "  " + row.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.value
        }
        var lines = ["", "Review — decoded from the transaction that will be signed, checked against the policy", ""]
        lines += rows.map(line)
        lines += ["", "  Not covered by the signature (from the bundle and the online machine; for your records):"]
        lines += unverifiedRows.map(line)
        if !messages.isEmpty { lines.append("") }
        for message in messages { lines.append("  \(message.severity.rawValue.uppercased()): \(message.text)") }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// A policy file that pins another contract or operator than the built-in ones for a known chain is named
    /// plainly: such a file may have travelled with the bundle.
    static func addProvenanceWarnings(
        to report: inout ValidationReport, rules: Policy.ChainRules, intent: TransferIntent, source: PolicySource
    ) {
        guard case .file = source, let builtIn = Deployment.builtIn(for: rules.chainID) else { return }
        if rules.transfers != builtIn.transfers {
            report.add(
                .critical,
                "the policy file pins Transfers contract \(rules.transfers) for \(rules.chainID); the built-in one is \(builtIn.transfers)"
            )
        }
        if intent.operator != Deployment.coinbaseOperator {
            report.add(
                .critical,
                "the operator \(intent.operator) is accepted only by the policy file; Coinbase's operator is \(Deployment.coinbaseOperator)"
            )
        }
    }

    /// `value` in USD at the quote's price (`usdUnits` bought for `quote` wei), two decimals; nil without a quote.
    static func usdValue(of value: UInt256, quote: UInt256, usdUnits: UInt256) -> String? {
        guard !quote.isZero else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: usdUnits)
        guard !overflow else { return nil }
        let cents = product / quote / 10_000  // USDC units → cents, truncated
        return DecimalAmount.format(cents, decimals: 2, minimumFractionDigits: 2)
    }

    /// USDC units as dollars with at least two decimals: the review's figures and the verifier's messages.
    static func dollars(_ units: UInt256) -> String { DecimalAmount.format(units, decimals: 6, minimumFractionDigits: 2) }

    /// "2 h 5 min", "14 min", "40 s".
    public static func duration(_ seconds: UInt64) -> String {
        if seconds >= 3600 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        if seconds >= 60 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }
}
