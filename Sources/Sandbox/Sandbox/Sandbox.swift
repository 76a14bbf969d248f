import Foundation
import StrictJSON
public import BundleFormat
public import HTTPTransport
public import EthereumPrimitives
import LoopbackHTTP
import Synchronization

/// A local stand-in for OpenRouter's credits API and for an Ethereum node with Coinbase's Transfers contract and
/// Uniswap's QuoterV2, on one loopback port, so prepare → sign → broadcast runs end to end without real money.
///
/// Paths: `/api/v1/credits/coinbase` and `/api/v1/credits` (``CreditsAPI``), `/api/v1/checkouts[/{id}]`
/// (``CheckoutAPI``), `/rpc` (JSON-RPC, also `/`),
/// `/sandbox/faults`, `/sandbox/credits`, `/sandbox/info` (admin). ``handle(_:)`` answers in-process (tests wrap
/// it in an `InProcessTransport`); ``start()`` serves it on 127.0.0.1 and mines a block every block time;
/// ``stop()`` stops both, saves the state file, and leaves nothing running.
public final class Sandbox: Sendable {
    /// The configuration it was created with.
    public let configuration: SandboxConfiguration
    let node: ChainNode
    let faults: FaultInjector
    private let api: CreditsAPI
    private let checkouts: CheckoutAPI
    private let rpc: RPCServer
    private let admin: AdminAPI
    private typealias Running = (server: LoopbackHTTPServer, miner: Task<Void, Never>?, endpoints: SandboxEndpoints)
    private let running = Mutex<Running?>(nil)
    /// The exclusive lock on `STATE.lock`, held from ``init(configuration:log:wallClock:)`` to ``stop()``: one
    /// sandbox per state file.
    private let stateLock: Mutex<LockedAppendFile?>

    /// Builds the chain (from the state file when it exists), funds the accounts and arms the startup faults.
    /// - Parameters:
    ///   - log: where warnings go (default: standard error).
    ///   - wallClock: Unix seconds now (tests may pin it).
    public init(
        configuration: SandboxConfiguration, log: @escaping @Sendable (String) -> Void = Sandbox.standardError,
        wallClock: @escaping @Sendable () -> UInt64 = Sandbox.systemClock
    ) throws(SandboxError) {
        self.configuration = configuration
        let rules = ChainRules(configuration: configuration)
        var state: SandboxState
        stateLock = Mutex(try Self.lockState(configuration.statePath))
        if let path = configuration.statePath, FileManager.default.fileExists(atPath: path) {
            let bytes: [UInt8]
            do { bytes = try BoundedFile.read(path, what: "sandbox state file", cap: InputLimit.log) } catch {
                throw .stateFile(path: path, reason: "cannot read: \(error)")
            }
            state = try StateFile.decode(bytes, path: path, rules: rules)
        } else {
            state = SandboxState(
                rules: rules, timestamp: wallClock(),
                credits: CreditsLedger(
                    totalCredits: configuration.initialCredits, totalUsage: configuration.initialUsage))
        }
        for (address, amount) in configuration.funding {
            state.accounts[address, default: Account()].balance = amount.amount
        }
        for (address, units) in configuration.usdcFunding { state.tokenBalances[address] = units }
        node = ChainNode(
            rules: rules, state: state, automine: configuration.automine,
            statePath: configuration.statePath, wallClock: wallClock, log: log)
        faults = FaultInjector(configuration.faults)
        api = CreditsAPI(
            factory: ChargeFactory(
                deployment: configuration.deployment, operatorKey: configuration.operatorKey,
                recipient: configuration.recipient, feeBasisPoints: configuration.feeBasisPoints,
                lifetimeSeconds: configuration.intentLifetimeSeconds),
            apiKeys: Set(configuration.apiKeys), managementKeys: Set(configuration.managementKeys),
            chargeLimitsCents: configuration.chargeLimitsCents, cacheSeconds: configuration.creditsCacheSeconds,
            node: node, faults: faults)
        checkouts = CheckoutAPI(
            node: node, usdc: configuration.deployment.usdc,
            network: CheckoutAPI.network(for: configuration.chainID),
            lifetimeSeconds: configuration.checkoutLifetimeSeconds, limitsCents: configuration.chargeLimitsCents,
            faults: faults, authenticate: { [api] in api.authenticate($0, managementOnly: false) })
        rpc = RPCServer(node: node, faults: faults, suggestedTip: configuration.suggestedTip.amount)
        admin = AdminAPI(node: node, faults: faults)
        node.save()
    }

    /// Unix seconds from the system clock.
    public static let systemClock: @Sendable () -> UInt64 = { ChainNode.systemWallClock() }

    /// Writes a line to standard error.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Answers one request as the server would.
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let method = request.method
        let path = request.url.path
        if path == "/api/v1/checkouts" { return await checkouts.handle(request, id: nil) }
        if path.hasPrefix("/api/v1/checkouts/"), case let id = String(path.dropFirst("/api/v1/checkouts/".count)),
            !id.isEmpty, !id.contains("/")
        {
            return await checkouts.handle(request, id: id)
        }
        switch path {
        case "/api/v1/credits/coinbase" where method == .post: return await api.createCharge(request)
        case "/api/v1/credits" where method == .get: return await api.credits(request)
        case "/rpc" where method == .post, "/" where method == .post: return await rpc.handle(request)
        case "/sandbox/faults": return admin.faults(request)
        case "/sandbox/credits" where method == .post: return admin.setCredits(request)
        case "/sandbox/info" where method == .get:
            guard let endpoints else { return APIResponses.error(503, "not listening") }
            return HTTPResponse(status: 200, text: endpoints.jsonLine)
        case "/api/v1/credits/coinbase", "/api/v1/credits", "/rpc", "/sandbox/credits", "/sandbox/info":
            return APIResponses.error(405, APIResponses.reason(405))
        default: return APIResponses.error(404, APIResponses.reason(404))
        }
    }

    /// Starts serving on 127.0.0.1 and mining; returns where it listens.
    /// - Parameters:
    ///   - port: the port to bind; 0 (the default) lets the kernel pick a free one.
    ///   - networkFile: a network file the caller wrote for these addresses, reported in the endpoints.
    public func start(port requestedPort: UInt16 = 0, networkFile: String? = nil) throws(SandboxError)
        -> SandboxEndpoints
    {
        let server = LoopbackHTTPServer { [self] request in await handle(request) }
        let port: UInt16
        do { port = try server.start(port: requestedPort) } catch { throw .server(reason: "\(error)") }
        let endpoints = SandboxEndpoints(
            port: port, deployment: configuration.deployment,
            operator: configuration.operatorAddress, networkFile: networkFile)
        let interval = configuration.blockTimeMilliseconds
        let miner: Task<Void, Never>? =
            interval == 0
            ? nil
            : Task.detached { [node] in
                while !Task.isCancelled {
                    do { try await Task.sleep(for: .milliseconds(Int64(clamping: interval))) } catch { return }
                    node.mine()
                }
            }
        running.withLock { $0 = (server, miner, endpoints) }
        return endpoints
    }

    /// Where it listens, once started.
    public var endpoints: SandboxEndpoints? { running.withLock { $0?.endpoints } }

    /// Stops mining and serving (when started), waits for both, and saves the state file.
    public func stop() async {
        if let current = running.withLock({ state in
            defer { state = nil }; return state
        }) {
            current.miner?.cancel()
            await current.miner?.value
            await current.server.stop()
        }
        node.save()
        stateLock.withLock { lock in
            lock?.close()
            lock = nil
        }
    }

    /// Locks `STATE.lock` at once (no wait): a second sandbox on the same state file would overwrite the first's.
    private static func lockState(_ path: String?) throws(SandboxError) -> LockedAppendFile? {
        guard let path else { return nil }
        do {
            return try LockedAppendFile.open(path + ".lock", what: "sandbox state lock", cap: 4096, timeoutSeconds: 0)
        } catch .locked(_, _, let holder, _) {
            throw .stateFile(
                path: path, reason: "in use by \(holder.map { "process \($0)" } ?? "another sandbox"); one sandbox per state file"
            )
        } catch {
            throw .stateFile(path: path, reason: "cannot lock: \(error)")
        }
    }

    /// Mines `count` blocks now (tests, demos); returns the newest block number.
    @discardableResult
    public func mine(count: Int = 1) -> UInt64 { node.mine(count: count) }
}

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
            "wrappedNative": .string(deployment.wrappedNative.checksummed),
            "usdc": .string(deployment.usdc.checksummed),
        ]
        if let networkFile { members["networkFile"] = .string(networkFile) }
        return JSON.serializedString(.object(members))
    }
}
