import ArgumentParser
import AuditCommands
import AuditLog
import Broadcasting
import EthereumRPC
import PaymentAPI
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import EthereumTransactions
import Foundation

extension Send {
    /// The purchase a signed input pays.
    ///
    /// A bare raw transaction carries no charge id: the placeholders
    /// `BroadcastInput.fromRaw` derives (`intent-…`, `transfer-…`, `unknown`) are not recorded, so they never contradict
    /// the charge id `prepare` and `sign` logged.
    static func auditSubject(_ file: SignedTransactionFile) -> AuditSubject {
        let derived = file.chargeID.hasPrefix("intent-") || file.chargeID.hasPrefix("transfer-")
        let placeholder = file.chargeID == "unknown" || (file.signedAt == 0 && derived)
        return AuditSubject(file, chargeID: placeholder ? nil : file.chargeID)
    }

    /// Records one `sent` per transaction hash.
    ///
    /// Appended the moment a transaction was accepted — or may have been, when a node's answer was lost
    /// (`certainty: maybe`) — after the state file recorded it, naming the nodes by origin only (never a path that
    /// may hold a provider key).
    /// A re-run (or a run after a crash) that finds it sent or mined adds no second one.
    static func noteSent(_ notice: Broadcaster.SentNotice, trail: AuditTrail, subject: AuditSubject) {
        trail.noteOnce(
            .sent, subject,
            details: [
                AuditDetail.transactionHash: notice.hash.hex, "nodes": notice.nodes.joined(separator: ","),
                "certainty": notice.certain ? "accepted" : "maybe",
            ], key: AuditDetail.transactionHash)
    }

    /// `mined` with the receipt's block, once per transaction (``Broadcaster/onConfirmed`` fires on the first
    /// confirmation a state file records; a re-run, or one after a crash, finds it in the log and adds nothing).
    ///
    /// Mined means sent, perhaps by a run that crashed before it could record it: a `sent` is added first, only if
    /// the log lacks one for this hash.
    static func noteMined(_ receipt: TransactionReceipt, trail: AuditTrail, subject: AuditSubject) {
        trail.noteOnce(
            .sent, subject,
            details: [AuditDetail.transactionHash: receipt.transactionHash.hex, "nodes": "", "certainty": "mined"],
            key: AuditDetail.transactionHash)
        trail.noteOnce(
            .mined, subject,
            details: [
                AuditDetail.transactionHash: receipt.transactionHash.hex,
                AuditDetail.blockNumber: String(receipt.blockNumber), "gasUsed": String(receipt.gasUsed),
            ], key: AuditDetail.transactionHash)
    }

    /// `mined` (if no run recorded it yet), then `credited` when the credits were waited for and rose; each once
    /// per transaction.
    static func noteOutcome(_ outcome: Broadcaster.Outcome, trail: AuditTrail, subject: AuditSubject) {
        let receipt = outcome.receipt
        noteMined(receipt, trail: trail, subject: subject)
        if let check = outcome.credits, check.verdict == .credited {
            trail.noteOnce(
                .credited, subject,
                details: [
                    AuditDetail.transactionHash: receipt.transactionHash.hex, "totalCredits": check.credits.totalCredits,
                    "totalUsage": check.credits.totalUsage, "rise": check.rise ?? "", "expected": check.expected ?? "",
                ], key: AuditDetail.transactionHash)
        }
    }

    /// Reports a failure (the `Error:` line first), then notes how the run ended (sends were noted as they happened).
    ///
    /// The end is `reverted` (with its block) for a payment mined with status 0, `refused` with the error's kind and
    /// message for any other failure. Returns what to throw.
    static func report(
        _ error: any Error, json: Bool, trail: AuditTrail,
        subject: AuditSubject
    ) -> any Error {
        if error is ExitCode { return error }
        let exit = CommandRunner.report(error, json: json)
        if case .reverted(let hash, let block, let revert) = error as? BroadcastError {
            trail.note(
                .reverted, subject,
                details: [
                    AuditDetail.transactionHash: hash.hex, AuditDetail.blockNumber: String(block),
                    AuditDetail.reason: "reverted: \(revert)",
                ])
        } else {
            trail.noteFailure(error, subject)
        }
        return exit
    }
}
