public import Approvals
public import CommandLineSupport

// Approvals, named for ExitTable: a missing quorum is `quorumNotMet` (77, nothing signed).

extension ApprovalsError: ReportableError {}
