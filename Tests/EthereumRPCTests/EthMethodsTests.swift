import EthereumPrimitives
import EthereumRPC
import Foundation
import StrictJSON
import TestSupport
import Testing

@Suite("Eth typed calls: parameters and result decoding")
struct EthMethodsTests {
    private let hash = "0x55ad95e323734036a7f70a040f202d6658e967e19233909321601fae904bcd79"
    private let transferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"

    private func receiptJSON(status: String = "0x1", logs: String? = nil) -> String {
        let defaultLogs =
            #"[{"address":"0x833589fcd6edb6e08f4c7c32d4f71b54bda02913","topics":["\#(transferTopic)"],"#
            + #""data":"0x00ff","logIndex":"0x3","blockNumber":"0x10","removed":false}]"#
        return #"{"transactionHash":"\#(hash)","blockNumber":"0x10","blockHash":"\#(hash)","#
            + #""from":"0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f","to":"0x3535353535353535353535353535353535353535","#
            + #""status":"\#(status)","gasUsed":"0x5208","effectiveGasPrice":"0x3b9aca00","cumulativeGasUsed":"0x5208","#
            + #""contractAddress":null,"type":"0x2","logs":\#(logs ?? defaultLogs)}"#
    }

    @Test("decodes a receipt with status, gas, price and logs")
    func decodesReceipt() async throws {
        let client = inProcessClient(FakeNode(["eth_getTransactionReceipt": .result(receiptJSON())]))
        let receipt = try #require(try await client.transactionReceipt(try Hash32(hex: hash)))
        #expect(receipt.status == .success)
        #expect(receipt.gasUsed == 21_000)
        #expect(receipt.effectiveGasPrice == Wei(1_000_000_000))
        #expect(receipt.fee == Wei(21_000_000_000_000))
        #expect(receipt.blockNumber == 16)
        #expect(receipt.to == (try Address(hex: "0x3535353535353535353535353535353535353535")))
        #expect(receipt.logs.count == 1)
        #expect(receipt.logs.first?.address == (try Address(hex: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913")))
        #expect(receipt.logs.first?.topics.map(\.hex) == [transferTopic])
        #expect(receipt.logs.first?.data == [0x00, 0xff])
        #expect(receipt.logs.first?.logIndex == 3)
    }

    @Test("decodes a reverted receipt and a not-yet-mined null")
    func decodesRevertedAndMissing() async throws {
        let reverted = inProcessClient(FakeNode(["eth_getTransactionReceipt": .result(receiptJSON(status: "0x0"))]))
        #expect(try await reverted.transactionReceipt(try Hash32(hex: hash))?.status == .reverted)
        let pending = inProcessClient(FakeNode(["eth_getTransactionReceipt": .result("null")]))
        #expect(try await pending.transactionReceipt(try Hash32(hex: hash)) == nil)
    }

    @Test(
        "refuses receipts with bad fields, naming the field",
        arguments: [
            ("0x2", "[]", "status"),
            ("0x01", "[]", "status"),
            ("0x1", #"[{"address":"0x1234","topics":[],"data":"0x"}]"#, "logs[0].address"),
            (
                "0x1", #"[{"address":"0x833589fcd6edb6e08f4c7c32d4f71b54bda02913","topics":["0x01"],"data":"0x"}]"#,
                "logs[0].topics[0]"
            ),
            (
                "0x1", #"[{"address":"0x833589fcd6edb6e08f4c7c32d4f71b54bda02913","topics":[],"data":"0x0"}]"#,
                "logs[0].data"
            ),
        ]
    )
    func refusesBadReceipts(status: String, logs: String, field: String) async throws {
        let client = inProcessClient(
            FakeNode(["eth_getTransactionReceipt": .result(receiptJSON(status: status, logs: logs))]))
        let txHash = try Hash32(hex: hash)
        await #expect {
            try await client.transactionReceipt(txHash)
        } throws: { error in
            guard case .invalidField(_, let found, _) = error as? RPCError else { return false }
            return found == field
        }
    }

    @Test("names a missing receipt field")
    func namesMissingReceiptField() async throws {
        let json = receiptJSON().replacingOccurrences(of: #""effectiveGasPrice":"0x3b9aca00","#, with: "")
        let client = inProcessClient(FakeNode(["eth_getTransactionReceipt": .result(json)]))
        let txHash = try Hash32(hex: hash)
        await #expect(throws: RPCError.missingField(method: "eth_getTransactionReceipt", field: "effectiveGasPrice")) {
            try await client.transactionReceipt(txHash)
        }
    }

    @Test("decodes a block header, including the pending block's null hash")
    func decodesBlocks() async throws {
        let node = FakeNode([
            "eth_getBlockByNumber": .result(
                #"{"number":"0x1b4","hash":null,"timestamp":"0x67c2a9cf","baseFeePerGas":"0x7","transactions":[]}"#)
        ])
        let client = inProcessClient(node)
        let block = try #require(try await client.blockByNumber(.pending))
        #expect(block == Block(number: 436, hash: nil, timestamp: 0x67c2_a9cf, baseFeePerGas: Wei(7)))
        #expect(node.received.first?["params"] == .array([.string("pending"), .bool(false)]))
    }

    @Test("decodes a pending transaction by hash")
    func decodesPendingTransaction() async throws {
        let json =
            #"{"hash":"\#(hash)","from":"0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f","#
            + #""to":"0x3535353535353535353535353535353535353535","nonce":"0x7","value":"0x38d7ea4c68000","#
            + #""input":"0x","gas":"0x5208","type":"0x2","maxFeePerGas":"0x989680","maxPriorityFeePerGas":"0xf4240","#
            + #""chainId":"0x2105","blockNumber":null,"blockHash":null,"v":"0x0","r":"0x1","s":"0x2"}"#
        let client = inProcessClient(FakeNode(["eth_getTransactionByHash": .result(json)]))
        let info = try #require(try await client.transactionByHash(try Hash32(hex: hash)))
        #expect(info.isPending)
        #expect(info.nonce == 7)
        #expect(info.value == Wei(1_000_000_000_000_000))
        #expect(info.maxFeePerGas == Wei(10_000_000))
        #expect(info.maxPriorityFeePerGas == Wei(1_000_000))
        #expect(info.chainID == .base)
        #expect(info.input.isEmpty)
    }

    @Test("encodes call, estimate, fee-history and raw-transaction parameters")
    func encodesParameters() async throws {
        let node = FakeNode([
            "eth_call": .result(#""0x0000""#), "eth_estimateGas": .result(#""0x493e0""#),
            "eth_feeHistory": .result(#"{"oldestBlock":"0x1","baseFeePerGas":["0x1"],"gasUsedRatio":[]}"#),
            "eth_sendRawTransaction": .result(#""\#(hash)""#),
        ])
        let client = inProcessClient(node)
        let call = CallRequest(
            from: try Address(hex: "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"),
            to: try Address(hex: "0x03059433bcdb6144624cc2443159d9445c32b7a8"), value: Wei(4_000_000_000_000_000),
            data: [0x8b, 0xf1, 0x22, 0xda])
        #expect(try await client.call(call, at: .number(436)) == [0, 0])
        #expect(try await client.estimateGas(call) == 300_000)
        #expect(try await client.feeHistory(blockCount: 5, rewardPercentiles: [10, 50]).reward.isEmpty)
        let raw = hexBytes("02f871822105")
        #expect(try await client.sendRawTransaction(raw).hex == hash)
        let params = node.received.map { $0["params"] }
        let callObject = JSONValue.object([
            "from": .string("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"),
            "to": .string("0x03059433bcdb6144624cc2443159d9445c32b7a8"), "value": .string("0xe35fa931a0000"),
            "data": .string("0x8bf122da"),
        ])
        #expect(params[0] == .array([callObject, .string("0x1b4")]))
        #expect(params[1] == .array([callObject]))
        #expect(params[2] == .array([.string("0x5"), .string("latest"), .array([.number("10"), .number("50")])]))
        #expect(params[3] == .array([.string("0x02f871822105")]))
    }

    @Test(
        "refuses inconsistent fee histories",
        arguments: [
            #"{"oldestBlock":"0x1","baseFeePerGas":["0x1","0x2"],"gasUsedRatio":[0.5,0.5]}"#,
            #"{"oldestBlock":"0x1","baseFeePerGas":["0x1","0x2"],"gasUsedRatio":[0.5],"reward":[["0x1","0x2"]]}"#,
            #"{"oldestBlock":"0x1","baseFeePerGas":["0x1","0x2"],"gasUsedRatio":[0.5],"reward":[]}"#,
        ]
    )
    func refusesInconsistentFeeHistory(json: String) async {
        let client = inProcessClient(FakeNode(["eth_feeHistory": .result(json)]))
        await #expect {
            try await client.feeHistory(blockCount: 1, rewardPercentiles: [50])
        } throws: { error in
            guard case .malformedResponse(method: "eth_feeHistory", _) = error as? RPCError else { return false }
            return true
        }
    }
}
