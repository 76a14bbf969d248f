import Broadcasting
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import SandboxTestSupport
import SigningKeys
import Testing

/// `--wait-credits` for checkout payments, and what the signed bytes are recognised as.
@Suite struct CheckoutCreditTests {
    typealias Checkout = CheckoutBroadcastTests

    static func waitCredits(_ settings: inout Broadcaster.Settings) {
        settings.waitCredits = true
        settings.creditPollSeconds = 10
        settings.timeoutSeconds = 60
    }

    @Test("a USDC payment is credited when credits rise less than paid (the API's fee) but by at least the ratio")
    func creditedWithFee() async throws {
        let node = FakeChainNode(script: .init(logs: [Checkout.transferLog()]))
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        // Before the send: 100; then the deposit is credited minus a 0.75 fee (24.25 of 25.00 ≥ 0.9).
        let credits = FakeCredits(["100", "100", "124.25"])
        let outcome = try await Checkout.run(Checkout.signed(), node: node, path: path, credits: credits) {
            Self.waitCredits(&$0)
        }
        let check = try #require(outcome.credits)
        #expect(check.verdict == .credited)
        #expect(check.expected == "25.0")
        #expect(check.rise == "24.25")
        #expect(check.impliedFee == "0.75")
        #expect(outcome.state.status == .credited)
    }

    @Test("a USDC payment whose credits rise below the ratio is not called credited: the wait times out (exit 75)")
    func belowRatioTimesOut() async throws {
        let node = FakeChainNode(script: .init(logs: [Checkout.transferLog()]))
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        // 20.00 of 25.00 is 0.8 < 0.9.
        let credits = FakeCredits(["100", "120"])
        await #expect(throws: BroadcastError.timedOut(stage: "waiting for the credits")) {
            _ = try await Checkout.run(Checkout.signed(), node: node, path: path, credits: credits) { Self.waitCredits(&$0) }
        }
        let saved = try BroadcastState(json: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(saved.status == .confirmed, "paid, but not credited")
        #expect(saved.creditsBefore == "100")
    }

    @Test("a native payment's credit rise is reported unmatched: no USD amount, never recorded as credited")
    func nativeRiseUnmatched() async throws {
        let node = FakeChainNode()
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let credits = FakeCredits(["100", "100", "101.5"])
        let outcome = try await Checkout.run(
            Checkout.signed(native: Wei(UInt256.powerOfTen(15))), node: node, path: path, credits: credits
        ) { Self.waitCredits(&$0) }
        let check = try #require(outcome.credits)
        #expect(check.verdict == .unmatched)
        #expect(check.expected == nil)
        #expect(check.rise == "1.5")
        #expect(outcome.state.status == .confirmed)
        #expect(check.summary.joined().contains("cannot be matched"))
    }

    @Test("the signed bytes decide the kind: strict transfer calldata with value 0, or empty calldata with value")
    func recognition() {
        let recipient = Checkout.recipient
        let calldata = ERC20Transfer(recipient: recipient, amount: Checkout.amount).calldata
        func tx(value: UInt64, data: [UInt8]) -> EIP1559Transaction {
            EIP1559Transaction(
                chainID: ChainID(8453), nonce: 0, maxPriorityFeePerGas: Wei(UInt256(1)), maxFeePerGas: Wei(UInt256(2)),
                gasLimit: 65_000, to: Checkout.usdc, value: Wei(UInt256(value)), data: data)
        }
        let transfer = ERC20Transfer(recipient: recipient, amount: Checkout.amount)
        #expect(SignedPayment(tx(value: 0, data: calldata)) == .token(token: Checkout.usdc, transfer: transfer))
        #expect(SignedPayment(tx(value: 1, data: calldata)) == .other, "a token transfer carrying value")
        #expect(SignedPayment(tx(value: 0, data: calldata + [0])) == .other, "trailing calldata byte")
        #expect(SignedPayment(tx(value: 7, data: [])) == .native(to: Checkout.usdc, value: Wei(UInt256(7))))
        #expect(SignedPayment(tx(value: 0, data: [])) == .other, "nothing paid")
        #expect(SignedPayment(tx(value: 0, data: calldata)).usdcUnits(usdc: Checkout.usdc) == Checkout.amount)
        #expect(SignedPayment(tx(value: 0, data: calldata)).usdcUnits(usdc: Checkout.other) == nil)
    }

    @Test("a bare raw checkout payment gets the derived id transfer-<transaction hash>")
    func rawDerivedID() throws {
        let file = Checkout.signed()
        let raw = try BroadcastInput.fromRaw(Hex.encode(file.transaction.rawTransaction))
        #expect(raw.chargeID == "transfer-" + Hex.encode(file.transaction.transactionHash.bytes, prefix: false))
        #expect(raw.from == Checkout.payer)
        #expect(raw.validUntil == .max)
    }
}
