import EthereumPrimitives
import EthereumRPC
import Foundation
import HTTPTransport
import LoopbackHTTP
import StrictJSON
import Testing

@Suite("JSONRPCClient single calls")
struct JSONRPCClientTests {
    @Test("sends a JSON-RPC 2.0 envelope with a numeric id over a real socket")
    func sendsEnvelope() async throws {
        let node = FakeNode(["eth_getTransactionCount": .result(#""0x7""#)])
        let sender = try Address(hex: "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
        let nonce = try await withLoopbackClient(node) { try await $0.transactionCount(of: sender) }
        #expect(nonce == 7)
        let body = try #require(node.received.first)
        #expect(body["jsonrpc"] == .string("2.0"))
        #expect(body["method"] == .string("eth_getTransactionCount"))
        #expect(body["params"] == .array([.string("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"), .string("pending")]))
        #expect(body["id"]?.numberText != nil)
    }

    @Test("counts one round trip per single call")
    func countsRoundTrips() async throws {
        let node = FakeNode(["eth_chainId": .result(#""0x2105""#), "eth_blockNumber": .result(#""0x10""#)])
        let client = inProcessClient(node)
        #expect(try await client.chainID() == .base)
        #expect(try await client.blockNumber() == 16)
        #expect(client.roundTrips == 2)
        #expect(node.httpRequestCount == 2)
    }

    @Test(
        "refuses malformed quantities with the field named",
        arguments: [
            (#""0x02105""#, "leading zero"), (#""0x""#, "empty"), (#""0X2105""#, "upper-case prefix"),
            (#""0x2A""#, "upper-case digit"), (#""2105""#, "no prefix"),
        ]
    )
    func refusesNonCanonicalQuantities(result: String, label: String) async throws {
        let client = inProcessClient(FakeNode(["eth_chainId": .result(result)]))
        await #expect(throws: RPCError.self, "\(label)") { try await client.chainID() }
        do {
            _ = try await client.chainID()
        } catch {
            guard case .invalidField(let method, let field, let cause) = error else {
                Issue.record("expected invalidField, got \(error)")
                return
            }
            #expect(method == "eth_chainId" && field == "result")
            if case .nonCanonicalQuantity = cause {} else { Issue.record("\(label): \(cause)") }
        }
    }

    @Test("refuses a quantity sent as a JSON number")
    func refusesNumericQuantity() async {
        let client = inProcessClient(FakeNode(["eth_chainId": .result("8453")]))
        await #expect(
            throws: RPCError.wrongType(method: "eth_chainId", field: "result", expected: "a string", found: "number")
        ) {
            try await client.chainID()
        }
    }

    @Test("names a response with neither result nor error")
    func namesMissingResult() async {
        let client = inProcessClient(FakeNode(["eth_blockNumber": .verbatim(#"{"jsonrpc":"2.0","id":ID}"#)]))
        await #expect {
            try await client.blockNumber()
        } throws: { error in
            guard case .missingResult(method: "eth_blockNumber", _) = error as? RPCError else { return false }
            return true
        }
    }

    @Test(
        "refuses responses that break JSON-RPC 2.0",
        arguments: [
            #"{"id":ID,"result":"0x1"}"#,  // no jsonrpc member
            #"{"jsonrpc":"1.0","id":ID,"result":"0x1"}"#,
            #"{"jsonrpc":"2.0","id":ID,"result":"0x1","error":{"code":1,"message":"x"}}"#,
            #"{"jsonrpc":"2.0","id":999999,"result":"0x1"}"#,  // someone else's id
            #"{"jsonrpc":"2.0","id":"1","result":"0x1"}"#,  // string id
            #"{"jsonrpc":"2.0","id":ID,"error":{"code":"x","message":"m"}}"#,
            #"[{"jsonrpc":"2.0","id":ID,"result":"0x1"}]"#,  // array for a single call
        ]
    )
    func refusesMalformedEnvelopes(response: String) async {
        let client = inProcessClient(FakeNode(["eth_blockNumber": .verbatim(response)]))
        await #expect {
            try await client.blockNumber()
        } throws: { error in
            guard case .malformedResponse(method: "eth_blockNumber", _) = error as? RPCError else { return false }
            return true
        }
    }

    @Test("reports a body that is not JSON")
    func reportsInvalidJSON() async {
        let client = JSONRPCClient(
            endpoint: fakeEndpoint, transport: InProcessTransport { _ in HTTPResponse(status: 200, text: "<html>") })
        await #expect(
            throws: RPCError.invalidJSON(
                method: "eth_chainId", .unexpectedByte(offset: 0, found: 0x3c, expected: "a value"))
        ) {
            try await client.chainID()
        }
    }

    @Test("reports an HTTP error status with a body excerpt")
    func reportsHTTPStatus() async {
        let client = JSONRPCClient(
            endpoint: fakeEndpoint,
            transport: InProcessTransport { _ in
                HTTPResponse(status: 502, text: "<h1>Bad gateway</h1>", contentType: "text/html")
            })
        await #expect(throws: RPCError.httpStatus(status: 502, body: "<h1>Bad gateway</h1>")) {
            try await client.chainID()
        }
    }

    @Test("prefers the JSON-RPC error object when a non-2xx status carries one")
    func prefersErrorObjectOnHTTPError() async {
        let body = #"{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"rate limit exceeded"}}"#
        let client = JSONRPCClient(
            endpoint: fakeEndpoint, transport: InProcessTransport { _ in HTTPResponse(status: 429, text: body) })
        await #expect(
            throws: RPCError.node(NodeError(method: "eth_chainId", code: -32005, message: "rate limit exceeded"))
        ) {
            try await client.chainID()
        }
    }

    @Test("wraps transport failures and counts the attempt")
    func wrapsTransportFailures() async {
        let client = JSONRPCClient(
            endpoint: fakeEndpoint,
            transport: InProcessTransport { request in throw HTTPTransportError.timedOut(url: request.origin) })
        await #expect(throws: RPCError.transport(.timedOut(url: "http://node.invalid"))) { try await client.chainID() }
        #expect(client.roundTrips == 1)
    }

    @Test("reports a refused connection from a real socket")
    func reportsRefusedConnection() async throws {
        let server = LoopbackHTTPServer { _ in HTTPResponse(status: 200) }
        let port = try server.start()
        await server.stop()
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/secret-key-path"))
        let client = JSONRPCClient(endpoint: url, transport: URLSessionTransport(), timeout: .seconds(5))
        await #expect {
            try await client.chainID()
        } throws: { error in
            guard case .transport(.cannotConnect(let origin, _)) = error as? RPCError else { return false }
            return origin == "http://127.0.0.1:\(port)"  // the path, which may hold an API key, is not shown
        }
    }
}
