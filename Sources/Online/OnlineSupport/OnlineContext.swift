import ArgumentParser
public import BundleFormat
import CommandLineSupport
public import EthereumPrimitives
public import EthereumRPC
import Foundation
import HTTPTransport
public import PaymentAPI

/// The clients and chain facts `prepare` and `broadcast` share, built from their command-line options.
public struct OnlineContext: Sendable {
    /// The chain.
    public let chainID: ChainID
    /// Its contracts (built in, or from a network file); nil only when not required.
    public let deployment: Deployment?
    /// The first (or only) node.
    public let rpc: JSONRPCClient
    /// Every node given.
    public let rpcs: [JSONRPCClient]
    /// The OpenRouter client, when a key is available.
    public let api: PaymentAPIClient?

    /// Builds the context; `needsAPI` makes a missing key an error.
    public init(
        chain: String, rpcURL: String, apiURL: String, apiKeyFile: String?, networkFile: String?,
        needsAPI: Bool, extraRPCURLs: [String] = [], requireDeployment: Bool = true, apiTimeoutSeconds: Int = 30
    ) throws {
        guard let chainID = ChainID(name: chain) else { throw ValidationError("--chain: unknown chain \(chain)") }
        self.chainID = chainID
        if let networkFile {
            let file: Deployment
            do { file = try Deployment(networkFile: InputFile.read(networkFile, what: .network)) } catch let error
                as BundleError
            {
                throw CommandError(
                    kind: "invalidNetworkFile", message: "network file \(networkFile): \(error)", exitStatus: .dataError)
            }
            guard file.chainID == chainID else {
                throw CommandError(
                    kind: "invalidNetworkFile",
                    message: "network file \(networkFile) is for chain \(file.chainID), not \(chainID)", exitStatus: .dataError)
            }
            deployment = file
        } else if let builtIn = Deployment.builtIn(for: chainID) {
            deployment = builtIn
        } else if !requireDeployment {
            deployment = nil
        } else {
            throw CommandError(
                kind: "unknownChain", message: "no contract addresses known for chain \(chainID); pass --network-file",
                exitStatus: .usage)
        }
        let transport = HTTP.systemTransport()
        rpcs = try ([rpcURL] + extraRPCURLs).map {
            JSONRPCClient(endpoint: try Self.url($0, option: "--rpc-url"), transport: transport)
        }
        rpc = rpcs[0]
        if let key = try Self.apiKey(file: apiKeyFile) {
            api = PaymentAPIClient(
                apiKey: key, baseURL: try Self.url(apiURL, option: "--api-url"), transport: transport,
                timeout: .seconds(apiTimeoutSeconds))
        } else if needsAPI {
            throw Self.noAPIKey
        } else {
            api = nil
        }
    }

    static let noAPIKey = CommandError(
        kind: "noAPIKey", message: "set OPENROUTER_API_KEY or pass --api-key-file",
        exitStatus: .usage)

    /// An API client alone (for `broadcast balance`).
    public static func apiClient(apiURL: String, apiKeyFile: String?) throws -> PaymentAPIClient {
        guard let key = try apiKey(file: apiKeyFile) else { throw noAPIKey }
        return PaymentAPIClient(apiKey: key, baseURL: try url(apiURL, option: "--api-url"), transport: HTTP.systemTransport())
    }

    /// The deployment, which `prepare` always needs.
    public func requiredDeployment() throws -> Deployment {
        guard let deployment else {
            throw CommandError(
                kind: "unknownChain", message: "no contract addresses known for chain \(chainID); pass --network-file",
                exitStatus: .usage)
        }
        return deployment
    }

    /// A node's average block time, for fee headroom: 12 s on Ethereum, 2 s elsewhere.
    public var secondsPerBlock: UInt64 { KnownChain.entry(for: chainID)?.secondsPerBlock ?? 2 }

    /// The smallest tip worth offering: Polygon nodes refuse tips below 25 gwei.
    public var minimumPriorityFee: Wei {
        KnownChain.entry(for: chainID)?.minimumPriorityFee ?? Wei(UInt256(1_000_000_000))
    }

    /// The credit balance.
    public func credits(_ api: PaymentAPIClient) async throws -> Credits {
        try await api.credits()
    }

    /// Parses an address option.
    public static func address(_ text: String, option: String) throws -> Address {
        do { return try Address(hex: text, field: option) } catch { throw ValidationError("\(error)") }
    }

    static func url(_ text: String, option: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("\(option): expected an http(s) URL, found \(text)")
        }
        return url
    }

    /// The API key from --api-key-file or OPENROUTER_API_KEY (the online machine's credential, not a wallet secret).
    static func apiKey(file: String?) throws -> APIKey? {
        var text: String?
        if let file {
            text = String(decoding: try InputFile.read(file, what: .apiKey), as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map(String.init)
        } else {
            text = ProcessInfo.processInfo.environment["OPENROUTER_API_KEY"]
        }
        guard let text, !text.isEmpty else { return nil }
        do { return try APIKey(text.trimmingCharacters(in: .whitespaces)) } catch {
            throw CommandError(kind: "invalidAPIKey", message: error.description, exitStatus: .usage)
        }
    }
}

/// Step 3 of OpenRouter's guide: buy only when the balance runs low.
public enum Topping {
    /// Whether `remaining` (an exact decimal, possibly negative) is below `threshold` USD.
    public static func needed(remaining: String?, threshold: String) throws -> Bool {
        guard let remaining else { return true }
        let limit: UInt256
        do { limit = try DecimalAmount.parse(threshold, decimals: 12, field: "--if-below") } catch {
            throw ValidationError("\(error)")
        }
        // Negative (usage above credits) or too precise to compare exactly: buy.
        guard let value = Credits.picoUSD(remaining) else { return true }
        return value < limit
    }
}
