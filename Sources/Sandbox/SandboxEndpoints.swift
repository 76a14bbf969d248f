public import BundleFormat
public import EthereumPrimitives
import StrictJSON

/// Where a running sandbox answers and what it serves: the one JSON line `sandbox serve` prints when ready.
public struct SandboxEndpoints: Sendable, Equatable {
    /// `http://127.0.0.1:<port>/api/v1`: the OpenRouter API root.
    public let apiURL: String
    /// `http://127.0.0.1:<port>/rpc`: the JSON-RPC endpoint.
    public let rpcURL: String
    /// The addresses served.
    public let deployment: Deployment
    /// The operator that signs intents.
    public let `operator`: Address
    /// A network file written for these addresses, if any.
    public var networkFile: String?

    /// Creates the description of a sandbox listening on `port`.
    public init(port: UInt16, deployment: Deployment, operator: Address, networkFile: String? = nil) {
        apiURL = "http://127.0.0.1:\(port)/api/v1"
        rpcURL = "http://127.0.0.1:\(port)/rpc"
        self.deployment = deployment
        self.operator = `operator`
        self.networkFile = networkFile
    }

    /// `{"apiURL","rpcURL","chainId","operator","transfers","quoterV2","wrappedNative","usdc","networkFile"?}` on
    /// one line, keys sorted, addresses EIP-55.
    public var jsonLine: String {
        var members: [String: JSONValue] = [
            "apiURL": .string(apiURL), "rpcURL": .string(rpcURL), "chainId": JSONValue(deployment.chainID.value),
            "operator": .string(`operator`.checksummed), "transfers": .string(deployment.transfers.checksummed),
            "quoterV2": .string(deployment.quoterV2.checksummed),
            "wrappedNative": .string(deployment.wrappedNative.checksummed), "usdc": .string(deployment.usdc.checksummed),
        ]
        if let networkFile { members["networkFile"] = .string(networkFile) }
        return JSON.serializedString(.object(members))
    }
}
