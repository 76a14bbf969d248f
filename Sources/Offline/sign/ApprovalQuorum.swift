import TerminalText
import Approvals
import BundleFormat
import EthereumTransactions
import CommandLineSupport
import Foundation
import OfflineSigning

/// What `sign` and `sign approve` share about approvals: the one text approvers sign, and reading approvals files.
enum ApprovalQuorum {
    /// The approval text of a verified bundle: its signing hash (recomputed), chain, USD amount (decoded from the
    /// calldata) and charge id — never figures the online machine summarised.
    static func text(for verified: VerifiedBundle) throws(ApprovalsError) -> ApprovalText {
        let hash = verified.signingHash.hash
        let chain = verified.transaction.chainID
        switch verified.purchase {
        case .checkout(let purchase) where verified.usdUnits == nil:
            // Not in USDC: the amount in the request's unit (the verifier checked the request equals the bytes).
            return try ApprovalText(
                signingHash: hash, chainID: chain, amount: purchase.bundle.request.amountText, chargeID: verified.paymentID)
        default:
            return try ApprovalText(
                signingHash: hash, chainID: chain, usdUnits: verified.ledgerEntry.usdUnits, chargeID: verified.paymentID)
        }
    }

    /// The approvals of every file, in order; a file that does not parse is refused with its path (exit 65).
    static func read(_ paths: [String]) throws -> [Approval] {
        var approvals: [Approval] = []
        for path in paths {
            let data = try InputFile.read(path, what: .approvals)
            do { approvals += try ApprovalsFile.parse(data) } catch {
                throw CommandError(kind: error.kind, message: "\(path.escapedForTerminal): \(error)", exitStatus: .dataError)
            }
        }
        return approvals
    }

    /// Evaluates `approvals` for `verified` under `rule`, printing the quorum lines under the review.
    static func evaluate(
        _ approvals: [Approval], for verified: VerifiedBundle, rule: Policy.Approvals
    ) throws(ApprovalsError) -> QuorumReport {
        let report = ApprovalVerifier.evaluate(
            approvals, text: try text(for: verified), threshold: rule.threshold, approvers: rule.approvers)
        Console.info(report.lines.joined(separator: "\n"))
        if !verified.approvalsRequired {
            Console.info("  (the policy requires no approvals for this payment: those given are shown, not required)")
        }
        Console.info("")
        return report
    }
}
