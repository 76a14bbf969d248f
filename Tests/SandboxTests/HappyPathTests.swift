import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import HTTPTransport
import PaymentAPI
import Sandbox
import StrictJSON
import Testing
import TestSupport

@Suite("Payment happy path")
struct HappyPathTests {
    /// Pays `charge` with the quote plus 1% and mines it; returns the transaction and the quote.
    static func pay(_ harness: Harness, _ charge: Charge, nonce: UInt64 = 0, tier: UInt32 = 500) async throws
        -> (tx: SignedTransaction, quote: UInt256)
    {
        let quote = try await Payments.quote(harness, usdcUnits: charge.totalUSDCUnits, tier: tier)
        let calldata = TransfersContract.encodeSwapAndTransfer(intent: charge.intent, poolFeesTier: tier)
        let tx = Payments.transaction(
            chainID: charge.chainID, nonce: nonce, to: charge.contract,
            value: quote + quote / 100, data: calldata)
        let answer = try await harness.send(tx.rawTransaction)
        #expect(answer["result"] == .string(tx.transactionHash.hex))
        harness.sandbox.mine()
        return (tx, quote)
    }

    @Test(
        "a signed payment is mined, emits Transferred, refunds the excess and raises the credits",
        arguments: [UInt64(31337), 1, 137, 8453])
    func paymentSucceeds(chainID: UInt64) async throws {
        let harness = try Harness(chainID: chainID)
        let before = try await harness.balance(Keys.payerAddress)
        let charge = try await harness.charge(amount: "10")
        let (tx, quote) = try await Self.pay(harness, charge)
        let receipt = try await harness.receipt(tx.transactionHash.hash)
        #expect(receipt["status"] == .string("0x1"))
        let logs = try #require(receipt["logs"]?.arrayValue)
        #expect(logs.count == 1)
        #expect(logs[0]["address"]?.stringValue == charge.contract.lowercased)
        #expect(
            logs[0]["topics"]?.arrayValue?.first
                == .string("0xb7ee4fafa10d16ee883a136a3dcc9179d8e6041ba71cc29c2b0bce4f7bdd6e86"))
        let topics = try (logs[0]["topics"]?.arrayValue ?? []).map { try Hash32(hex: $0.stringValue ?? "") }
        let event = try TransferredEvent(topics: topics, data: hexBytes(logs[0]["data"]?.stringValue ?? ""))
        #expect(event.id == charge.intent.id)
        #expect(event.operator == Keys.operatorAddress)
        #expect(event.sender == Keys.payerAddress)
        #expect(event.recipient == charge.intent.recipient)
        #expect(event.spentAmount == quote)
        #expect(event.spentCurrency == .zero)
        // The payer loses exactly the quote and the gas: the 1% excess came back.
        let gasUsed = try UInt256(quantity: receipt["gasUsed"]?.stringValue ?? "", field: "gasUsed")
        let price = try UInt256(quantity: receipt["effectiveGasPrice"]?.stringValue ?? "", field: "price")
        #expect(gasUsed == UInt256(180_000))
        #expect(price == UInt256(2_000_000_000))  // min(maxFee 2 gwei, base fee 1 gwei + tip 1 gwei)
        #expect(try await harness.balance(Keys.payerAddress) == before - quote - gasUsed * price)
        let credits = await harness.request(.get, "/api/v1/credits", key: "sandbox-management-key")
        #expect(
            try JSON.parse(credits.body)
                == .object([
                    "data": .object([
                        "total_credits": .number("10.0"), "total_usage": .number("0.0"),
                    ])
                ]))
    }

    @Test("paying the same intent again reverts AlreadyProcessed, mined and simulated")
    func replayIsAlreadyProcessed() async throws {
        let harness = try Harness()
        let charge = try await harness.charge()
        let (first, quote) = try await Self.pay(harness, charge)
        let replay = Payments.transaction(
            chainID: charge.chainID, nonce: 1, to: charge.contract, value: quote,
            data: first.transaction.data)
        _ = try await harness.send(replay.rawTransaction)
        harness.sandbox.mine()
        let receipt = try await harness.receipt(replay.transactionHash.hash)
        #expect(receipt["status"] == .string("0x0"))
        #expect(receipt["logs"] == .array([]))
        let error = try await harness.rpcError(
            "eth_call",
            [
                Payments.call(from: Keys.payerAddress, to: charge.contract, value: quote, data: first.transaction.data)
            ])
        #expect(error.code == 3)
        #expect(error.data == hexBytes("57eee766"))
        #expect(ContractRevert(revertData: error.data ?? []) == .alreadyProcessed)
        let credits = await harness.request(.get, "/api/v1/credits", key: "sandbox-management-key")
        #expect(try JSON.parse(credits.body)["data"]?["total_credits"] == .number("10.0"))
    }

    @Test("the package's own API and RPC clients run the whole flow against the sandbox")
    func packageClientsWork() async throws {
        let harness = try Harness()
        let api = PaymentAPIClient(
            apiKey: try APIKey("sandbox-key"),
            baseURL: try #require(
                URL(
                    string:
                        "http://sandbox.test/api/v1")), transport: harness.transport, retryPolicy: .never)
        let body = try await api.createCoinbaseCharge(
            amountUSD: "25.50", sender: Keys.payerAddress,
            chainID: ChainID(31337))
        let charge = try Charge(responseBody: body)
        #expect(charge.totalUSDCUnits == UInt256(25_500_000))
        let rpc = JSONRPCClient(
            endpoint: try #require(URL(string: "http://sandbox.test/rpc")),
            transport: harness.transport)
        #expect(try await rpc.chainID() == ChainID(31337))
        let nonce = try await rpc.transactionCount(of: Keys.payerAddress)
        let history = try await rpc.feeHistory(blockCount: 1, rewardPercentiles: [50])
        #expect(history.nextBaseFee == Wei(UInt256(1_000_000_000)))
        let quoteData = try await rpc.call(
            CallRequest(
                to: harness.deployment.quoterV2,
                data: QuoterV2.encodeQuoteExactOutputSingle(
                    .init(
                        tokenIn: harness.deployment.wrappedNative,
                        tokenOut: harness.deployment.usdc, amount: charge.totalUSDCUnits, fee: 3000)))
        ).self
        let quote = try QuoterV2.decodeQuote(quoteData).amountIn
        let calldata = TransfersContract.encodeSwapAndTransfer(intent: charge.intent, poolFeesTier: 3000)
        let gas = try await rpc.estimateGas(
            CallRequest(
                from: Keys.payerAddress, to: charge.contract,
                value: Wei(quote), data: calldata))
        #expect(gas == 180_000)
        let tx = Payments.transaction(
            chainID: ChainID(31337), nonce: nonce, to: charge.contract, value: quote,
            data: calldata, gas: gas)
        #expect(try await rpc.sendRawTransaction(tx.rawTransaction) == tx.transactionHash.hash)
        #expect(try await rpc.transactionByHash(tx.transactionHash.hash)?.isPending == true)
        harness.sandbox.mine()
        let receipt = try #require(try await rpc.transactionReceipt(tx.transactionHash.hash))
        #expect(receipt.status == .success)
        #expect(receipt.logs.first?.topics.first == TransferredEvent.topic)
        #expect(try await rpc.blockByNumber(.latest)?.number == receipt.blockNumber)
        #expect(try await rpc.transactionByHash(tx.transactionHash.hash)?.blockHash == receipt.blockHash)
        let credits = try await PaymentAPIClient(
            apiKey: try APIKey("sandbox-management-key"),
            baseURL: try #require(URL(string: "http://sandbox.test/api/v1")), transport: harness.transport
        ).credits()
        #expect(credits.totalCredits == "25.5")
    }

    @Test("purchases of $500 or more are credited only after the delay")
    func largePurchaseIsDelayed() async throws {
        let clock = TestClock()
        let harness = try Harness(clock: clock) { $0.creditDelaySeconds = 900 }
        let charge = try await harness.charge(amount: "500")
        _ = try await Self.pay(harness, charge)
        func totalCredits() async throws -> JSONValue? {
            try JSON.parse(await harness.request(.get, "/api/v1/credits", key: "sandbox-management-key").body)[
                "data"]?["total_credits"]
        }
        #expect(try await totalCredits() == .number("0.0"))
        clock.advance(899)
        #expect(try await totalCredits() == .number("0.0"))
        clock.advance(2)
        #expect(try await totalCredits() == .number("500.0"))
    }
}
