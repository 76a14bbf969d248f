import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import HTTPTransport
import Sandbox
import StrictJSON
import Testing
import TestSupport

@Suite("JSON-RPC protocol, QuoterV2, blocks and time")
struct NodeTests {
    static func post(_ harness: Harness, _ body: String) async throws -> JSONValue {
        try JSON.parse(await harness.request(.post, "/rpc", body: body).body)
    }

    @Test(
        "QuoterV2 answers ⌈⌈usdc·10^18/price⌉·10^6/(10^6 − fee)⌉ (values computed in Python)",
        arguments: [
            (UInt64(10_000_000), UInt32(500), "3335000833750210"), (10_000_000, 3000, "3343363423604147"),
            (25_000_000, 10000, "8417508417508419"), (1, 500, "333500085"),
        ])
    func quoterPrice(usdc: UInt64, tier: UInt32, expected: String) async throws {
        let quote = try await Payments.quote(try Harness(), usdcUnits: UInt256(usdc), tier: tier)
        #expect(quote == (try UInt256(decimal: expected, field: "expected")))
    }

    @Test("QuoterV2 reverts for a missing pool, another token and a zero amount")
    func quoterReverts() async throws {
        let harness = try Harness()
        let d = harness.deployment
        for (tokenIn, amount, tier, data) in [
            (d.wrappedNative, UInt256(1), UInt32(100), [UInt8]()),
            (d.usdc, 1, 500, []), (d.wrappedNative, 0, 500, hexBytes("08c379a0")),
        ] {
            let call = QuoterV2.encodeQuoteExactOutputSingle(
                .init(
                    tokenIn: tokenIn, tokenOut: d.usdc, amount: amount,
                    fee: tier))
            let answer = try await harness.rpcError("eth_call", [Payments.call(to: d.quoterV2, data: call)])
            #expect(answer.code == 3)
            #expect(answer.data?.prefix(data.count) == data[...])
            if !data.isEmpty { #expect(ContractRevert(revertData: answer.data ?? []) == .error("AS")) }
        }
    }

    @Test("batches answer each request in order, skip notifications and report per-request errors")
    func batches() async throws {
        let answer = try await Self.post(
            try Harness(),
            """
            [{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","method":"eth_chainId"},
             {"jsonrpc":"2.0","id":"b","method":"eth_nope"},{"jsonrpc":"2.0","id":3,"method":"net_version"},
             {"jsonrpc":"2.0","id":4,"method":"eth_getBalance","params":["0x12"]}]
            """)
        let items = try #require(answer.arrayValue)
        #expect(items.count == 4)
        #expect(items[0] == .object(["jsonrpc": .string("2.0"), "id": .number("1"), "result": .string("0x7a69")]))
        #expect(
            items[1]["error"]
                == .object([
                    "code": .number("-32601"), "message": .string("the method eth_nope does not exist/is not available"),
                ]))
        #expect(items[1]["id"] == .string("b"))
        #expect(items[2]["result"] == .string("31337"))
        #expect(items[3]["error"]?["code"] == .number("-32602"))
    }

    @Test(
        "malformed bodies get -32700 and -32600",
        arguments: [
            ("{", -32700), ("[]", -32600), ("42", -32600), (#"{"id":1,"method":"eth_chainId"}"#, -32600),
        ])
    func malformed(body: String, code: Int) async throws {
        let answer = try await Self.post(try Harness(), body)
        #expect(answer["error"]?["code"] == .number(String(code)))
        #expect(answer["jsonrpc"] == .string("2.0"))
    }

    @Test("blocks carry timestamps, base fees and their transactions; fee history reports tips")
    func blocksAndFeeHistory() async throws {
        let clock = TestClock(2_000_000_000)
        let harness = try Harness(clock: clock)
        let other = Keys.address("0x3535353535353535353535353535353535353535")
        let tx = Payments.transaction(
            chainID: ChainID(31337), nonce: 0, to: other, value: 1,
            maxFee: UInt256(10_000_000_000), tip: UInt256(3_000_000_000))
        _ = try await harness.send(tx.rawTransaction)
        harness.sandbox.mine()
        let block = try await harness.result("eth_getBlockByNumber", [.string("latest"), .bool(false)])
        #expect(block["number"] == .string("0x1"))
        #expect(block["timestamp"] == .string(UInt256(2_000_000_001).quantity))  // genesis holds 2_000_000_000
        #expect(block["baseFeePerGas"] == .string("0x3b9aca00"))
        #expect(block["gasUsed"] == .string("0x5208"))
        #expect(block["transactions"] == .array([.string(tx.transactionHash.hex)]))
        let genesis = try await harness.result("eth_getBlockByNumber", [.string("0x0"), .bool(true)])
        #expect(block["parentHash"] == genesis["hash"])
        #expect(try await harness.result("eth_getBlockByNumber", [.string("0x9"), .bool(false)]) == .null)
        let history = try await harness.result(
            "eth_feeHistory",
            [
                .string("0x2"), .string("latest"),
                .array([.number("50")]),
            ])
        #expect(history["oldestBlock"] == .string("0x0"))
        #expect(history["baseFeePerGas"]?.arrayValue?.count == 3)
        #expect(history["reward"] == .array([.array([.string("0x0")]), .array([.string("0xb2d05e00")])]))
        // Blocks in the same wall-clock second still move forward in time; a later clock is followed.
        harness.sandbox.mine()
        let next = try await harness.result("eth_getBlockByNumber", [.string("latest"), .bool(false)])
        #expect(next["timestamp"] == .string(UInt256(2_000_000_002).quantity))
        clock.advance(100)
        harness.sandbox.mine()
        let later = try await harness.result("eth_getBlockByNumber", [.string("latest"), .bool(false)])
        #expect(later["timestamp"] == .string(UInt256(2_000_000_100).quantity))
    }

    @Test("sandbox_increaseTime moves block time; sandbox_setBalance funds an account")
    func adminMethods() async throws {
        let clock = TestClock(2_000_000_000)
        let harness = try Harness(clock: clock)
        #expect(try await harness.result("sandbox_increaseTime", [.number("7200")]) == .number("7200"))
        _ = try await harness.result("sandbox_mine", [.string("0x2")])
        let block = try await harness.result("eth_getBlockByNumber", [.string("latest"), .bool(false)])
        #expect(block["number"] == .string("0x2"))
        #expect(block["timestamp"] == .string(UInt256(2_000_007_201).quantity))
        let stranger = JSONValue.string("0x3535353535353535353535353535353535353535")
        #expect(try await harness.result("sandbox_setBalance", [stranger, .string("0x64")]) == .bool(true))
        #expect(try await harness.quantity("eth_getBalance", [stranger]) == UInt256(100))
    }

    @Test("with the dynamic base fee a full block raises the next base fee by 1/8")
    func dynamicBaseFee() async throws {
        let harness = try Harness {
            $0.dynamicBaseFee = true; $0.blockGasLimit = 42_000
        }
        let other = Keys.address("0x3535353535353535353535353535353535353535")
        for nonce in UInt64(0)..<2 {
            _ = try await harness.send(
                Payments.transaction(
                    chainID: ChainID(31337), nonce: nonce, to: other, value: 1,
                    gas: 21_000
                ).rawTransaction)
        }
        harness.sandbox.mine()
        #expect(try await harness.result("eth_getBlockByNumber", [.string("latest")])["gasUsed"] == .string("0xa410"))
        let history = try await harness.result("eth_feeHistory", [.string("0x1"), .string("latest")])
        #expect(history["baseFeePerGas"] == .array([.string("0x3b9aca00"), .string("0x430e2340")]))  // 1.125 gwei
    }

    @Test("automine mines each accepted transaction at once")
    func automine() async throws {
        let harness = try Harness { $0.automine = true }
        let tx = Payments.transaction(
            chainID: ChainID(31337), nonce: 0,
            to: Keys.address("0x3535353535353535353535353535353535353535"), value: 1)
        _ = try await harness.send(tx.rawTransaction)
        #expect(try await harness.receipt(tx.transactionHash.hash)["blockNumber"] == .string("0x1"))
    }

    @Test("a dropped transaction disappears from the pool, as a lost one would")
    func dropTransaction() async throws {
        let harness = try Harness()
        let tx = Payments.transaction(
            chainID: ChainID(31337), nonce: 0,
            to: Keys.address("0x3535353535353535353535353535353535353535"), value: 1)
        _ = try await harness.send(tx.rawTransaction)
        #expect(try await harness.result("sandbox_dropTransaction", [.string(tx.transactionHash.hex)]) == .bool(true))
        #expect(try await harness.result("eth_getTransactionByHash", [.string(tx.transactionHash.hex)]) == .null)
        #expect(try await harness.send(tx.rawTransaction)["result"] == .string(tx.transactionHash.hex))
    }
}
