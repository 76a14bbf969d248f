import HTTPTransport

extension PaymentAPIClient {
    /// Reads the account's credit totals.
    ///
    /// - Throws: ``PaymentAPIError/forbidden(_:_:)`` with a "management key required" message when the key is an
    ///   ordinary API key (OpenRouter now requires a management key here), and the other ``PaymentAPIError`` cases.
    public func credits() async throws(PaymentAPIError) -> Credits {
        let response = try await perform(.credits, method: .get)
        return try Credits(body: Array(response.body))
    }
}
