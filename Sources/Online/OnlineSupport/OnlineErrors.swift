public import CommandLineSupport
public import EthereumRPC
import HTTPTransport
public import PaymentAPI
import Preparation

// The online tools' errors, named for ExitTable (Sources/Tools/CommandLineSupport), which decides their exit status.

extension PaymentAPIError: ReportableError {
    /// A stable name.
    public var kind: String { PreparationError.apiKind(self) }

    /// Finer than `kind` where one kind exits differently: a refused key (64), a cancelled request (75).
    public var exitKind: String {
        switch self {
        case .invalidAPIKey: return "invalidAPIKey"
        case .cancelled: return "apiCancelled"
        default: return kind
        }
    }
}

extension RPCError: ReportableError {
    /// A stable name.
    public var kind: String {
        switch self {
        case .transport, .httpStatus: return "rpcUnreachable"
        case .node(let error): return "node." + error.kind.rawValue
        default: return "rpcMalformed"
        }
    }
}
