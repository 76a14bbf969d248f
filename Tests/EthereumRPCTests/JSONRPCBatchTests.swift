import EthereumPrimitives
import EthereumRPC
import Foundation
import HTTPTransport
import LoopbackHTTP
import StrictJSON
import Testing

@Suite("JSONRPCClient batches")
struct JSONRPCBatchTests {
    private static let sender: Address = {
        do {
            return try Address(hex: "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
        } catch {
            preconditionFailure("bad test address: \(error)")
        }
    }()

    private static let answers: [String: FakeNode.Answer] = [
        "eth_chainId": .result(#""0x2105""#),
        "eth_getTransactionCount": .result(#""0x7""#),
        "eth_getBalance": .result(#""0xde0b6b3a7640000""#),
        "eth_blockNumber": .result(#""0x1b4""#),
        "eth_feeHistory": .result(
            #"{"oldestBlock":"0x1b2","baseFeePerGas":["0x5","0x6","0x7"],"gasUsedRatio":[0.5,0.9],"reward":[["0x1"],["0x3"]]}"#
        ),
    ]

    @Test("sends N calls in one HTTP round trip over a real socket")
    func oneRoundTripForManyCalls() async throws {
        let node = FakeNode(Self.answers)
        let (values, roundTrips) = try await withLoopbackClient(node) { client in
            let values = try await client.batch(
                Eth.chainID(), Eth.transactionCount(of: Self.sender), Eth.balance(of: Self.sender), Eth.blockNumber(),
                Eth.feeHistory(blockCount: 2, rewardPercentiles: [50]))
            return (values, client.roundTrips)
        }
        #expect(roundTrips == 1)
        #expect(node.httpRequestCount == 1)
        #expect(node.received.first?.arrayValue?.count == 5)
        let (chain, nonce, balance, block, fees) = values
        #expect(chain == .base)
        #expect(nonce == 7)
        #expect(balance == Wei(UInt256(1_000_000_000_000_000_000)))
        #expect(block == 436)
        #expect(fees.baseFeePerGas.map(\.amount) == [5, 6, 7])
        #expect(fees.reward == [[Wei(1)], [Wei(3)]])
    }

    @Test("matches responses to calls by id when the node answers in reverse order")
    func matchesIDsOutOfOrder() async throws {
        let node = FakeNode(Self.answers, reverseBatches: true)
        let client = inProcessClient(node)
        let (nonce, chain, block) = try await client.batch(
            Eth.transactionCount(of: Self.sender), Eth.chainID(), Eth.blockNumber())
        #expect(nonce == 7)
        #expect(chain == .base)
        #expect(block == 436)
        #expect(client.roundTrips == 1)
    }

    @Test("returns per-call errors in their slots")
    func returnsPerCallErrors() async throws {
        var answers = Self.answers
        answers["eth_getBalance"] = .error(#"{"code":-32000,"message":"header not found"}"#)
        let client = inProcessClient(FakeNode(answers, reverseBatches: true))
        let (chain, balance, nonce) = try await client.batchResults(
            Eth.chainID(), Eth.balance(of: Self.sender), Eth.transactionCount(of: Self.sender))
        #expect(try chain.get() == .base)
        #expect(try nonce.get() == 7)
        #expect(throws: RPCError.node(NodeError(method: "eth_getBalance", code: -32000, message: "header not found"))) {
            try balance.get()
        }
    }

    @Test("throws the first failing call's error from batch(_:)")
    func batchThrowsFirstError() async {
        var answers = Self.answers
        answers["eth_blockNumber"] = .result(#""0x01b4""#)
        let client = inProcessClient(FakeNode(answers))
        await #expect {
            try await client.batch(Eth.chainID(), Eth.blockNumber())
        } throws: { error in
            guard
                case .invalidField(method: "eth_blockNumber", field: "result", .nonCanonicalQuantity) = error
                    as? RPCError
            else { return false }
            return true
        }
    }

    @Test("reports a call the node left out of the batch")
    func reportsMissingResponse() async throws {
        var answers = Self.answers
        answers["eth_blockNumber"] = .omitted
        let client = inProcessClient(FakeNode(answers))
        let (chain, block) = try await client.batchResults(Eth.chainID(), Eth.blockNumber())
        #expect(try chain.get() == .base)
        #expect(throws: RPCError.missingResponse(method: "eth_blockNumber", id: 2)) { try block.get() }
    }

    @Test(
        "refuses a batch answer with repeated or foreign ids",
        arguments: [
            #"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":1,"result":"0x2"}]"#,
            #"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":7,"result":"0x2"}]"#,
            #"[{"jsonrpc":"2.0","id":1,"result":"0x1"},"junk"]"#,
            #"{"jsonrpc":"2.0","id":1,"result":"0x1"}"#,
        ]
    )
    func refusesBadBatchAnswers(body: String) async {
        let client = JSONRPCClient(
            endpoint: fakeEndpoint, transport: InProcessTransport { _ in HTTPResponse(status: 200, text: body) })
        await #expect {
            try await client.batchResults(Eth.chainID(), Eth.blockNumber())
        } throws: { error in
            guard case .malformedResponse = error as? RPCError else { return false }
            return true
        }
    }

    @Test("throws a batch-level error object for the whole batch")
    func throwsBatchLevelError() async {
        let body = #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}"#
        let client = JSONRPCClient(
            endpoint: fakeEndpoint, transport: InProcessTransport { _ in HTTPResponse(status: 200, text: body) })
        await #expect {
            try await client.batchResults(Eth.chainID(), Eth.blockNumber())
        } throws: { error in
            (error as? RPCError)?.nodeErrorKind == .other
                && (error as? RPCError)?.description.contains("batch too large") == true
        }
    }

    @Test("sends nothing for an empty batch")
    func emptyBatchSendsNothing() async throws {
        let node = FakeNode(Self.answers)
        let client = inProcessClient(node)
        #expect(try await client.rawBatch([]).isEmpty)
        #expect(client.roundTrips == 0)
        #expect(node.httpRequestCount == 0)
    }
}
