public import EthereumPrimitives

/// Checks M-of-N approvals of one payment: recovers each signer from the ``ApprovalText``'s `personal_sign`
/// digest, drops repeats, and counts the distinct signers the policy lists.
///
/// Signers are identified only by recovery — never by the address an approval claims. An approval whose
/// recovered address differs from its claim does not count (it was made over another text: another bundle,
/// chain, amount or charge), even if the recovered address happens to be an approver.
public enum ApprovalVerifier {
    /// Evaluates `approvals` for `text` against the policy's `threshold` and `approvers`, never throwing.
    public static func evaluate(
        _ approvals: [Approval], text: ApprovalText, threshold: Int,
        approvers: [Address]
    ) -> QuorumReport {
        var members: [Address] = []
        for approver in approvers where !members.contains(approver) { members.append(approver) }
        var approved: Set<Address> = []
        var nonMembers: [Address] = []
        var seen: Set<Address> = []
        var duplicates: [Address] = []
        var invalid: [QuorumReport.Invalid] = []

        for (index, approval) in approvals.enumerated() {
            let signer: Address
            do { signer = try approval.recoverApprover(of: text) } catch {
                invalid.append(
                    .init(
                        index: index, claimedApprover: approval.claimedApprover,
                        reason: "\(Self.who(approval))signature unusable: \(error)"))
                continue
            }
            if let claimed = approval.claimedApprover, claimed != signer {
                invalid.append(
                    .init(
                        index: index, claimedApprover: claimed,
                        reason: "claims \(claimed.checksummed) but recovers \(signer.checksummed) — "
                            + "signed over a different text (another bundle, chain, amount or charge?)"))
                continue
            }
            guard seen.insert(signer).inserted else {
                if !duplicates.contains(signer) { duplicates.append(signer) }
                continue
            }
            if members.contains(signer) { approved.insert(signer) } else { nonMembers.append(signer) }
        }
        return QuorumReport(
            threshold: max(0, threshold), approved: members.filter(approved.contains),
            missing: members.filter { !approved.contains($0) }, nonMembers: nonMembers,
            duplicates: duplicates, invalid: invalid)
    }

    /// Evaluates, and throws unless at least `threshold` distinct approvers signed.
    ///
    /// The error, ``ApprovalsError/quorumNotMet(_:)``, carries the report that names who approved and who is
    /// missing. Threshold 0 needs no approvals.
    @discardableResult
    public static func verify(
        _ approvals: [Approval], text: ApprovalText, threshold: Int,
        approvers: [Address]
    ) throws(ApprovalsError) -> QuorumReport {
        let report = evaluate(approvals, text: text, threshold: threshold, approvers: approvers)
        guard report.isMet else { throw .quorumNotMet(report) }
        return report
    }

    static func who(_ approval: Approval) -> String {
        approval.claimedApprover.map { "\($0.checksummed): " } ?? ""
    }
}
