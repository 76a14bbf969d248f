import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
@testable import Preparation
import StrictJSON
import Testing

/// Every early refusal of the checkout preparer, each with its own named error, and the node asked only when needed.
@Suite struct CheckoutRefusalTests {
    typealias F = CheckoutFixtures

    func refusal(
        _ text: CheckoutBundle.RequestText, _ script: FakeCheckoutNode.Script = .init(), now: UInt64 = F.now
    ) async -> (PreparationError?, FakeCheckoutNode) {
        let node = FakeCheckoutNode(script)
        do {
            _ = try await F.preparer(node, now: now).prepare(text)
            return (nil, node)
        } catch { return (error, node) }
    }

    @Test("a node on another chain than the request's is refused (wrongChain)")
    func wrongChain() async throws {
        let (error, _) = await refusal(.uri(F.tokenURI()), .init(chainID: 137))
        #expect(error == .wrongChain(expected: .base, node: .polygon))
    }

    @Test("an expired checkout, or one with less than 10 minutes left, is refused before the node is asked")
    func expiry() async throws {
        let document = try F.checkout()
        let (expired, node) = await refusal(.checkout(document), now: F.expiresAt)
        #expect(expired == .checkoutExpired(expiresAt: F.expiresAt, now: F.expiresAt))
        #expect(node.requests.isEmpty)
        let (expiring, node2) = await refusal(.checkout(document), now: F.expiresAt - 599)
        #expect(expiring == .checkoutExpiring(expiresAt: F.expiresAt, now: F.expiresAt - 599, margin: 600))
        #expect(node2.requests.isEmpty)
        let (fine, _) = await refusal(.checkout(document), now: F.expiresAt - 600)
        #expect(fine == nil, "exactly the margin left is enough")
    }

    @Test(
        "a checkout whose status is not ACTIVE is refused before the node is asked",
        arguments: ["PROCESSING", "COMPLETED", "EXPIRED"])
    func notActive(status: String) async throws {
        let (error, node) = await refusal(.checkout(try F.checkout(status: status)))
        #expect(error == .checkoutNotActive(id: "chk_1234", status: status))
        #expect(error?.kind == "checkoutNotActive")
        #expect(node.requests.isEmpty)
    }

    @Test("a short token balance is refused with have and need")
    func tokenShort() async throws {
        let (error, _) = await refusal(.uri(F.tokenURI()), .init(token: 10_499_999))
        guard case .tokenBalanceShort(let have, let need, _) = error else {
            Issue.record("expected tokenBalanceShort, got \(String(describing: error))")
            return
        }
        #expect(have == 10_499_999 && need == 10_500_000)
        #expect(error?.description.contains("have 10.499999 USDC, need 10.50 USDC") == true)
    }

    @Test("native balance below gasLimit × maxFeePerGas is refused (token payment) with have and need")
    func gasShortToken() async throws {
        let (error, _) = await refusal(.uri(F.tokenURI()), .init(native: 1_000))
        let bound = try FeeEstimator.baseFeeBound(1_000_000_000, blocks: 6)
        #expect(error == .gasMoneyShort(have: Wei(1_000), need: Wei((bound + 2_000_000_000) * 62_500), symbol: "ETH"))
        #expect(error?.description.contains("have 0.000000000000001 ETH") == true)
    }

    @Test("a native payment needs value + gas: short by one wei is refused; below the value alone too")
    func gasShortNative() async throws {
        let bound = try FeeEstimator.baseFeeBound(1_000_000_000, blocks: 6)
        let need = UInt256.powerOfTen(16) + (bound + 2_000_000_000) * 26_250
        let script = FakeCheckoutNode.Script(native: need - 1, call: .result("\"0x\""), estimate: .result("\"0x5208\""))
        let (short, _) = await refusal(.uri(F.nativeURI()), script)
        #expect(short == .gasMoneyShort(have: Wei(need - 1), need: Wei(need), symbol: "ETH"))
        var exact = script
        exact.native = need
        let (fine, _) = await refusal(.uri(F.nativeURI()), exact)
        #expect(fine == nil)
        var poor = script
        poor.native = 5
        let (belowValue, _) = await refusal(.uri(F.nativeURI()), poor)
        #expect(belowValue == .gasMoneyShort(have: Wei(5), need: Wei(UInt256.powerOfTen(16)), symbol: "ETH"))
    }

    @Test("a reverting simulation is refused with its reason, escaped for the terminal")
    func reverted() async throws {
        let reason = "ERC20: transfer to \u{1b}[2Jblocked\u{202e}"
        let data = ContractRevert.error(reason).revertData
        let (error, _) = await refusal(.uri(F.tokenURI()), .init(call: FakeCheckoutNode.revert(data)))
        #expect(error == .simulationReverted(.error(reason)))
        let text = try #require(error?.description)
        #expect(!text.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{202e}" })
        #expect(text.contains("\\x1b[2Jblocked\\u202e"))
    }

    @Test("a revert seen only by eth_estimateGas is refused too")
    func revertedEstimate() async throws {
        let data = ContractRevert.error("paused").revertData
        let (error, _) = await refusal(.uri(F.tokenURI()), .init(estimate: FakeCheckoutNode.revert(data)))
        #expect(error == .simulationReverted(.error("paused")))
    }

    @Test("a transfer that returns false instead of reverting is refused")
    func returnsFalse() async throws {
        let zero = "\"0x" + String(repeating: "0", count: 64) + "\""
        let (error, _) = await refusal(.uri(F.tokenURI()), .init(call: .result(zero)))
        #expect(error == .transferReturnedFalse(token: F.usdc))
    }

    @Test("a request that does not parse is a named error, before the node is asked")
    func invalidRequest() async throws {
        let (error, node) = await refusal(.uri("ethereum:\(F.recipient.checksummed)?value=1"))
        #expect(error?.kind == "invalidRequest.missingChainID")
        #expect(node.requests.isEmpty)
    }

    @Test("a malformed balanceOf answer is a node error, not a zero balance")
    func malformedBalance() throws {
        #expect(try CheckoutPreparer.decodeBalance(.success([UInt8](repeating: 0, count: 32))) == 0)
        #expect(throws: RPCError.self) { _ = try CheckoutPreparer.decodeBalance(.success([])) }
        #expect(throws: RPCError.self) { _ = try CheckoutPreparer.decodeBalance(.success([UInt8](repeating: 0, count: 33))) }
    }
}
