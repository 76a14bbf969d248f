import BundleFormat
import EthereumPrimitives
import Foundation
import HTTPTransport
import Sandbox
import StrictJSON
import Testing

@Suite("Checkouts API: create, get, and credits when the deposit arrives")
struct CheckoutTests {
    static let networks: [(UInt64, String)] = [(1, "ethereum"), (137, "polygon"), (8453, "base")]

    @Test("a created checkout parses with Checkout(jsonData:) and GET returns the same", arguments: networks)
    func createAndGet(chainID: UInt64, network: String) async throws {
        let clock = TestClock()
        let harness = try Harness(chainID: chainID, clock: clock)
        let response = await harness.createCheckout(#"{"amount":"25.00","currency":"USDC","network":"\#(network)"}"#)
        #expect(response.status == 201)
        let checkout = try Checkout(jsonData: response.body)
        let document = try JSON.parse(response.body)
        #expect(checkout.status == "ACTIVE")
        #expect(checkout.id.count == 24 && checkout.id.allSatisfy(\.isHexDigit))
        #expect(checkout.request.chainID == ChainID(chainID))
        #expect(checkout.request.asset == .token(KnownChain.entry(for: ChainID(chainID))?.usdc ?? .zero))
        #expect(checkout.request.amount == UInt256(25_000_000))
        #expect(checkout.request.expiresAt == clock.now + 3600)
        #expect(document["amount"] == .string("25.00"))
        #expect(document["createdAt"] == .string(ISO8601.format(unixSeconds: clock.now)))
        #expect(document["address"]?.stringValue == checkout.request.recipient.checksummed)
        let fetched = try await harness.fetchCheckout(checkout.id)
        #expect(fetched.request == checkout.request && fetched.url == checkout.url)
        let second = try await harness.checkout(amount: "25", network: network)
        #expect(second.id != checkout.id && second.request.recipient != checkout.request.recipient)
        let list = await harness.request(.get, "/api/v1/checkouts", key: "sandbox-key")
        #expect(try JSON.parse(list.body)["checkouts"]?.arrayValue?.count == 2)
    }

    @Test("paying in full before expiry completes it and credits the amount less the checkout fee")
    func paidInFull() async throws {
        let harness = try Harness(chainID: 8453, usdc: 100) { $0.checkoutFeeBasisPoints = 500 }
        let checkout = try await harness.checkout(amount: "25.00", network: "base")
        #expect(try await harness.totalCredits() == .number("0.0"))
        try await harness.payUSDC(to: checkout.request.recipient, units: checkout.request.amount)
        #expect(try await harness.fetchCheckout(checkout.id).status == "COMPLETED")
        #expect(try await harness.totalCredits() == .number("23.75"))
        #expect(try await harness.usdcBalance(checkout.request.recipient) == UInt256(25_000_000))
        // A second deposit to a completed checkout credits nothing more.
        try await harness.payUSDC(to: checkout.request.recipient, units: UInt256(1_000_000), nonce: 1)
        #expect(try await harness.totalCredits() == .number("23.75"))
    }

    @Test("a short payment leaves it ACTIVE and uncredited; topping it up completes it")
    func shortPayment() async throws {
        let harness = try Harness(chainID: 8453, usdc: 100)
        let checkout = try await harness.checkout(amount: "25.00", network: "base")
        try await harness.payUSDC(to: checkout.request.recipient, units: UInt256(24_999_999))
        #expect(try await harness.fetchCheckout(checkout.id).status == "ACTIVE")
        #expect(try await harness.totalCredits() == .number("0.0"))
        try await harness.payUSDC(to: checkout.request.recipient, units: UInt256(1), nonce: 1)
        #expect(try await harness.fetchCheckout(checkout.id).status == "COMPLETED")
        #expect(try await harness.totalCredits() == .number("25.0"))
    }

    @Test("a deposit mined in the expiry second counts; one mined after it is not credited and stays EXPIRED")
    func latePayment() async throws {
        let clock = TestClock()
        let harness = try Harness(chainID: 8453, clock: clock, usdc: 100) { $0.checkoutLifetimeSeconds = 60 }
        let onTime = try await harness.checkout(amount: "10", network: "base")
        let late = try await harness.checkout(amount: "20", network: "base")
        clock.advance(60)
        try await harness.payUSDC(to: onTime.request.recipient, units: onTime.request.amount)
        #expect(try await harness.fetchCheckout(onTime.id).status == "COMPLETED")
        clock.advance(1)
        #expect(try await harness.fetchCheckout(late.id).status == "EXPIRED")
        try await harness.payUSDC(to: late.request.recipient, units: late.request.amount, nonce: 1)
        #expect(try await harness.usdcBalance(late.request.recipient) == late.request.amount)
        #expect(try await harness.fetchCheckout(late.id).status == "EXPIRED")
        #expect(try await harness.totalCredits() == .number("10.0"))
    }

    @Test("from $500 credits wait out the credit delay, as for charges")
    func largeCheckoutDelayed() async throws {
        let clock = TestClock()
        let harness = try Harness(chainID: 8453, clock: clock, usdc: 1000) { $0.creditDelaySeconds = 900 }
        let checkout = try await harness.checkout(amount: "600", network: "base")
        try await harness.payUSDC(to: checkout.request.recipient, units: checkout.request.amount)
        #expect(try await harness.fetchCheckout(checkout.id).status == "COMPLETED")
        #expect(try await harness.totalCredits() == .number("0.0"))
        clock.advance(901)
        #expect(try await harness.totalCredits() == .number("600.0"))
    }

    @Test("an expiresAt in the request replaces the default lifetime")
    func requestedExpiry() async throws {
        let clock = TestClock()
        let harness = try Harness(chainID: 1, clock: clock)
        let expiry = ISO8601.format(unixSeconds: clock.now + 120)
        let response = await harness.createCheckout(
            #"{"amount":"5.5","currency":"USDC","network":"ethereum","expiresAt":"\#(expiry)","description":"x"}"#)
        #expect(try Checkout(jsonData: response.body).request.expiresAt == clock.now + 120)
    }
}
