import BundleFormat
import EthereumPrimitives
import Foundation
import HTTPTransport
import Sandbox
import StrictJSON
import Testing

@Suite("Checkouts API: refused requests, faults and the state file")
struct CheckoutRequestTests {
    static func message(_ response: HTTPResponse) throws -> String {
        try JSON.parse(response.body)["error"]?["message"]?.stringValue ?? ""
    }

    @Test(
        "bad create requests are 400 naming the field",
        arguments: [
            (#"{"amount":"25.001","currency":"USDC"}"#, "Invalid amount"),
            (#"{"amount":25,"currency":"USDC"}"#, "amount"),
            (#"{"amount":"0","currency":"USDC"}"#, "Invalid amount"),
            (#"{"amount":"2000.01","currency":"USDC"}"#, "Invalid amount"),
            (#"{"amount":"1e2","currency":"USDC"}"#, "Invalid amount"),
            (#"{"amount":"25","currency":"ETH"}"#, "Invalid currency"),
            (#"{"amount":"25"}"#, "currency"),
            (#"{"amount":"25","currency":"USDC","network":"polygon"}"#, "Invalid network"),
            (#"{"amount":"25","currency":"USDC","tokenAddress":"0x00"}"#, "tokenAddress"),
            (#"{"amount":"25","currency":"USDC","expiresAt":"2000-01-01T00:00:00Z"}"#, "Invalid expiresAt"),
            (#"{"amount":"25","currency":"USDC","expiresAt":"1900000000"}"#, "Invalid expiresAt"),
            ("[]", "Invalid request body"),
        ])
    func badRequests(body: String, expected: String) async throws {
        let harness = try Harness(chainID: 8453)
        let response = await harness.createCheckout(body)
        #expect(response.status == 400)
        #expect(try Self.message(response).contains(expected))
        let list = await harness.request(.get, "/api/v1/checkouts", key: "sandbox-key")
        #expect(try JSON.parse(list.body)["checkouts"] == .array([]))
    }

    @Test("keys are required as for charges; unknown ids are 404; other methods 405")
    func authenticationAndRouting() async throws {
        let harness = try Harness(chainID: 8453)
        let body = #"{"amount":"25","currency":"USDC"}"#
        #expect(await harness.createCheckout(body, key: nil).status == 401)
        #expect(await harness.createCheckout(body, key: "wrong").status == 401)
        #expect(await harness.createCheckout(body, key: "sandbox-management-key").status == 201)
        #expect(await harness.request(.get, "/api/v1/checkouts/0123456789abcdef01234567", key: "sandbox-key").status == 404)
        #expect(await harness.request(.get, "/api/v1/checkouts/x", key: nil).status == 401)
        #expect(await harness.request(.delete, "/api/v1/checkouts", key: "sandbox-key").status == 405)
    }

    @Test("a checkout fault answers its status once")
    func fault() async throws {
        let harness = try Harness(chainID: 8453)
        #expect(await harness.request(.post, "/sandbox/faults", body: #"{"target":"checkout","status":503}"#).status == 200)
        let body = #"{"amount":"25","currency":"USDC"}"#
        #expect(await harness.createCheckout(body).status == 503)
        #expect(await harness.createCheckout(body).status == 201)
    }

    @Test("USDC balances and checkouts survive a restart; new checkouts after it get new ids and addresses")
    func stateFileRoundTrip() async throws {
        let path = PersistenceAndServerTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = TestClock()
        let first = try Harness(chainID: 8453, clock: clock, usdc: 100) { $0.statePath = path }
        let paid = try await first.checkout(amount: "30", network: "base")
        let open = try await first.checkout(amount: "40", network: "base")
        try await first.payUSDC(to: paid.request.recipient, units: paid.request.amount)
        try await first.payUSDC(to: open.request.recipient, units: UInt256(1_000_000), nonce: 1)
        await first.sandbox.stop()

        let second = try Harness(chainID: 8453, clock: clock) {
            $0.statePath = path; $0.funding = []
        }
        #expect(try await second.usdcBalance(Keys.payerAddress) == UInt256(69_000_000))
        #expect(try await second.fetchCheckout(paid.id).status == "COMPLETED")
        #expect(try await second.fetchCheckout(open.id).request == open.request)
        #expect(try await second.totalCredits() == .number("30.0"))
        try await second.payUSDC(to: open.request.recipient, units: UInt256(39_000_000), nonce: 2)
        #expect(try await second.fetchCheckout(open.id).status == "COMPLETED")
        #expect(try await second.totalCredits() == .number("70.0"))
        let third = try await second.checkout(amount: "1", network: "base")
        #expect(![paid.id, open.id].contains(third.id))
        #expect(![paid.request.recipient, open.request.recipient].contains(third.request.recipient))
    }

    @Test("a state file written before USDC and checkouts still loads")
    func oldStateFileLoads() async throws {
        let path = PersistenceAndServerTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try Harness(chainID: 8453) { $0.statePath = path }
        first.sandbox.mine()
        await first.sandbox.stop()
        guard case .object(var members) = try JSON.parse(Data(contentsOf: URL(fileURLWithPath: path))) else {
            Issue.record("state file is not an object")
            return
        }
        #expect(members.removeValue(forKey: "tokenBalances") != nil)
        #expect(members.removeValue(forKey: "checkouts") != nil)
        try Data(JSON.serialize(.object(members))).write(to: URL(fileURLWithPath: path))
        let second = try Harness(chainID: 8453) { $0.statePath = path }
        #expect(try await second.quantity("eth_blockNumber") == UInt256(1))
        #expect(try await second.usdcBalance(Keys.payerAddress) == .zero)
        #expect(try await second.checkout(amount: "2", network: "base").status == "ACTIVE")
    }
}
