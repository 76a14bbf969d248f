public import Broadcasting
public import CommandLineSupport

extension BroadcastError: ReportableError {
    /// 3 reverted, 75 timed out or another run holds the state (safe to re-run), 69 unreachable, 73 state not
    /// writable, 65 refused or inconsistent (bundle or state mismatch, wrong chain, nonce used elsewhere, expired).
    public var exitStatus: ExitStatus {
        switch self {
        case .reverted: return .reverted
        case .timedOut, .busy: return .temporaryFailure
        case .unreachable: return .unavailable
        case .credits(let error): return error.exitStatus
        case .cannotWriteState: return .cannotCreate
        default: return .dataError
        }
    }
}
