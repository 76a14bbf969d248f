import SigningKeys
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import HTTPTransport
import LoopbackHTTP
import Sandbox
import Secp256k1
import StrictJSON
import Synchronization
import TestSupport

/// A wall clock the test moves by hand.
final class TestClock: Sendable {
    private let seconds: Mutex<UInt64>
    init(_ start: UInt64 = 1_900_000_000) { seconds = Mutex(start) }
    var now: UInt64 { seconds.withLock { $0 } }
    func advance(_ delta: UInt64) { seconds.withLock { $0 += delta } }
    var closure: @Sendable () -> UInt64 { { [self] in now } }
}

/// Keys and addresses the tests use; expected values come from docs/protocol.md and formats/, not from the sandbox.
enum Keys {
    static func key(_ byte: UInt8) -> PrivateKey {
        do { return try PrivateKey(SecretBytes([UInt8](repeating: byte, count: 32))) } catch {
            preconditionFailure("test key: \(error)")
        }
    }
    /// 32 × 0x46 → 0x9d8A…5A4F (docs/protocol.md §4).
    static let payer = key(0x46)
    /// 32 × 0x11 → 0x19E7…Ff2A, the sandbox operator (formats/ examples).
    static let sandboxOperator = key(0x11)
    /// An unfunded, unregistered key.
    static let stranger = key(0x47)
    static let payerAddress = address("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
    static let operatorAddress = address("0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A")

    static func address(_ text: String) -> Address {
        do { return try Address(hex: text) } catch { preconditionFailure("test address: \(error)") }
    }
}

/// A sandbox answering in-process, with manual mining, no cache and a pinned clock unless configured otherwise.
struct Harness {
    let sandbox: Sandbox
    let clock: TestClock
    let configuration: SandboxConfiguration
    static let ether = UInt256.powerOfTen(18)
    static let gwei = UInt256.powerOfTen(9)

    init(
        chainID: UInt64 = 31337, clock: TestClock = TestClock(),
        _ configure: (inout SandboxConfiguration) throws -> Void = { _ in }
    ) throws {
        var c = SandboxConfiguration(chainID: ChainID(chainID))
        c.blockTimeMilliseconds = 0
        c.creditsCacheSeconds = 0
        c.funding = [(Keys.payerAddress, Wei(Self.ether * 10))]
        try configure(&c)
        configuration = c
        self.clock = clock
        sandbox = try Sandbox(configuration: c, log: { _ in }, wallClock: clock.closure)
    }

    var deployment: Deployment { configuration.deployment }

    func request(_ method: HTTPMethod, _ path: String, body: String? = nil, key: String? = nil) async
        -> HTTPResponse
    {
        guard let url = URL(string: "http://sandbox.test" + path) else { preconditionFailure("bad path \(path)") }
        var headers: HTTPHeaders = [:]
        if let key { headers["Authorization"] = "Bearer \(key)" }
        return await sandbox.handle(
            HTTPRequest(
                method: method, url: url, headers: headers,
                body: Data((body ?? "").utf8)))
    }

    /// A transport that calls the sandbox in-process, for the package's own clients.
    var transport: InProcessTransport { InProcessTransport { [sandbox] in await sandbox.handle($0) } }

    /// The whole JSON-RPC answer object.
    func rpc(_ method: String, _ params: [JSONValue] = []) async throws -> JSONValue {
        let body = JSON.serializedString(
            .object([
                "jsonrpc": .string("2.0"), "id": JSONValue(1), "method": .string(method), "params": .array(params),
            ]))
        return try JSON.parse(await request(.post, "/rpc", body: body).body)
    }

    /// The `result`, failing the test on an error answer.
    func result(_ method: String, _ params: [JSONValue] = []) async throws -> JSONValue {
        let answer = try await rpc(method, params)
        guard let result = answer["result"] else { throw HarnessError.unexpected("\(method): \(answer)") }
        return result
    }

    /// The `error` object of an answer that must fail.
    func rpcError(_ method: String, _ params: [JSONValue] = []) async throws -> RPCErrorAnswer {
        let answer = try await rpc(method, params)
        guard let error = answer["error"], let code = error["code"]?.numberText.flatMap({ Int($0) }),
            let message = error["message"]?.stringValue
        else { throw HarnessError.unexpected("\(method) did not fail: \(answer)") }
        return RPCErrorAnswer(code: code, message: message, data: error["data"]?.stringValue.map(hexBytes))
    }

    func quantity(_ method: String, _ params: [JSONValue] = []) async throws -> UInt256 {
        guard let text = try await result(method, params).stringValue else { throw HarnessError.unexpected(method) }
        return try UInt256(quantity: text, field: method)
    }

    func balance(_ address: Address) async throws -> UInt256 {
        try await quantity("eth_getBalance", [.string(address.lowercased), .string("latest")])
    }

    func send(_ raw: [UInt8]) async throws -> JSONValue {
        try await rpc("eth_sendRawTransaction", [.string(Hex.encode(raw))])
    }

    func receipt(_ hash: Hash32) async throws -> JSONValue {
        try await result("eth_getTransactionReceipt", [.string(hash.hex)])
    }

    /// Creates a charge through the API and parses it with BundleFormat.
    func charge(amount: String = "10", sender: Address = Keys.payerAddress) async throws -> Charge {
        let body =
            "{\"amount\":\(amount),\"sender\":\"\(sender.checksummed)\","
            + "\"chain_id\":\(deployment.chainID.value)}"
        let response = await request(.post, "/api/v1/credits/coinbase", body: body, key: "sandbox-key")
        guard response.status == 200 else { throw HarnessError.unexpected("charge: \(response.bodyExcerpt())") }
        return try Charge(responseBody: response.body)
    }
}

struct RPCErrorAnswer: Equatable {
    let code: Int
    let message: String
    let data: [UInt8]?
}

enum HarnessError: Error { case unexpected(String) }
