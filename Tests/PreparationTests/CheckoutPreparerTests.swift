import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
@testable import Preparation
import StrictJSON
import Testing

/// The checkout preparer against a scripted node: one batch, the exact transaction, the request kept as received.
@Suite struct CheckoutPreparerTests {
    typealias F = CheckoutFixtures

    @Test("a token payment: one HTTP request holds all seven calls; the bundle pays transfer(recipient, amount)")
    func tokenBundle() async throws {
        let node = FakeCheckoutNode()
        let preparer = F.preparer(node)
        let outcome = try await preparer.prepare(.uri(F.tokenURI()))
        #expect(node.requests.count == 1)
        #expect(preparer.rpc.roundTrips == 1)
        #expect(
            F.methods(node) == [
                "eth_chainId", "eth_getTransactionCount", "eth_feeHistory", "eth_getBalance", "eth_call", "eth_call",
                "eth_estimateGas",
            ])
        // balanceOf(sender) on the token, then the payment itself from the sender.
        let balanceOf = try #require(F.callObject(node, 4))
        #expect(balanceOf["to"]?.stringValue == F.usdc.lowercased)
        #expect(
            balanceOf["data"]?.stringValue == "0x70a08231" + String(repeating: "0", count: 24) + F.sender.lowercased.dropFirst(2))
        let expectedData =
            "0xa9059cbb" + String(repeating: "0", count: 24) + F.recipient.lowercased.dropFirst(2)
            + String(repeating: "0", count: 58) + "a037a0"
        for index in [5, 6] {
            let call = try #require(F.callObject(node, index))
            #expect(call["from"]?.stringValue == F.sender.lowercased)
            #expect(call["to"]?.stringValue == F.usdc.lowercased)
            #expect(call["data"]?.stringValue == expectedData)
            #expect(call["value"] == nil)
        }
        let tx = outcome.bundle.transaction
        #expect(tx.to == F.usdc)
        #expect(tx.value.amount.isZero)
        #expect(Hex.encode(tx.data) == expectedData)
        #expect(try ERC20Transfer(calldata: tx.data) == ERC20Transfer(recipient: F.recipient, amount: 10_500_000))
        #expect(tx.chainID == .base)
        #expect(tx.nonce == 7)
        #expect(tx.gasLimit == 62_500, "estimate 50000 + 25 %")
        #expect(tx.maxPriorityFeePerGas == Wei(2_000_000_000))
        let bound = try FeeEstimator.baseFeeBound(1_000_000_000, blocks: 6)
        #expect(tx.maxFeePerGas == Wei(bound + 2_000_000_000))
        #expect(outcome.bundle.balances == .init(native: UInt256.powerOfTen(18), token: 50_000_000))
        #expect(outcome.bundle.fees.gasEstimate == 50_000)
        #expect(outcome.bundle.fees.baseFeePerGas == 1_000_000_000)
        #expect(outcome.bundle.from == F.sender)
        #expect(outcome.bundle.createdAt == F.now)
    }

    @Test("a native payment: six calls (no balanceOf); to = recipient, value = amount, empty calldata")
    func nativeBundle() async throws {
        let node = FakeCheckoutNode(.init(call: .result("\"0x\""), estimate: .result("\"0x5208\"")))
        let outcome = try await F.preparer(node).prepare(.uri(F.nativeURI()))
        #expect(node.requests.count == 1)
        #expect(
            F.methods(node) == [
                "eth_chainId", "eth_getTransactionCount", "eth_feeHistory", "eth_getBalance", "eth_call", "eth_estimateGas",
            ])
        let call = try #require(F.callObject(node, 4))
        #expect(call["to"]?.stringValue == F.recipient.lowercased)
        #expect(call["value"]?.stringValue == "0x2386f26fc10000")
        #expect(call["data"]?.stringValue == "0x")
        let tx = outcome.bundle.transaction
        #expect(tx.to == F.recipient)
        #expect(tx.value == Wei(UInt256.powerOfTen(16)))
        #expect(tx.data.isEmpty)
        #expect(tx.gasLimit == 26_250, "21000 + 25 %")
        #expect(outcome.bundle.balances.token == nil)
    }

    @Test("the request text is kept byte for byte (URI) and member for member (checkout document), through the JSON")
    func requestKept() async throws {
        let uri = F.tokenURI(amount: "1.05e7")
        let fromURI = try await F.preparer(FakeCheckoutNode()).prepare(.uri(uri))
        #expect(fromURI.bundle.requestText == .uri(uri))
        let reread = try CheckoutBundle(jsonData: fromURI.bundle.canonicalJSON())
        #expect(reread.requestText == .uri(uri))
        #expect(reread.signingHash == fromURI.bundle.signingHash)
        #expect(reread.request.amount == 10_500_000)

        let document = try F.checkout()
        let fromCheckout = try await F.preparer(FakeCheckoutNode()).prepare(.checkout(document))
        #expect(fromCheckout.bundle.requestText == .checkout(document))
        #expect(try CheckoutBundle(jsonData: fromCheckout.bundle.canonicalJSON()).requestText == .checkout(document))
        #expect(fromCheckout.checkout?.id == "chk_1234")
        #expect(fromCheckout.bundle.requestKey == "checkout:chk_1234")
        #expect(fromCheckout.bundle.validUntil == F.expiresAt)
        #expect(fromCheckout.bundle.transaction.data == ERC20Transfer(recipient: F.recipient, amount: 10_500_000).calldata)
    }

    @Test("the gas limit margin is configurable and computed from the estimate")
    func gasMargin() async throws {
        var preparer = F.preparer(FakeCheckoutNode())
        preparer.gasMarginPercent = 50
        #expect(try await preparer.prepare(.uri(F.tokenURI())).bundle.transaction.gasLimit == 75_000)
    }
}
