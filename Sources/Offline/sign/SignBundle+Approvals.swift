import Approvals
import AuditCommands
import AuditLog
import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import OfflineSigning

extension SignBundle {
    /// Reads `--approvals` and shows the quorum under the review; when the policy sets a threshold, refuses
    /// without a quorum (exit 77, naming who approved and who is missing).
    ///
    /// The signing session runs it after verification and before the typed confirmation, so nobody is asked to
    /// confirm a payment that cannot be signed. Returns nil when the policy needs no approvals and none were given.
    func checkApprovals(_ verified: VerifiedBundle, policy: Policy) throws -> QuorumReport? {
        let rule = policy.approvals
        guard verified.approvalsRequired || !approvals.isEmpty else { return nil }
        let report = try ApprovalQuorum.evaluate(try ApprovalQuorum.read(approvals), for: verified, rule: rule)
        guard verified.approvalsRequired else { return report }
        guard report.isMet else { throw ApprovalsError.quorumNotMet(report) }
        return report
    }

    /// What `approved` records for a met quorum; nil when the policy sets no threshold (nothing was required).
    static func approvedDetails(_ report: QuorumReport, verified: VerifiedBundle, rule: Policy.Approvals) -> [String: String]? {
        guard verified.approvalsRequired else { return nil }
        return [
            AuditDetail.signingHash: verified.signingHash.hex,
            AuditDetail.approvers: report.approved.map(\.checksummed).joined(separator: ","),
            "threshold": String(rule.threshold),
        ]
    }
}

/// The audit trail as the signing session's recorder.
///
/// It remembers which purchase the steps concern (for the record of a refusal) and the trail's head after `signed`
/// (for `--json`).
final class TrailRecorder: SigningRecorder {
    let trail: AuditTrail
    private(set) var subject: AuditSubject
    private(set) var head: AuditEntry?

    init(trail: AuditTrail, subject: AuditSubject) {
        self.trail = trail
        self.subject = subject
    }

    func record(_ step: SigningStep, of verified: VerifiedBundle, details: [String: String]) throws {
        subject = AuditSubject(verified)
        let kind: AuditEvent.Kind
        switch step {
        case .reviewed: kind = .reviewed
        case .approved: kind = .approved
        case .signed: kind = .signed
        }
        let entry = try trail.record(kind, subject, details: details)
        if step == .signed { head = entry }
    }
}
