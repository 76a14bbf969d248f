import EthereumPrimitives
import EthereumRPC
import Foundation
import HTTPTransport
import LoopbackHTTP
import StrictJSON
import Synchronization

/// A scripted node for the checkout preparer: answers each call of a batch by method (and `eth_call` by whether it
/// is `balanceOf`), and keeps every HTTP request body so tests can assert what was asked, in how many requests.
final class FakeCheckoutNode: Sendable {
    /// What the node says.
    struct Script: Sendable {
        var chainID: UInt64 = 8453
        var nonce: UInt64 = 7
        /// Every block's base fee (wei) in the fee history.
        var baseFee: UInt64 = 1_000_000_000
        /// Every block's median tip (wei).
        var tip: UInt64 = 2_000_000_000
        var native = UInt256(1) * UInt256.powerOfTen(18)
        var token = UInt256(50_000_000)
        /// The `result` (JSON text) or `error` object of the payment's `eth_call`.
        var call: Answer = .result("\"0x" + String(repeating: "0", count: 63) + "1\"")
        /// The `result` or `error` of `eth_estimateGas`.
        var estimate: Answer = .result("\"0xc350\"")
    }

    /// A result or an error object, as JSON text.
    enum Answer: Sendable {
        case result(String)
        case error(String)
    }

    let script: Script
    private let log = Mutex<[JSONValue]>([])

    init(_ script: Script = Script()) { self.script = script }

    /// Every request body received, parsed (one entry per HTTP request).
    var requests: [JSONValue] { log.withLock { $0 } }

    /// A client talking to this node in-process.
    func client() -> JSONRPCClient {
        JSONRPCClient(
            endpoint: URL(string: "http://node.invalid/rpc") ?? URL(fileURLWithPath: "/"),
            transport: InProcessTransport { [self] request in self.handle(request) })
    }

    /// An `Error(string)` revert as a geth-style error object.
    static func revert(_ data: [UInt8]) -> Answer {
        .error(#"{"code":3,"message":"execution reverted","data":"\#(Hex.encode(data))"}"#)
    }

    private func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard let body = try? JSON.parse(request.body) else { return HTTPResponse(status: 400, text: "not JSON") }
        log.withLock { $0.append(body) }
        let calls = body.arrayValue ?? [body]
        let parts = calls.map(answer)
        return HTTPResponse(status: 200, text: body.arrayValue == nil ? parts[0] : "[" + parts.joined(separator: ",") + "]")
    }

    private func answer(_ call: JSONValue) -> String {
        let id = call["id"]?.numberText ?? "null"
        let reply: Answer
        switch call["method"]?.stringValue ?? "" {
        case "eth_chainId": reply = .result(Self.quantity(UInt256(script.chainID)))
        case "eth_getTransactionCount": reply = .result(Self.quantity(UInt256(script.nonce)))
        case "eth_getBalance": reply = .result(Self.quantity(script.native))
        case "eth_feeHistory":
            let fees = Array(repeating: Self.quantity(UInt256(script.baseFee)), count: 11).joined(separator: ",")
            let rewards = Array(repeating: "[\(Self.quantity(UInt256(script.tip)))]", count: 10).joined(separator: ",")
            let ratios = Array(repeating: "0.5", count: 10).joined(separator: ",")
            reply = .result(
                #"{"oldestBlock":"0x64","baseFeePerGas":[\#(fees)],"gasUsedRatio":[\#(ratios)],"reward":[\#(rewards)]}"#)
        case "eth_call":
            let data = call["params"]?.arrayValue?.first?["data"]?.stringValue ?? ""
            if data.hasPrefix("0x70a08231") {
                reply = .result("\"" + Hex.encode(script.token.bigEndianBytes) + "\"")
            } else {
                reply = script.call
            }
        case "eth_estimateGas": reply = script.estimate
        default: reply = .error(#"{"code":-32601,"message":"no such method"}"#)
        }
        switch reply {
        case .result(let json): return #"{"jsonrpc":"2.0","id":\#(id),"result":\#(json)}"#
        case .error(let json): return #"{"jsonrpc":"2.0","id":\#(id),"error":\#(json)}"#
        }
    }

    private static func quantity(_ value: UInt256) -> String { "\"" + value.quantity + "\"" }
}
