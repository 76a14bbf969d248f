import Broadcasting
import BundleFormat
import CommandLineSupport
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import PaymentAPI

/// The final report: the transaction hash on stdout (or one JSON object), the details on stderr.
enum Report {
    static func render(_ outcome: Broadcaster.Outcome, file: SignedTransactionFile, json: Bool) {
        let receipt = outcome.receipt
        let symbol = file.transaction.transaction.chainID.nativeSymbol
        var lines = [
            "Paid: \(receipt.transactionHash) in block \(receipt.blockNumber)",
            "  gas used     \(receipt.gasUsed) × \(receipt.effectiveGasPrice.gweiString) gwei = \(receipt.fee.etherString) \(symbol)",
        ]
        if let event = outcome.transferred {
            lines.append("  swapped      \(Wei(event.spentAmount).etherString) \(symbol) for the intent \(Hex.encode(event.id))")
        } else {
            lines.append("  warning: no Transferred event for this intent in the receipt")
        }
        if let refunded = outcome.refunded { lines.append("  refunded     \(refunded.etherString) \(symbol)") }
        if let check = outcome.credits {
            let credits = check.credits
            lines.append(
                "  credits      total \(credits.totalCredits), used \(credits.totalUsage), remaining \(credits.remaining ?? "?")")
            if check.verdict == .credited, let rise = check.rise {
                lines.append("  credited     +\(rise) (expected \(check.expected), at least \(check.minimumRatio) of it)")
            } else {
                lines.append("  credited     cannot be confirmed (no balance recorded before the payment)")
            }
        }
        Console.info(lines.joined(separator: "\n"))
        guard json else {
            Console.writeArtifactLine(receipt.transactionHash.hex)
            return
        }
        var object: [String: Any] = [
            "transactionHash": receipt.transactionHash.hex, "blockNumber": receipt.blockNumber, "status": "paid",
            "gasUsed": receipt.gasUsed, "fee": receipt.fee.amount.quantity, "fingerprint": file.fingerprint.description,
            "spent": outcome.transferred.map { $0.spentAmount.quantity } ?? NSNull(),
            "refunded": outcome.refunded.map { $0.amount.quantity } ?? NSNull(),
        ]
        if let check = outcome.credits {
            let credits = check.credits
            object["credits"] =
                [
                    "totalCredits": credits.totalCredits, "totalUsage": credits.totalUsage,
                    "remaining": credits.remaining ?? NSNull(), "confirmed": check.verdict == .credited,
                    "before": check.before ?? NSNull(), "expected": check.expected, "rise": check.rise ?? NSNull(),
                    "impliedFee": check.impliedFee ?? NSNull(), "mixedIn": check.mixedIn,
                    "minimumRatio": check.minimumRatio,
                ] as [String: Any]
        }
        Console.writeArtifact(CanonicalResult.encode(object))
    }
}
