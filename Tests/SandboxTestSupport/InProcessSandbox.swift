public import SigningKeys
import BundleFormat
import EthereumPrimitives
public import EthereumRPC
public import Foundation
import HTTPTransport
public import LoopbackHTTP
public import PaymentAPI
public import Sandbox
import Secp256k1

/// A sandbox answering in-process: the package's own clients talk to it through an `InProcessTransport`, so
/// the counts of HTTP exchanges are exact and nothing listens on a port.
public struct InProcessSandbox {
    /// The payer: 32 × 0x46 → 0x9d8A…5A4F, funded at start.
    public static let payer: PrivateKey = {
        do { return try PrivateKey(SecretBytes([UInt8](repeating: 0x46, count: 32))) } catch {
            preconditionFailure("test key: \(error)")
        }
    }()

    /// The sandbox.
    public let sandbox: Sandbox
    /// Its configuration.
    public let configuration: SandboxConfiguration

    /// Creates a sandbox with manual block times, automine on and the payer funded; `wallClock` is the sandbox's
    /// time (block timestamps, credit delays), so a test can share one clock with the code it drives.
    public init(
        chainID: UInt64 = 31337, fundEther: UInt64 = 10, _ configure: (inout SandboxConfiguration) -> Void = { _ in },
        wallClock: @escaping @Sendable () -> UInt64 = Sandbox.systemClock
    ) throws {
        var c = SandboxConfiguration(chainID: ChainID(chainID))
        c.blockTimeMilliseconds = 0
        c.automine = true
        c.creditsCacheSeconds = 0
        c.funding = [(Self.payer.address, Wei(UInt256(fundEther) * UInt256.powerOfTen(18)))]
        configure(&c)
        configuration = c
        sandbox = try Sandbox(configuration: c, log: { _ in }, wallClock: wallClock)
    }

    /// A transport into the sandbox's handler.
    public var transport: InProcessTransport { InProcessTransport { [sandbox] in await sandbox.handle($0) } }

    /// A fresh client (its round-trip counter starts at zero).
    public var rpc: JSONRPCClient { JSONRPCClient(endpoint: Self.base.appendingPathComponent("rpc"), transport: transport) }

    /// An API client with the given key and no retries.
    public func api(key: String = "sandbox-key") throws -> PaymentAPIClient {
        PaymentAPIClient(
            apiKey: try APIKey(key), baseURL: Self.base.appendingPathComponent("api/v1"), transport: transport,
            retryPolicy: .never)
    }

    /// The host the in-process requests name.
    public static let base: URL = {
        guard let url = URL(string: "http://sandbox.test/") else { preconditionFailure("constant URL") }
        return url
    }()
}
