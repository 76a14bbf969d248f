/// The OpenRouter endpoints this package calls.
public enum PaymentAPIEndpoint: String, Hashable, Sendable, CustomStringConvertible {
    /// `POST /credits/coinbase`: create a Coinbase Commerce charge (reported removed: HTTP 410).
    case coinbaseCharge
    /// `GET /credits`: total credits bought and used (management keys only).
    case credits

    /// The path below the base URL.
    public var path: String {
        switch self {
        case .coinbaseCharge: return "credits/coinbase"
        case .credits: return "credits"
        }
    }

    /// `"POST /api/v1/credits/coinbase"`, `"GET /api/v1/credits"`.
    public var description: String {
        switch self {
        case .coinbaseCharge: return "POST /api/v1/credits/coinbase"
        case .credits: return "GET /api/v1/credits"
        }
    }
}
