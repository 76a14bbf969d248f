public import Broadcasting
public import CommandLineSupport

extension BroadcastError: ReportableError {
    /// 3 reverted, 75 timed out or unreachable mid-way (safe to re-run), 69 unreachable, 65 refused or inconsistent.
    public var exitStatus: ExitStatus {
        switch self {
        case .reverted: return .reverted
        case .timedOut: return .temporaryFailure
        case .unreachable: return .unavailable
        case .credits(let error): return error.exitStatus
        case .cannotWriteState: return .cannotCreate
        default: return .dataError
        }
    }
}
