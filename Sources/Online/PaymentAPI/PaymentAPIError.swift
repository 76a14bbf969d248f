import TerminalText
public import HTTPTransport

/// Everything that can go wrong calling the OpenRouter payment API, by HTTP status where there is one.
///
/// Messages name the endpoint and say what to do; none contains the API key.
public enum PaymentAPIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The USD amount is not a positive decimal with at most two decimal places.
    case invalidAmount(found: String, reason: String)
    /// The API key cannot be sent.
    case invalidAPIKey(reason: String)
    /// HTTP 400: invalid or missing parameters (an amount outside the purchase limits…).
    case badRequest(PaymentAPIEndpoint, APIErrorBody)
    /// HTTP 401: the key is invalid, disabled or missing.
    case unauthorized(PaymentAPIEndpoint, APIErrorBody)
    /// HTTP 402: the account has too few credits.
    case paymentRequired(PaymentAPIEndpoint, APIErrorBody)
    /// HTTP 403: not allowed with this key; `GET /credits` needs a management key.
    case forbidden(PaymentAPIEndpoint, APIErrorBody)
    /// HTTP 410: the endpoint has been removed.
    case gone(PaymentAPIEndpoint, APIErrorBody)
    /// HTTP 429 on every attempt, or a `Retry-After` longer than the policy allows.
    case rateLimited(PaymentAPIEndpoint, retryAfter: Duration?, attempts: Int, APIErrorBody)
    /// HTTP 5xx or 408 on every attempt.
    case serverError(PaymentAPIEndpoint, status: Int, attempts: Int, APIErrorBody)
    /// Any other non-200 status.
    case unexpectedStatus(PaymentAPIEndpoint, status: Int, APIErrorBody)
    /// No response: timeout, refused or unreachable host (after the retries the policy allows).
    case transport(PaymentAPIEndpoint, HTTPTransportError, attempts: Int)
    /// A 200 whose body is not what the endpoint returns.
    case malformedResponse(PaymentAPIEndpoint, reason: String)
    /// The task was cancelled while waiting to retry.
    case cancelled(PaymentAPIEndpoint)

    /// The HTTP status behind the error, when there is one.
    public var status: Int? {
        switch self {
        case .badRequest: return 400
        case .unauthorized: return 401
        case .paymentRequired: return 402
        case .forbidden: return 403
        case .gone: return 410
        case .rateLimited: return 429
        case .serverError(_, let status, _, _), .unexpectedStatus(_, let status, _): return status
        default: return nil
        }
    }

    /// What happened and what to do, in one paragraph.
    public var description: String {
        switch self {
        case .invalidAmount(let found, let reason):
            return "amount '\(found.escapedForTerminal)' is not a valid USD amount: \(reason.escapedForTerminal)"
        case .invalidAPIKey(let reason):
            return "the OpenRouter API key cannot be used: \(reason.escapedForTerminal)"
        case .badRequest(let endpoint, let body):
            return "\(endpoint) rejected the request (HTTP 400): \(body.message.escapedForTerminal)"
        case .unauthorized(let endpoint, let body):
            return
                "\(endpoint): OpenRouter did not accept the API key (HTTP 401): \(body.message.escapedForTerminal). Check the key file."
        case .paymentRequired(let endpoint, let body):
            return "\(endpoint): the OpenRouter account has insufficient credits (HTTP 402): \(body.message.escapedForTerminal)"
        case .forbidden(.credits, let body):
            return "GET /api/v1/credits requires an OpenRouter management key, not an ordinary API key "
                + "(HTTP 403: \(body.message.escapedForTerminal)). Create a management key in the OpenRouter settings, or skip the balance check."
        case .forbidden(let endpoint, let body):
            return "\(endpoint) is forbidden for this key (HTTP 403): \(body.message.escapedForTerminal)"
        case .gone(let endpoint, let body):
            return "OpenRouter reports that \(endpoint) has been removed (HTTP 410 Gone): \(body.message.escapedForTerminal). "
                + "Crypto charges can no longer be created through this API. If you obtained a charge another way, "
                + "pass its JSON with --charge-file."
        case .rateLimited(let endpoint, let retryAfter, let attempts, let body):
            let wait = retryAfter.map { " OpenRouter asks to wait \($0.components.seconds) s before retrying." } ?? ""
            return
                "\(endpoint) is rate limited (HTTP 429) after \(attempts) attempt(s): \(body.message.escapedForTerminal).\(wait)"
        case .serverError(let endpoint, let status, let attempts, let body):
            return
                "\(endpoint) failed with HTTP \(status) after \(attempts) attempt(s): \(body.message.escapedForTerminal). Try again later."
        case .unexpectedStatus(let endpoint, let status, let body):
            return "\(endpoint) answered HTTP \(status): \(body.message.escapedForTerminal)"
        case .transport(let endpoint, let error, let attempts):
            return "\(endpoint): \(error) after \(attempts) attempt(s)"
        case .malformedResponse(let endpoint, let reason):
            return "\(endpoint) returned an unexpected body: \(reason.escapedForTerminal)"
        case .cancelled(let endpoint):
            return "\(endpoint): cancelled"
        }
    }
}
