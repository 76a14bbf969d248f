public import Foundation
public import HTTPTransport
import Synchronization

/// The OpenRouter credits API: create a Coinbase charge, read the credit balance.
///
/// Requests carry `Authorization: Bearer <key>`. Statuses map to ``PaymentAPIError`` cases; 429, 408, 5xx and
/// refused connections are retried under a ``RetryPolicy``, waiting through an injectable ``Sleeper``.
/// ``requestCount`` counts HTTP attempts, retries included.
public final class PaymentAPIClient: Sendable {
    /// `https://openrouter.ai/api/v1`.
    public static let defaultBaseURL: URL = {
        guard let url = URL(string: "https://openrouter.ai/api/v1") else { preconditionFailure("constant URL") }
        return url
    }()

    /// The API root the endpoint paths are appended to.
    public let baseURL: URL
    private let apiKey: APIKey
    private let transport: any HTTPTransport
    private let retryPolicy: RetryPolicy
    private let sleeper: any Sleeper
    private let timeout: Duration
    private let requests = Mutex(0)

    /// Creates a client.
    public init(
        apiKey: APIKey,
        baseURL: URL = PaymentAPIClient.defaultBaseURL,
        transport: any HTTPTransport,
        retryPolicy: RetryPolicy = RetryPolicy(),
        sleeper: any Sleeper = TaskSleeper(),
        timeout: Duration = HTTPRequest.defaultTimeout
    ) {
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.sleeper = sleeper
        self.timeout = timeout
    }

    /// HTTP requests sent so far, retries included.
    public var requestCount: Int { requests.withLock { $0 } }

    /// Sends one request to `endpoint`, retrying under the policy, and returns the 200 response.
    func perform(_ endpoint: PaymentAPIEndpoint, method: HTTPMethod, body: Data = Data()) async throws(PaymentAPIError)
        -> HTTPResponse
    {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(apiKey.secret)", "Accept": "application/json"]
        if !body.isEmpty { headers["Content-Type"] = "application/json" }
        let request = HTTPRequest(
            method: method, url: baseURL.appendingPathComponent(endpoint.path), headers: headers, body: body,
            timeout: timeout)
        var attempt = 0
        while true {
            attempt += 1
            let canRetry = attempt < retryPolicy.maximumAttempts
            requests.withLock { $0 += 1 }
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch {
                let failure =
                    error as? HTTPTransportError
                    ?? .failed(url: request.origin, reason: String(describing: error))
                guard canRetry, failure.requestNeverSent else {
                    throw .transport(endpoint, failure, attempts: attempt)
                }
                try await pause(retryPolicy.backoff(afterAttempt: attempt), endpoint)
                continue
            }
            if response.status == 200 { return response }
            let retryAfter = RetryPolicy.retryAfter(response.headers["Retry-After"])
            switch response.status {
            case 429:
                let delay = retryAfter ?? retryPolicy.backoff(afterAttempt: attempt)
                guard canRetry, delay <= retryPolicy.maximumRetryAfter else {
                    throw .rateLimited(
                        endpoint, retryAfter: retryAfter, attempts: attempt, APIErrorBody(response: response))
                }
                try await pause(delay, endpoint)
            case 408, 500...599:
                // The same rule as 429: a Retry-After above the cap is not shortened, it ends the retries.
                let delay = retryAfter ?? retryPolicy.backoff(afterAttempt: attempt)
                guard canRetry, delay <= retryPolicy.maximumRetryAfter else {
                    throw .serverError(
                        endpoint, status: response.status, attempts: attempt, APIErrorBody(response: response))
                }
                try await pause(delay, endpoint)
            default:
                throw Self.error(for: response, endpoint: endpoint)
            }
        }
    }

    private func pause(_ delay: Duration, _ endpoint: PaymentAPIEndpoint) async throws(PaymentAPIError) {
        do {
            try await sleeper.sleep(for: delay)
        } catch {
            throw .cancelled(endpoint)
        }
    }

    /// The error for a final, non-retryable status.
    private static func error(for response: HTTPResponse, endpoint: PaymentAPIEndpoint) -> PaymentAPIError {
        let body = APIErrorBody(response: response)
        switch response.status {
        case 400: return .badRequest(endpoint, body)
        case 401: return .unauthorized(endpoint, body)
        case 402: return .paymentRequired(endpoint, body)
        case 403: return .forbidden(endpoint, body)
        case 410: return .gone(endpoint, body)
        default: return .unexpectedStatus(endpoint, status: response.status, body)
        }
    }
}
