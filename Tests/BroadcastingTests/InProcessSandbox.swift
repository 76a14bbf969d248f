import BundleFormat
import EthereumPrimitives
import EthereumRPC
import Foundation
import HTTPTransport
import LoopbackHTTP
import PaymentAPI
import Sandbox
import Secp256k1

/// A sandbox answering in-process: the package's own clients talk to it through an `InProcessTransport`, so
/// the counts of HTTP exchanges are exact and nothing listens on a port.
struct InProcessSandbox {
    static let payer: PrivateKey = {
        do { return try PrivateKey(SecretBytes([UInt8](repeating: 0x46, count: 32))) } catch {
            preconditionFailure("test key: \(error)")
        }
    }()

    let sandbox: Sandbox
    let configuration: SandboxConfiguration

    init(chainID: UInt64 = 31337, fundEther: UInt64 = 10, _ configure: (inout SandboxConfiguration) -> Void = { _ in }) throws {
        var c = SandboxConfiguration(chainID: ChainID(chainID))
        c.blockTimeMilliseconds = 0
        c.automine = true
        c.creditsCacheSeconds = 0
        c.funding = [(Self.payer.address, Wei(UInt256(fundEther) * UInt256.powerOfTen(18)))]
        configure(&c)
        configuration = c
        sandbox = try Sandbox(configuration: c, log: { _ in })
    }

    var transport: InProcessTransport { InProcessTransport { [sandbox] in await sandbox.handle($0) } }

    /// A fresh client (its round-trip counter starts at zero).
    var rpc: JSONRPCClient { JSONRPCClient(endpoint: Self.base.appendingPathComponent("rpc"), transport: transport) }

    func api(key: String = "sandbox-key") throws -> PaymentAPIClient {
        PaymentAPIClient(
            apiKey: try APIKey(key), baseURL: Self.base.appendingPathComponent("api/v1"), transport: transport,
            retryPolicy: .never)
    }

    static let base: URL = {
        guard let url = URL(string: "http://sandbox.test/") else { preconditionFailure("constant URL") }
        return url
    }()
}
