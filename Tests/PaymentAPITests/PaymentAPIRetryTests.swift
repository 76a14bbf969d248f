import EthereumPrimitives
import Foundation
import HTTPTransport
import PaymentAPI
import Testing

@Suite("PaymentAPIClient retries and backoff")
struct PaymentAPIRetryTests {
    private let creditsBody = HTTPResponse(status: 200, text: #"{"data":{"total_credits":50.0,"total_usage":42.0}}"#)

    @Test("honours Retry-After seconds on 429, then succeeds")
    func honoursRetryAfter() async throws {
        let sleeper = RecordingSleeper()
        let api = ScriptedAPI(
            envelope(429, "Rate limit exceeded", headers: ["Retry-After": "7"]),
            envelope(429, "Rate limit exceeded", headers: ["retry-after": " 3 "]), creditsBody)
        let client = scriptedClient(api, sleeper: sleeper)
        #expect(try await client.credits().totalCredits == "50.0")
        #expect(sleeper.recorded == [.seconds(7), .seconds(3)])
        #expect(client.requestCount == 3)
    }

    @Test("gives up at once when Retry-After exceeds the policy's limit")
    func refusesLongRetryAfter() async {
        let sleeper = RecordingSleeper()
        let client = scriptedClient(
            ScriptedAPI(envelope(429, "slow down", headers: ["Retry-After": "3600"])), sleeper: sleeper)
        await #expect(
            throws: PaymentAPIError.rateLimited(
                .credits, retryAfter: .seconds(3600), attempts: 1, APIErrorBody(code: 429, message: "slow down"))
        ) { try await client.credits() }
        #expect(sleeper.recorded.isEmpty)
    }

    @Test("backs off exponentially on 429 without Retry-After and stops after the last attempt")
    func boundsRateLimitRetries() async {
        let sleeper = RecordingSleeper()
        let client = scriptedClient(ScriptedAPI(envelope(429, "busy")), sleeper: sleeper)
        await #expect(
            throws: PaymentAPIError.rateLimited(
                .credits, retryAfter: nil, attempts: 4, APIErrorBody(code: 429, message: "busy"))
        ) { try await client.credits() }
        #expect(sleeper.recorded == [.seconds(1), .seconds(2), .seconds(4)])
        #expect(client.requestCount == 4)
    }

    @Test("retries 5xx with exponential backoff, then succeeds")
    func retriesServerErrors() async throws {
        let sleeper = RecordingSleeper()
        let api = ScriptedAPI(envelope(500, "Internal"), envelope(502, "Bad gateway"), creditsBody)
        let client = scriptedClient(api, sleeper: sleeper)
        #expect(try await client.credits() == Credits(totalCredits: "50.0", totalUsage: "42.0"))
        #expect(sleeper.recorded == [.seconds(1), .seconds(2)])
        #expect(api.requests.count == 3)
    }

    @Test("gives up on persistent 5xx after the bounded number of attempts")
    func boundsServerErrorRetries() async {
        let sleeper = RecordingSleeper()
        let retry = RetryPolicy(maximumAttempts: 6, initialBackoff: .seconds(1), maximumBackoff: .seconds(8))
        let client = scriptedClient(ScriptedAPI(envelope(503, "No available provider")), sleeper: sleeper, retry: retry)
        await #expect(
            throws: PaymentAPIError.serverError(
                .credits, status: 503, attempts: 6, APIErrorBody(code: 503, message: "No available provider"))
        ) { try await client.credits() }
        #expect(sleeper.recorded == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        #expect(client.requestCount == 6)
    }

    @Test("one rule for 429 and 5xx: a 503 asking for 120 s (above the 60 s cap) is not retried, not retried early")
    func refusesLongRetryAfterOn5xx() async {
        let sleeper = RecordingSleeper()
        let api = ScriptedAPI(envelope(503, "later", headers: ["Retry-After": "120"]), creditsBody)
        let client = scriptedClient(api, sleeper: sleeper)
        await #expect(
            throws: PaymentAPIError.serverError(
                .credits, status: 503, attempts: 1, APIErrorBody(code: 503, message: "later"))
        ) { try await client.credits() }
        #expect(sleeper.recorded.isEmpty, "no retry after 60 s when the server asked for 120 s")
        #expect(api.requests.count == 1)
    }

    @Test("uses Retry-After on 503 too")
    func usesRetryAfterOn503() async throws {
        let sleeper = RecordingSleeper()
        let api = ScriptedAPI(envelope(503, "later", headers: ["Retry-After": "5"]), creditsBody)
        _ = try await scriptedClient(api, sleeper: sleeper).credits()
        #expect(sleeper.recorded == [.seconds(5)])
    }

    @Test("retries refused connections but not timeouts")
    func retriesRefusedNotTimeouts() async throws {
        let sleeper = RecordingSleeper()
        let refused = HTTPTransportError.cannotConnect(url: "https://openrouter.ai", reason: "refused")
        let api = ScriptedAPI([.fail(refused), .fail(refused), .respond(creditsBody)])
        #expect(try await scriptedClient(api, sleeper: sleeper).credits().totalUsage == "42.0")
        #expect(sleeper.recorded == [.seconds(1), .seconds(2)])

        let timeoutSleeper = RecordingSleeper()
        let timedOut = HTTPTransportError.timedOut(url: "https://openrouter.ai")
        let slow = scriptedClient(ScriptedAPI([.fail(timedOut)]), sleeper: timeoutSleeper)
        await #expect(throws: PaymentAPIError.transport(.credits, timedOut, attempts: 1)) { try await slow.credits() }
        #expect(timeoutSleeper.recorded.isEmpty)
    }

    @Test("does not retry final 4xx statuses")
    func doesNotRetry4xx() async {
        let api = ScriptedAPI(envelope(400, "Invalid credit amount"))
        let client = scriptedClient(api)
        await #expect(throws: PaymentAPIError.self) {
            try await client.createCoinbaseCharge(
                amountUSD: "5000", sender: try Address(hex: "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"),
                chainID: .base)
        }
        #expect(client.requestCount == 1)
    }

    @Test("reports cancellation while waiting to retry")
    func reportsCancellation() async {
        let client = scriptedClient(ScriptedAPI(envelope(500, "x")), sleeper: RecordingSleeper(failing: true))
        await #expect(throws: PaymentAPIError.cancelled(.credits)) { try await client.credits() }
    }

    @Test("computes capped doubling backoff", arguments: [(1, 1), (2, 2), (3, 4), (4, 8), (5, 16), (6, 16), (30, 16)])
    func computesBackoff(attempt: Int, seconds: Int64) {
        #expect(RetryPolicy().backoff(afterAttempt: attempt) == .seconds(seconds))
    }

    @Test("reads only the delta-seconds form of Retry-After")
    func parsesRetryAfter() {
        #expect(RetryPolicy.retryAfter("120") == .seconds(120))
        #expect(RetryPolicy.retryAfter("\t5 ") == .seconds(5))
        #expect(RetryPolicy.retryAfter("0") == .zero)
        for text in ["Wed, 21 Oct 2015 07:28:00 GMT", "-1", "", "1.5", "99999999999999999999"] {
            #expect(RetryPolicy.retryAfter(text) == nil, "\(text)")
        }
        #expect(RetryPolicy.retryAfter(nil) == nil)
    }
}
