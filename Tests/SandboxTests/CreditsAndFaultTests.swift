import EthereumPrimitives
import Foundation
import HTTPTransport
import PaymentAPI
import Sandbox
import StrictJSON
import Synchronization
import Testing

@Suite("GET /api/v1/credits and injected faults")
struct CreditsAndFaultTests {
    static let chargeBody = #"{"amount":10,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#

    static func totalCredits(_ harness: Harness) async throws -> JSONValue? {
        let response = await harness.request(.get, "/api/v1/credits", key: "sandbox-management-key")
        return try JSON.parse(response.body)["data"]?["total_credits"]
    }

    static func arm(_ harness: Harness, _ fault: String) async -> HTTPResponse {
        await harness.request(.post, "/sandbox/faults", body: fault)
    }

    @Test("credits need a management key: 403 with OpenRouter's message for a normal key, 401 without one")
    func creditsNeedManagementKey() async throws {
        let harness = try Harness()
        let normal = await harness.request(.get, "/api/v1/credits", key: "sandbox-key")
        #expect(normal.status == 403)
        #expect(try JSON.parse(normal.body) == Envelope.error(403, "Only management keys can perform this operation"))
        #expect(await harness.request(.get, "/api/v1/credits").status == 401)
    }

    @Test("totals are JSON numbers in USD from the configured start values")
    func initialTotals() async throws {
        let harness = try Harness {
            $0.initialCredits = 50_000_000; $0.initialUsage = 42_125_000
        }
        let response = await harness.request(.get, "/api/v1/credits", key: "sandbox-management-key")
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"data":{"total_credits":50.0,"total_usage":42.125}}"#)
    }

    @Test("the balance is cached: a purchase shows only once the snapshot is older than the cache time")
    func cachedBalance() async throws {
        let clock = TestClock()
        let harness = try Harness(clock: clock) { $0.creditsCacheSeconds = 60 }
        #expect(try await Self.totalCredits(harness) == .number("0.0"))
        _ = try await HappyPathTests.pay(harness, try await harness.charge())
        #expect(try await Self.totalCredits(harness) == .number("0.0"))
        clock.advance(60)
        #expect(try await Self.totalCredits(harness) == .number("10.0"))
    }

    @Test("a stale fault serves the cached balance for its count, then the fresh one")
    func staleFault() async throws {
        let harness = try Harness()
        #expect(try await Self.totalCredits(harness) == .number("0.0"))
        _ = try await HappyPathTests.pay(harness, try await harness.charge())
        #expect(await Self.arm(harness, #"{"target":"credits","stale":true,"count":2}"#).status == 200)
        #expect(try await Self.totalCredits(harness) == .number("0.0"))
        #expect(try await Self.totalCredits(harness) == .number("0.0"))
        #expect(try await Self.totalCredits(harness) == .number("10.0"))
    }

    @Test("429 carries Retry-After and the envelope, for its count only")
    func rateLimited() async throws {
        let harness = try Harness()
        _ = await Self.arm(harness, #"{"target":"charge","status":429,"retryAfter":7}"#)
        let limited = await harness.request(
            .post, "/api/v1/credits/coinbase", body: Self.chargeBody,
            key: "sandbox-key")
        #expect(limited.status == 429)
        #expect(limited.headers["Retry-After"] == "7")
        #expect(try JSON.parse(limited.body)["error"]?["code"] == .number("429"))
        let next = await harness.request(.post, "/api/v1/credits/coinbase", body: Self.chargeBody, key: "sandbox-key")
        #expect(next.status == 200)
    }

    @Test("5xx faults answer their status with the envelope", arguments: [500, 502, 503])
    func serverErrors(status: Int) async throws {
        let harness = try Harness()
        _ = await Self.arm(harness, #"{"target":"credits","status":\#(status),"count":1}"#)
        let response = await harness.request(.get, "/api/v1/credits", key: "sandbox-management-key")
        #expect(response.status == status)
        #expect(try JSON.parse(response.body)["error"]?["code"] == .number(String(status)))
    }

    @Test("a 410 on the charge endpoint carries the removed endpoint's exact body (docs/protocol.md §0)")
    func gone() async throws {
        let harness = try Harness { $0.faults = [try FaultSpec(flag: "target=charge,status=410,count=5")] }
        let response = await harness.request(
            .post, "/api/v1/credits/coinbase", body: Self.chargeBody,
            key: "sandbox-key")
        #expect(response.status == 410)
        #expect(
            String(decoding: response.body, as: UTF8.self) == #"{"error":{"code":410,"message":"The Coinbase "#
                + "APIs used by this endpoint have been deprecated, so the Coinbase Commerce credits API has been removed. "
                + #"Use the web credits purchase flow instead."}}"#)
        let api = PaymentAPIClient(
            apiKey: try APIKey("sandbox-key"),
            baseURL: try #require(
                URL(
                    string:
                        "http://sandbox.test/api/v1")), transport: harness.transport)
        await #expect {
            _ = try await api.createCoinbaseCharge(amountUSD: "10", sender: Keys.payerAddress, chainID: .init(31337))
        } throws: { error in
            if case .gone? = error as? PaymentAPIError { return true }
            return false
        }
    }

    @Test("a delay answers normally, late")
    func slowAnswer() async throws {
        let harness = try Harness()
        _ = await Self.arm(harness, #"{"target":"charge","delayMs":300}"#)
        let clock = ContinuousClock()
        let start = clock.now
        let response = await harness.request(
            .post, "/api/v1/credits/coinbase", body: Self.chargeBody,
            key: "sandbox-key")
        #expect(response.status == 200)
        #expect(clock.now - start >= .milliseconds(300))
    }

    @Test("'RPC down' refuses the next N RPC requests with 503, then the node answers")
    func rpcDown() async throws {
        let harness = try Harness()
        _ = await Self.arm(harness, #"{"target":"rpc","status":503,"count":2,"retryAfter":1}"#)
        for _ in 0..<2 {
            let response = await harness.request(
                .post, "/rpc",
                body: #"{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}"#)
            #expect(response.status == 503)
            #expect(response.headers["Retry-After"] == "1")
        }
        #expect(try await harness.result("eth_chainId") == .string("0x7a69"))
    }

    @Test("the PaymentAPI client retries through a 429 with Retry-After and gets the charge")
    func clientRetriesThroughRateLimit() async throws {
        let harness = try Harness()
        _ = await Self.arm(harness, #"{"target":"charge","status":429,"retryAfter":2,"count":2}"#)
        let sleeper = CountingSleeper()
        let api = PaymentAPIClient(
            apiKey: try APIKey("sandbox-key"),
            baseURL: try #require(
                URL(
                    string:
                        "http://sandbox.test/api/v1")), transport: harness.transport, sleeper: sleeper)
        _ = try await api.createCoinbaseCharge(amountUSD: "10", sender: Keys.payerAddress, chainID: .init(31337))
        #expect(api.requestCount == 3)
        #expect(sleeper.delays == [.seconds(2), .seconds(2)])
    }

    @Test(
        "the admin endpoint lists, validates and clears faults",
        arguments: [
            #"{"target":"disk","status":500}"#, #"{"target":"charge","status":200}"#, #"{"target":"charge"}"#,
            #"{"target":"charge","stale":true}"#, #"{"target":"rpc","status":503,"count":0}"#,
            #"{"target":"rpc","status":503,"colour":"red"}"#, "not json",
        ])
    func adminValidation(body: String) async throws {
        let harness = try Harness()
        let refused = await Self.arm(harness, body)
        #expect(refused.status == 400)
        #expect(try JSON.parse(refused.body)["error"]?["code"] == .number("400"))
        _ = await Self.arm(harness, #"{"target":"rpc","status":503,"count":3}"#)
        let listed = try JSON.parse(await harness.request(.get, "/sandbox/faults").body)
        #expect(
            listed
                == .object([
                    "faults": .array([
                        .object([
                            "target": .string("rpc"), "status": .number("503"), "count": .number("3"),
                        ])
                    ])
                ]))
        _ = await harness.request(.delete, "/sandbox/faults")
        #expect(try JSON.parse(await harness.request(.get, "/sandbox/faults").body) == .object(["faults": .array([])]))
    }

    @Test("the --fault flag form reads like the JSON form")
    func flagForm() throws {
        #expect(
            try FaultSpec(flag: "target=rpc,status=503,count=3,retryAfter=2")
                == FaultSpec(target: .rpc, status: 503, retryAfterSeconds: 2, count: 3))
        #expect(try FaultSpec(flag: "target=credits,stale=true") == FaultSpec(target: .credits, stale: true))
        #expect(throws: SandboxError.self) { try FaultSpec(flag: "target=rpc,status") }
        #expect(throws: SandboxError.self) { try FaultSpec(flag: "target=rpc,status=fast") }
    }
}

/// Records the delays asked for and returns at once.
final class CountingSleeper: Sleeper {
    private let recorded = Mutex<[Duration]>([])
    var delays: [Duration] { recorded.withLock { $0 } }
    func sleep(for duration: Duration) async throws { recorded.withLock { $0.append(duration) } }
}
