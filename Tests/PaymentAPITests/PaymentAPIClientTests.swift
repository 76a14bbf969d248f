import EthereumPrimitives
import Foundation
import HTTPTransport
import LoopbackHTTP
import PaymentAPI
import StrictJSON
import Testing

@Suite("PaymentAPIClient requests over real sockets and in process")
struct PaymentAPIClientTests {
    private static let sender: Address = {
        do {
            return try Address(hex: "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
        } catch {
            preconditionFailure("bad test address: \(error)")
        }
    }()

    /// Runs `body` with a client whose base URL is a loopback server at `/api/v1`.
    private func withLoopback<T>(
        _ api: ScriptedAPI, retry: RetryPolicy = .never, timeout: Duration = .seconds(10),
        _ body: (PaymentAPIClient) async throws -> T
    ) async throws -> T {
        let server = LoopbackHTTPServer(handler: api.serve)
        let port = try server.start()
        let base = try #require(URL(string: "http://127.0.0.1:\(port)/api/v1"))
        let client = PaymentAPIClient(
            apiKey: testKey, baseURL: base, transport: URLSessionTransport(), retryPolicy: retry,
            sleeper: RecordingSleeper(), timeout: timeout)
        do {
            let result = try await body(client)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test("posts the charge request with bearer auth and returns the 200 body byte for byte")
    func postsCharge() async throws {
        let chargeBody = #"{"data":{"id":"abc","web3_data":{"transfer_intent":{"metadata":{"chain_id":8453}}}}}"#
        let api = ScriptedAPI(HTTPResponse(status: 200, text: chargeBody))
        let data = try await withLoopback(api) {
            try await $0.createCoinbaseCharge(amountUSD: "010.50", sender: Self.sender, chainID: .base)
        }
        #expect(data == Data(chargeBody.utf8))
        let request = try #require(api.requests.first)
        #expect(request.method == .post)
        #expect(request.target == "/api/v1/credits/coinbase")
        #expect(request.headers["Authorization"] == "Bearer sk-or-v1-test-0123456789")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(
            String(decoding: request.body, as: UTF8.self)
                == #"{"amount":10.5,"chain_id":8453,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"}"#)
    }

    @Test("reads credits as exact decimal text over a real socket")
    func readsCredits() async throws {
        let api = ScriptedAPI(
            HTTPResponse(status: 200, text: #"{"data":{"total_credits":123456789.123456789012,"total_usage":0.1}}"#))
        let credits = try await withLoopback(api) { try await $0.credits() }
        #expect(credits.totalCredits == "123456789.123456789012")
        #expect(credits.remaining == "123456789.023456789012")
        #expect(api.requests.first?.method == .get)
        #expect(api.requests.first?.target == "/api/v1/credits")
        #expect(api.requests.first?.body.isEmpty == true)
    }

    @Test("maps a 410 over a real socket")
    func mapsGoneOverSocket() async throws {
        let api = ScriptedAPI(envelope(410, "removed"))
        let outcome = try await withLoopback(api) { client -> PaymentAPIError? in
            do throws(PaymentAPIError) {
                _ = try await client.createCoinbaseCharge(amountUSD: "10", sender: Self.sender, chainID: .ethereum)
                return nil
            } catch {
                return error
            }
        }
        #expect(outcome == .gone(.coinbaseCharge, APIErrorBody(code: 410, message: "removed")))
    }

    @Test("reports a real timeout without retrying it")
    func reportsRealTimeout() async throws {
        let server = LoopbackHTTPServer { _ in
            try? await Task.sleep(for: .seconds(20))
            return HTTPResponse(status: 200)
        }
        let port = try server.start()
        let base = try #require(URL(string: "http://127.0.0.1:\(port)/api/v1"))
        let sleeper = RecordingSleeper()
        let client = PaymentAPIClient(
            apiKey: testKey, baseURL: base, transport: URLSessionTransport(), sleeper: sleeper,
            timeout: .milliseconds(300))
        await #expect(
            throws: PaymentAPIError.transport(.credits, .timedOut(url: "http://127.0.0.1:\(port)"), attempts: 1)
        ) {
            try await client.credits()
        }
        await server.stop()
        #expect(sleeper.recorded.isEmpty)
    }

    @Test("retries a refused connection, then reports it with the attempt count")
    func reportsRefusedAfterRetries() async throws {
        let server = LoopbackHTTPServer { _ in HTTPResponse(status: 200) }
        let port = try server.start()
        await server.stop()
        let base = try #require(URL(string: "http://127.0.0.1:\(port)/api/v1"))
        let sleeper = RecordingSleeper()
        let client = PaymentAPIClient(
            apiKey: testKey, baseURL: base, transport: URLSessionTransport(), sleeper: sleeper)
        await #expect {
            try await client.credits()
        } throws: { error in
            guard case .transport(.credits, .cannotConnect, attempts: 4) = error as? PaymentAPIError else {
                return false
            }
            return true
        }
        #expect(sleeper.recorded == [.seconds(1), .seconds(2), .seconds(4)])
        #expect(client.requestCount == 4)
    }

    @Test(
        "normalises valid amounts to JSON numbers",
        arguments: [("10", "10"), ("010.50", "10.5"), ("0.01", "0.01"), ("2000.00", "2000")])
    func normalisesAmounts(text: String, sent: String) async throws {
        let api = ScriptedAPI(HTTPResponse(status: 200, text: "{}"))
        _ = try await scriptedClient(api).createCoinbaseCharge(amountUSD: text, sender: Self.sender, chainID: .polygon)
        let body = try JSON.parse(try #require(api.requests.first).body)
        #expect(body["amount"] == .number(sent))
        #expect(body["chain_id"] == .number("137"))
    }

    @Test(
        "refuses invalid amounts before sending anything",
        arguments: ["0", "0.00", "-1", "1.234", "1e3", "", "abc", "1.", ".5", "1,5"])
    func refusesInvalidAmounts(text: String) async {
        let api = ScriptedAPI(HTTPResponse(status: 200, text: "{}"))
        let client = scriptedClient(api)
        await #expect {
            try await client.createCoinbaseCharge(amountUSD: text, sender: Self.sender, chainID: .base)
        } throws: { error in
            guard case .invalidAmount(let found, _) = error as? PaymentAPIError else { return false }
            return found == text
        }
        #expect(client.requestCount == 0)
    }
}
