import StrictJSON
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
        if let transfer = outcome.transfer {
            lines.append("  transfer     \(transfer.line), confirmed by the receipt")
        } else if let event = outcome.transferred {
            lines.append("  swapped      \(Wei(event.spentAmount).etherString) \(symbol) for the intent \(Hex.encode(event.id))")
        } else {
            lines.append("  warning: no Transferred event for this intent in the receipt")
        }
        if let refunded = outcome.refunded { lines.append("  refunded     \(refunded.etherString) \(symbol)") }
        if let check = outcome.credits {
            let credits = check.credits
            lines.append(
                "  credits      total \(credits.totalCredits), used \(credits.totalUsage), remaining \(credits.remaining ?? "?")")
            if check.verdict == .credited, let rise = check.rise, let expected = check.expected {
                lines.append("  credited     +\(rise) (expected \(expected), at least \(check.minimumRatio) of it)")
            } else if check.verdict == .unmatched, let rise = check.rise {
                lines.append("  credits rose +\(rise); not matched: this payment has no USD amount")
            } else {
                lines.append("  credited     cannot be confirmed (no balance recorded before the payment)")
            }
        }
        Console.info(lines.joined(separator: "\n"))
        guard json else {
            Console.writeArtifactLine(receipt.transactionHash.hex)
            return
        }
        var object: JSONValue = [
            "transactionHash": .string(receipt.transactionHash.hex), "blockNumber": JSONValue(receipt.blockNumber),
            "status": "paid", "gasUsed": JSONValue(receipt.gasUsed), "fee": .string(receipt.fee.amount.quantity),
            "fingerprint": .string(file.fingerprint.description),
            "spent": JSONValue(outcome.transferred.map { $0.spentAmount.quantity }),
            "refunded": JSONValue(outcome.refunded.map { $0.amount.quantity }),
        ]
        if let transfer = outcome.transfer {
            object["transfer"] = [
                "token": JSONValue(transfer.token?.description), "from": .string(transfer.from.description),
                "to": .string(transfer.to.description), "amount": .string(transfer.amount.decimalString),
                "amountText": .string(transfer.amountText),
            ]
        }
        if let check = outcome.credits {
            let credits = check.credits
            object["credits"] =
                [
                    "totalCredits": .string(credits.totalCredits), "totalUsage": .string(credits.totalUsage),
                    "remaining": JSONValue(credits.remaining), "confirmed": .bool(check.verdict == .credited),
                    "before": JSONValue(check.before), "expected": JSONValue(check.expected), "rise": JSONValue(check.rise),
                    "impliedFee": JSONValue(check.impliedFee), "mixedIn": .bool(check.mixedIn),
                    "minimumRatio": .string(check.minimumRatio),
                ]
        }
        Console.writeArtifact(CanonicalResult.encode(object))
    }
}
