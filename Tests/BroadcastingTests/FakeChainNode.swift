import BundleFormat
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import HTTPTransport
import LoopbackHTTP
import PaymentAPI

/// A scripted node for checkout payments: it takes any raw transaction, "mines" it in block 16 at once, and answers
/// the receipt and the mined transaction the test wrote — so a test plays an honest node, a lying node, or a
/// token that moves nothing, without a token contract anywhere.
final class FakeChainNode: @unchecked Sendable {
    /// What the node says about a mined transaction; nil fields are taken from the signed bytes.
    struct Script {
        /// Receipt `status`.
        var status = 1
        /// Receipt `logs`.
        var logs: [Log] = []
        /// Receipt `from`; nil: the signer.
        var receiptFrom: Address?
        /// The mined transaction's `value`; nil: the signed one.
        var minedValue: Wei?
        /// The mined transaction's `to`; nil: the signed one.
        var minedTo: Address?
    }

    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private let chainID: UInt64
    private var script: Script
    private var sentRaw: [SignedTransaction] = []
    /// The block every transaction is mined in.
    static let block: UInt64 = 16

    init(chainID: UInt64 = 8453, script: Script = Script()) {
        self.chainID = chainID
        self.script = script
    }

    /// Raw transactions received.
    var sent: [SignedTransaction] { lock.withLock { sentRaw } }

    /// A client for this node.
    var rpc: JSONRPCClient {
        guard let url = URL(string: "http://fake-node.test/rpc") else { preconditionFailure("constant URL") }
        return JSONRPCClient(endpoint: url, transport: InProcessTransport { [self] in handle($0) })
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard let body = try? JSONSerialization.jsonObject(with: request.body) else {
            return HTTPResponse(status: 400, text: "not JSON")
        }
        if let calls = body as? [[String: Any]] {
            return HTTPResponse(status: 200, text: "[" + calls.map(answer).joined(separator: ",") + "]")
        }
        return HTTPResponse(status: 200, text: answer(body as? [String: Any] ?? [:]))
    }

    private func answer(_ call: [String: Any]) -> String {
        let id = (call["id"] as? Int).map(String.init) ?? (call["id"] as? String).map { "\"\($0)\"" } ?? "null"
        let params = call["params"] as? [Any] ?? []
        let result: String
        switch call["method"] as? String ?? "" {
        case "eth_chainId": result = quoted(UInt256(chainID))
        case "eth_blockNumber": result = quoted(UInt256(Self.block))
        case "eth_getTransactionCount": result = "\"0x0\""
        case "eth_getBlockByNumber":
            result = #"{"number":\#(quoted(UInt256(Self.block))),"timestamp":"0x1","baseFeePerGas":"0x1"}"#
        case "eth_sendRawTransaction":
            guard let text = params.first as? String, let raw = try? Hex.decode(text, field: "raw"),
                let signed = try? SignedTransaction(rawTransaction: raw)
            else { return #"{"jsonrpc":"2.0","id":\#(id),"error":{"code":-32602,"message":"bad raw"}}"# }
            lock.withLock { sentRaw.append(signed) }
            result = "\"\(signed.transactionHash.hex)\""
        case "eth_getTransactionReceipt": result = mined(params.first as? String).map(receipt) ?? "null"
        case "eth_getTransactionByHash": result = mined(params.first as? String).map(transaction) ?? "null"
        default:
            return #"{"jsonrpc":"2.0","id":\#(id),"error":{"code":-32601,"message":"not scripted"}}"#
        }
        return #"{"jsonrpc":"2.0","id":\#(id),"result":\#(result)}"#
    }

    private func mined(_ hash: String?) -> SignedTransaction? {
        lock.withLock { sentRaw.first { $0.transactionHash.hex == hash } }
    }

    private func quoted(_ value: UInt256) -> String { "\"\(value.quantity)\"" }

    private func signer(_ tx: SignedTransaction) -> Address {
        (try? tx.recoverSender()) ?? Address(uncheckedBytes: [UInt8](repeating: 0, count: 20))
    }

    private func receipt(_ tx: SignedTransaction) -> String {
        let script = lock.withLock { self.script }
        let logs = script.logs.enumerated().map { index, log in
            #"{"address":"\#(log.address.lowercased)","topics":[\#(log.topics.map { "\"\($0.hex)\"" }.joined(separator: ","))],"#
                + #""data":"\#(Hex.encode(log.data))","logIndex":\#(quoted(UInt256(UInt64(index))))}"#
        }
        return #"{"transactionHash":"\#(tx.transactionHash.hex)","blockNumber":\#(quoted(UInt256(Self.block))),"#
            + #""blockHash":"0x\#(String(repeating: "ab", count: 32))","from":"\#((script.receiptFrom ?? signer(tx)).lowercased)","#
            + #""to":"\#(tx.transaction.to.lowercased)","status":\#(quoted(UInt256(UInt64(script.status)))),"#
            + #""gasUsed":"0x5208","effectiveGasPrice":"0x3b9aca00","logs":[\#(logs.joined(separator: ","))]}"#
    }

    private func transaction(_ tx: SignedTransaction) -> String {
        let script = lock.withLock { self.script }
        let body = tx.transaction
        return #"{"hash":"\#(tx.transactionHash.hex)","from":"\#(signer(tx).lowercased)","#
            + #""to":"\#((script.minedTo ?? body.to).lowercased)","nonce":\#(quoted(UInt256(body.nonce))),"#
            + #""value":\#(quoted((script.minedValue ?? body.value).amount)),"input":"\#(Hex.encode(body.data))","#
            + #""gas":\#(quoted(UInt256(body.gasLimit))),"type":"0x2","blockNumber":\#(quoted(UInt256(Self.block))),"#
            + #""blockHash":"0x\#(String(repeating: "ab", count: 32))"}"#
    }
}

/// An OpenRouter credits endpoint answering the totals a test lists, one per request (the last one repeats).
final class FakeCredits: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var totals: [String]

    init(_ totals: [String]) { self.totals = totals }

    /// A client for it.
    func api() throws -> PaymentAPIClient {
        guard let url = URL(string: "http://credits.test/api/v1") else { preconditionFailure("constant URL") }
        return PaymentAPIClient(
            apiKey: try APIKey("test-key"), baseURL: url,
            transport: InProcessTransport { [self] _ in
                let total = lock.withLock { totals.count > 1 ? totals.removeFirst() : totals[0] }
                return HTTPResponse(status: 200, text: #"{"data":{"total_credits":\#(total),"total_usage":0}}"#)
            }, retryPolicy: .never)
    }
}
