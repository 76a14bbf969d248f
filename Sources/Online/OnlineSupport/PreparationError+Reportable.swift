public import CommandLineSupport
public import Preparation

extension PreparationError: ReportableError {
    /// API and node failures keep their own codes; everything about the charge or the chain is a data error.
    public var exitStatus: ExitStatus {
        switch self {
        case .api(let error): return error.exitStatus
        case .rpc(let error): return error.exitStatus
        case .unknownChain: return .usage
        default: return .dataError
        }
    }
}
