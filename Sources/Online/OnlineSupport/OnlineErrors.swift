public import CommandLineSupport
public import EthereumRPC
import HTTPTransport
public import PaymentAPI
import Preparation

// How the online tools' errors map to exit codes (README table).

extension PaymentAPIError: ReportableError {
    /// A stable name.
    public var kind: String { PreparationError.apiKind(self) }

    /// 410/5xx/unreachable → 69; 429 after retries → 75; 401/403 → 77; bad input → 65.
    public var exitStatus: ExitStatus {
        switch self {
        case .gone, .serverError, .transport, .unexpectedStatus, .malformedResponse, .paymentRequired: return .unavailable
        case .rateLimited, .cancelled: return .temporaryFailure
        case .unauthorized, .forbidden: return .noPermission
        case .badRequest, .invalidAmount: return .dataError
        case .invalidAPIKey: return .usage
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

    /// Unreachable → 69; the node's refusal or a malformed answer → 65.
    public var exitStatus: ExitStatus {
        switch self {
        case .transport, .httpStatus: return .unavailable
        default: return .dataError
        }
    }
}
