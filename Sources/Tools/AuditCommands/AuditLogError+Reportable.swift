public import AuditLog
public import CommandLineSupport

// How audit-log errors map to exit codes (README table), on every tool.

extension AuditLogError: ReportableError {
    /// An unreadable log is missing input (66); one that cannot be written is 73; a log that does not verify, or a
    /// line that is not an entry, or a log over its size cap, is a data error (65); a log locked by another run is
    /// a temporary failure (75); a secret-looking detail or a malformed fingerprint is a
    /// bug in the tool that built the event (1).
    public var exitStatus: ExitStatus {
        switch self {
        case .cannotRead: return .noInput
        case .cannotWrite: return .cannotCreate
        case .logDoesNotVerify, .malformedEntry, .inputTooLarge: return .dataError
        case .locked: return .temporaryFailure
        case .secretLikeDetail, .invalidFingerprint: return .failure
        }
    }
}
