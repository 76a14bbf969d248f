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
    /// `SignedInput.fromRaw` writes (`intent-…`, `unknown`) are not recorded, so they never contradict the charge id
    /// `prepare` and `sign` logged.
    static func auditSubject(_ file: SignedTransactionFile) -> AuditSubject {
        let placeholder = file.chargeID == "unknown" || (file.signedAt == 0 && file.chargeID.hasPrefix("intent-"))
        return AuditSubject(file, chargeID: placeholder ? nil : file.chargeID)
    }

    /// How many submissions the state file held before this run (0 without one), so a re-run logs only its own.
    static func submissionsBefore(statePath: String) -> Int {
        guard let data = FileManager.default.contents(atPath: statePath) else { return 0 }
        // An unreadable state file is the broadcaster's to report (it refuses to run); nothing was sent before.
        do { return try BroadcastState(json: data).submissions.count } catch { return 0 }
    }

    /// One `sent` per transaction this run submitted to at least one node that accepted it (or already had it),
    /// dated when it was first sent, naming the nodes (origins only, never a path that may hold a key).
    static func noteSends(statePath: String, after skipped: Int, trail: AuditTrail, subject: AuditSubject) {
        guard trail.isEnabled, let data = FileManager.default.contents(atPath: statePath) else { return }
        let state: BroadcastState
        do { state = try BroadcastState(json: data) } catch {
            return trail.note(.refused, subject, details: [AuditDetail.reason: "state file unreadable: \(error)"])
        }
        let accepted = state.submissions.dropFirst(skipped).filter { ["accepted", "already known"].contains($0.outcome) }
        var order: [Hash32] = []
        for submission in accepted where !order.contains(submission.hash) { order.append(submission.hash) }
        for hash in order {
            let sends = accepted.filter { $0.hash == hash }
            trail.note(
                AuditEvent(
                    time: sends.map(\.at).min() ?? AuditEvent.currentTime(), tool: .broadcast, kind: .sent,
                    fingerprint: subject.fingerprint, chargeID: subject.chargeID,
                    details: [
                        AuditDetail.transactionHash: hash.hex,
                        "nodes": sends.map(\.rpc).joined(separator: ","),
                    ]))
        }
    }

    /// `mined` with the receipt's block, then `credited` when the credits were waited for.
    static func noteOutcome(_ outcome: Broadcaster.Outcome, trail: AuditTrail, subject: AuditSubject) {
        let receipt = outcome.receipt
        trail.note(
            .mined, subject,
            details: [
                AuditDetail.transactionHash: receipt.transactionHash.hex,
                AuditDetail.blockNumber: String(receipt.blockNumber), "gasUsed": String(receipt.gasUsed),
            ])
        if let credits = outcome.credits {
            trail.note(
                .credited, subject,
                details: [
                    AuditDetail.transactionHash: receipt.transactionHash.hex, "totalCredits": credits.totalCredits,
                    "totalUsage": credits.totalUsage,
                ])
        }
    }

    /// Reports a failure (the `Error:` line first), then notes what this run sent and how it ended.
    ///
    /// The end is `reverted` (with its block) for a payment mined with status 0, `refused` with the error's kind and
    /// message for any other failure. Returns what to throw.
    static func report(
        _ error: any Error, sends: (statePath: String, before: Int)?, json: Bool, trail: AuditTrail,
        subject: AuditSubject
    ) -> any Error {
        if error is ExitCode { return error }
        let exit = CommandRunner.report(error, json: json)
        if let sends { noteSends(statePath: sends.statePath, after: sends.before, trail: trail, subject: subject) }
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
