import SigningKeys
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import PaymentAPI
@testable import Preparation
import Sandbox
import Secp256k1
import SandboxTestSupport
import Testing

@Suite struct PreparerTests {
    static func preparer(_ env: InProcessSandbox, rpc: JSONRPCClient? = nil, deployment: Deployment? = nil) -> Preparer {
        Preparer(
            rpc: rpc ?? env.rpc, deployment: deployment ?? env.configuration.deployment, sender: InProcessSandbox.payer.address,
            minimumPriorityFee: Wei(UInt256(1_000_000_000)), secondsPerBlock: 2,
            now: UInt64(Date().timeIntervalSince1970))
    }

    @Test("one API request and exactly two node round trips produce a bundle that reads back")
    func roundTrips() async throws {
        let env = try InProcessSandbox()
        let api = try env.api()
        let rpc = env.rpc
        let outcome = try await Self.preparer(env, rpc: rpc).prepare(.api(api, amountUSD: "25"))
        #expect(api.requestCount == 1)
        #expect(rpc.roundTrips == 2)
        let bundle = outcome.bundle
        #expect(try IntentBundle(jsonData: bundle.canonicalJSON()).signingHash == bundle.signingHash)
        #expect(bundle.charge.totalUSDCUnits == 25_000_000)
        let (intent, tier) = try TransfersContract.decodeSwapAndTransfer(bundle.transaction.data)
        #expect(intent == bundle.charge.intent)
        #expect(tier == bundle.quote.poolFeesTier)
        // The value is the chosen quote plus 100 bps, rounded up.
        let expected = (bundle.quote.amountIn * 10_100 + 9_999) / 10_000
        #expect(bundle.transaction.value.amount == expected)
    }

    @Test("the cheapest tier that quotes wins; earlier tiers win ties; none quoting is a named error")
    func cheapestTier() throws {
        #expect(try Preparer.cheapest([(500, 10), (3000, 9), (100, nil), (10000, 9)], reasons: []) == (3000, 9))
        #expect(try Preparer.cheapest([(500, 7), (3000, 7)], reasons: []) == (500, 7))
        #expect(throws: PreparationError.noQuote(reasons: ["tier 500: x"])) {
            _ = try Preparer.cheapest([(500, nil)], reasons: ["tier 500: x"])
        }
    }

    @Test("slippage rounds up", arguments: [(UInt256(100), UInt32(100), UInt256(101)), (1, 1, 2), (10_000, 0, 10_000)])
    func slippage(amount: UInt256, bps: UInt32, expected: UInt256) throws {
        #expect(try Preparer.withSlippage(amount, bps: bps) == expected)
    }

    @Test("a charge for another sender is refused before the node is asked")
    func otherSender() async throws {
        let env = try InProcessSandbox()
        let api = try env.api()
        let charge = try await api.createCoinbaseCharge(
            amountUSD: "10", sender: InProcessSandbox.payer.address, chainID: ChainID(31337))
        var preparer = Self.preparer(env)
        preparer.sender = Address(uncheckedBytes: [UInt8](repeating: 0x22, count: 20))
        let rpc = preparer.rpc
        await #expect(throws: PreparationError.self) { _ = try await preparer.prepare(.file(charge)) }
        #expect(rpc.roundTrips == 0)
    }

    @Test("a charge whose operator signature was altered is refused")
    func alteredSignature() async throws {
        let env = try InProcessSandbox()
        var object = try #require(
            try JSONSerialization.jsonObject(
                with: try await env.api().createCoinbaseCharge(
                    amountUSD: "10", sender: InProcessSandbox.payer.address,
                    chainID: ChainID(31337))) as? [String: Any])
        var data = try #require(object["data"] as? [String: Any])
        var web3 = try #require(data["web3_data"] as? [String: Any])
        var intent = try #require(web3["transfer_intent"] as? [String: Any])
        var call = try #require(intent["call_data"] as? [String: Any])
        call["recipient_amount"] = "1"
        intent["call_data"] = call
        web3["transfer_intent"] = intent
        data["web3_data"] = web3
        object["data"] = data
        let tampered = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try await Self.preparer(env).prepare(.file(tampered))
            Issue.record("accepted a tampered charge")
        } catch {
            #expect(error.kind == "operatorSignatureInvalid")
        }
    }

    @Test("a node serving another chain is refused (wrongChain)")
    func wrongChain() async throws {
        let env = try InProcessSandbox()
        let other = try InProcessSandbox(chainID: 1)
        let charge = try await env.api().createCoinbaseCharge(
            amountUSD: "10", sender: InProcessSandbox.payer.address,
            chainID: ChainID(31337))
        do {
            _ = try await Self.preparer(env, rpc: other.rpc).prepare(.file(charge))
            Issue.record("accepted a node on another chain")
        } catch {
            #expect(error == .wrongChain(expected: ChainID(31337), node: .ethereum))
        }
    }
}
