import Foundation
import EthereumPrimitives
import HTTPTransport
import StrictJSON

/// The JSON-RPC 2.0 endpoint: single requests and batches, notifications, the standard error codes, and the
/// `rpc` faults (an HTTP error status instead of any answer, as a node behind a failing proxy gives).
struct RPCServer: Sendable {
    let node: ChainNode
    let faults: FaultInjector
    /// What `eth_maxPriorityFeePerGas` answers (and `eth_gasPrice` adds to the base fee).
    let suggestedTip: UInt256

    /// Answers one HTTP request to the RPC path.
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let fault = faults.take(.rpc)
        await FaultInjector.delay(fault)
        if let fault, let status = fault.status { return fault.rpcResponse(status: status) }
        let document: JSONValue
        do { document = try JSON.parse(request.body) } catch {
            return reply(Self.envelope(id: .null, failure: .parseError("parse error")))
        }
        switch document {
        case .array(let requests):
            guard !requests.isEmpty else {
                return reply(Self.envelope(id: .null, failure: .invalidRequest("empty batch")))
            }
            let answers = requests.compactMap(respond)
            return answers.isEmpty ? HTTPResponse(status: 200) : reply(.array(answers))
        case .object:
            guard let answer = respond(document) else { return HTTPResponse(status: 200) }
            return reply(answer)
        default:
            return reply(Self.envelope(id: .null, failure: .invalidRequest("invalid request")))
        }
    }

    /// The answer to one request object, or nil for a notification (no `id`).
    func respond(_ request: JSONValue) -> JSONValue? {
        let invalidRequest = RPCFailure.invalidRequest("invalid request")
        guard case .object = request else { return Self.envelope(id: .null, failure: invalidRequest) }
        let id = request["id"]  // echoed back as sent (`null` included); absent marks a notification
        if let id, !Self.isValidID(id) { return Self.envelope(id: .null, failure: invalidRequest) }
        var members = JSONReader(request) { field in
            field.path == "params" ? RPCFailure.invalidParams("non-array args") : invalidRequest
        }
        let method: String
        let params: [JSONValue]
        do throws(RPCFailure) {
            guard try members.string("jsonrpc") == "2.0" else { throw invalidRequest }
            method = try members.string("method")
            params = try members.optionalField("params")?.elements().map(\.value) ?? []
        } catch {
            return Self.envelope(id: id ?? .null, failure: error)
        }
        let answer: JSONValue
        do {
            let result = try dispatch(method, RPCParams(values: params))
            answer = .object(["jsonrpc": .string("2.0"), "id": id ?? .null, "result": result])
        } catch {
            answer = Self.envelope(id: id ?? .null, failure: error)
        }
        return id == nil ? nil : answer
    }

    private func reply(_ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(JSON.serialize(value)))
    }

    private static func isValidID(_ id: JSONValue) -> Bool {
        switch id {
        case .string, .number, .null: return true
        default: return false
        }
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…,"data"?:…}}`.
    static func envelope(id: JSONValue, failure: RPCFailure) -> JSONValue {
        var error: [String: JSONValue] = ["code": .number(String(failure.code)), "message": .string(failure.message)]
        if let data = failure.data { error["data"] = .string(data) }
        return .object(["jsonrpc": .string("2.0"), "id": id, "error": .object(error)])
    }
}
