public import Approvals
public import CommandLineSupport

// Approvals: a missing quorum is "no permission" (77, nothing signed); an unreadable approvals file or a charge id
// that cannot be put into the approval text is a data error (65).

extension ApprovalsError: ReportableError {
    /// 77 without a quorum, 65 otherwise.
    public var exitStatus: ExitStatus {
        if case .quorumNotMet = self { return .noPermission }
        return .dataError
    }
}
