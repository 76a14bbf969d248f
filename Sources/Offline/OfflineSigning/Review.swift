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
        switch verified.purchase {
        case .intent(let purchase): self = Self.intent(verified, purchase, now: now, ladder: ladder, source: source)
        case .checkout(let purchase): self = Self.checkout(verified, purchase, now: now, ladder: ladder, source: source)
        }
    }

    init(
        rows: [(label: String, value: String)], unverifiedRows: [(label: String, value: String)],
        messages: [ValidationReport.Message], fingerprint: Fingerprint, fields: JSONValue
    ) {
        self.rows = rows
        self.unverifiedRows = unverifiedRows
        self.messages = messages
        self.fingerprint = fingerprint
        self.fields = fields
    }

    /// The network fee row and field, from the ladder's worst case.
    static func networkFee(_ tx: EIP1559Transaction, ladder: FeeLadder) -> (row: String, field: String) {
        let symbol = tx.chainID.nativeSymbol
        let worstFee = ladder.worstCaseFee.map { "\($0.etherString) \(symbol)" } ?? "overflow"
        let worst = ladder.worstCase
        let feeDetail =
            ladder.rungs.isEmpty
            ? "gas \(tx.gasLimit) × \(tx.maxFeePerGas.gweiString) gwei; tip \(tx.maxPriorityFeePerGas.gweiString) gwei"
            : "highest of \(ladder.rungs.count) fee-ladder replacement(s): gas \(worst.gasLimit) × "
                + "\(worst.maxFeePerGas.gweiString) gwei; tip \(worst.maxPriorityFeePerGas.gweiString) gwei"
        return ("at most \(worstFee) (\(feeDetail))", ladder.worstCaseFee?.etherString ?? "overflow")
    }

    /// The report's messages as `--json` warnings.
    static func warnings(_ report: ValidationReport) -> JSONValue {
        .array(report.messages.map { ["severity": .string($0.severity.rawValue), "text": .string($0.text)] })
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

    /// USDC units as dollars with at least two decimals: the review's figures and the verifier's messages.
    static func dollars(_ units: UInt256) -> String { DecimalAmount.format(units, decimals: 6, minimumFractionDigits: 2) }

    /// "2 h 5 min", "14 min", "40 s".
    public static func duration(_ seconds: UInt64) -> String {
        if seconds >= 3600 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        if seconds >= 60 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }
}
