public import Broadcasting
public import CommandLineSupport
import PaymentAPI

extension BroadcastError: ReportableError {
    /// A failed credit check exits as the API error inside it (ExitTable decides).
    public var exitKind: String {
        if case .credits(let error) = self { return error.exitKind }
        return kind
    }
}
