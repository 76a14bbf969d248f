public import CommandLineSupport
public import Preparation
import EthereumRPC
import PaymentAPI

extension PreparationError: ReportableError {
    /// API and node failures exit as the error inside them (ExitTable decides).
    public var exitKind: String {
        switch self {
        case .api(let error): return error.exitKind
        case .rpc(let error): return error.exitKind
        default: return kind
        }
    }
}
