import Approvals
import AuditCommands
import AuditLog
import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import OfflineSigning

extension SignBundle {
    /// Reads `--approvals` and shows the quorum under the review; when the policy sets a threshold, refuses
    /// without a quorum (exit 77, naming who approved and who is missing) and records `approved` with one.
    ///
    /// Runs after verification and before the typed confirmation, so nobody is asked to confirm a payment that
    /// cannot be signed. Returns nil when the policy needs no approvals and none were given.
    func checkApprovals(_ verified: VerifiedBundle, policy: Policy, trail: AuditTrail) throws -> QuorumReport? {
        let rule = policy.approvals
        guard rule.threshold > 0 || !approvals.isEmpty else { return nil }
        let report = try ApprovalQuorum.evaluate(try ApprovalQuorum.read(approvals), for: verified, rule: rule)
        guard rule.threshold > 0 else { return report }
        guard report.isMet else { throw ApprovalsError.quorumNotMet(report) }
        try trail.record(
            .approved, AuditSubject(verified),
            details: [
                AuditDetail.signingHash: verified.signingHash.hex,
                AuditDetail.approvers: report.approved.map(\.checksummed).joined(separator: ","),
                "threshold": String(rule.threshold),
            ])
        return report
    }

    /// Records `signed` with the signing hash and every transaction hash (primary and fee ladder) before the
    /// signed transaction leaves the program, so the trail never misses a signature that was released.
    func recordSigned(_ signed: SignedTransactionFile, verified: VerifiedBundle, trail: AuditTrail) throws -> AuditEntry? {
        var details = [
            AuditDetail.signingHash: signed.transaction.signingHash.hex,
            AuditDetail.transactionHash: signed.transaction.transactionHash.hex,
        ]
        if !signed.feeLadder.isEmpty {
            details[AuditDetail.ladderTransactionHashes] = signed.feeLadder.map(\.transactionHash.hex).joined(
                separator: " ")
        }
        return try trail.record(.signed, AuditSubject(verified), details: details)
    }
}
