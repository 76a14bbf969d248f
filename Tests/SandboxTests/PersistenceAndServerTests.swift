import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import HTTPTransport
import OfflineSigning
import PaymentAPI
import Sandbox
import StrictJSON
import Testing

@Suite("State file, loopback server, policy and addresses")
struct PersistenceAndServerTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).json").path
    }

    @Test("state persists across a restart: blocks, receipts, balances, pool, processed intents, clock and credits")
    func statePersists() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = TestClock()
        let first = try Harness(clock: clock) { $0.statePath = path }
        let charge = try await first.charge()
        let (paid, quote) = try await HappyPathTests.pay(first, charge)
        _ = try await first.result("sandbox_increaseTime", [.number("30")])
        first.sandbox.mine()
        let pending = Payments.transaction(
            chainID: ChainID(31337), nonce: 1,
            to: Keys.address("0x3535353535353535353535353535353535353535"), value: 1)
        _ = try await first.send(pending.rawTransaction)  // still in the pool when the sandbox stops
        let receiptBefore = try await first.receipt(paid.transactionHash.hash)
        let balanceBefore = try await first.balance(Keys.payerAddress)
        await first.sandbox.stop()

        let second = try Harness(clock: clock) {
            $0.statePath = path; $0.funding = []
        }
        #expect(try await second.quantity("eth_blockNumber") == UInt256(2))
        #expect(try await second.receipt(paid.transactionHash.hash) == receiptBefore)
        #expect(try await second.balance(Keys.payerAddress) == balanceBefore)
        let pooled = try await second.result("eth_getTransactionByHash", [.string(pending.transactionHash.hex)])
        #expect(pooled["blockNumber"] == .null)
        #expect(try await second.quantity("sandbox_time") == UInt256(clock.now + 30))
        let replay = try await TransfersContractTests.revert(second, charge.intent, value: quote)
        #expect(ContractRevert(revertData: replay.data ?? []) == .alreadyProcessed)
        let credits = await second.request(.get, "/api/v1/credits", key: "sandbox-management-key")
        #expect(try JSON.parse(credits.body)["data"]?["total_credits"] == .number("10.0"))
        second.sandbox.mine()
        #expect(try await second.receipt(pending.transactionHash.hash)["status"] == .string("0x1"))
    }

    @Test("a corrupt state file or one for another chain is refused")
    func badStateFiles() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Harness { $0.statePath = path }
        #expect(throws: SandboxError.chainIDMismatch(stateFile: 31337, configured: 8453)) {
            _ = try Harness(chainID: 8453) { $0.statePath = path }
        }
        try Data("{\"format\":\"something else\"}".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try Harness { $0.statePath = path }
        } throws: { error in
            if case .stateFile(let errorPath, _)? = error as? SandboxError { return errorPath == path }
            return false
        }
    }

    @Test("served on loopback: the package's clients work over real sockets, blocks are mined, stop ends it all")
    func loopbackServer() async throws {
        var configuration = SandboxConfiguration()
        configuration.blockTimeMilliseconds = 50
        configuration.funding = [(Keys.payerAddress, Wei(Harness.ether))]
        let sandbox = try Sandbox(configuration: configuration, log: { _ in })
        let endpoints = try sandbox.start()
        #expect(endpoints.apiURL.hasPrefix("http://127.0.0.1:"))
        #expect(endpoints.rpcURL.hasSuffix("/rpc"))
        let rpc = JSONRPCClient(endpoint: try #require(URL(string: endpoints.rpcURL)), transport: URLSessionTransport())
        #expect(try await rpc.chainID() == ChainID(31337))
        let api = PaymentAPIClient(
            apiKey: try APIKey("sandbox-key"),
            baseURL: try #require(
                URL(
                    string:
                        endpoints.apiURL)), transport: URLSessionTransport())
        _ = try Charge(
            responseBody: try await api.createCoinbaseCharge(
                amountUSD: "10", sender: Keys.payerAddress,
                chainID: ChainID(31337)))
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await rpc.blockNumber() >= 2)
        await sandbox.stop()
        await #expect(throws: RPCError.self) { _ = try await rpc.chainID() }
        #expect(sandbox.endpoints == nil)
    }

    @Test("the ready line has the documented keys and the deployment's addresses")
    func readyLine() throws {
        let deployment = SandboxAddresses.deployment(for: ChainID(8453))
        var endpoints = SandboxEndpoints(port: 8545, deployment: deployment, operator: Keys.operatorAddress)
        endpoints.networkFile = "/tmp/net.json"
        let line = try JSON.parse(endpoints.jsonLine)
        #expect(!endpoints.jsonLine.contains("\n"))
        #expect(
            line
                == .object([
                    "apiURL": .string("http://127.0.0.1:8545/api/v1"), "rpcURL": .string("http://127.0.0.1:8545/rpc"),
                    "chainId": .number("8453"), "operator": .string("0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A"),
                    "transfers": .string("0x03059433BCdB6144624cC2443159D9445C32b7a8"),
                    "quoterV2": .string("0x3d4e44Eb1374240CE5F1B871ab261CD16335B76a"),
                    "wrappedNative": .string("0x4200000000000000000000000000000000000006"),
                    "usdc": .string("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"), "networkFile": .string("/tmp/net.json"),
                ]))
    }

    @Test("other chain ids get fixed addresses distinct from every built-in one, readable as a network file")
    func derivedAddresses() throws {
        let test = SandboxAddresses.deployment(for: ChainID(31337))
        #expect(test == SandboxAddresses.deployment(for: ChainID(5)).withChain(31337))
        let builtIn = Deployment.all.flatMap { [$0.transfers, $0.quoterV2, $0.wrappedNative, $0.usdc] }
        #expect(Set([test.transfers, test.quoterV2, test.wrappedNative, test.usdc]).count == 4)
        #expect(Set(builtIn).isDisjoint(with: [test.transfers, test.quoterV2, test.wrappedNative, test.usdc]))
        #expect(try Deployment(networkFile: test.networkFileJSON()) == test)
    }

    @Test("the sandbox policy is a valid coldcredits.policy pinning its contract, operator, USDC and merchant")
    func policy() throws {
        let data = SandboxPolicy.json(
            chainID: ChainID(31337), operator: Keys.operatorAddress,
            priceUSDCUnitsPerNative: UInt256(3000_000000))
        let policy = try Policy(jsonData: data)
        let rules = try #require(policy.chains.first)
        #expect(policy.chains.count == 1)
        #expect(rules.chainID == ChainID(31337))
        #expect(rules.transfers == SandboxAddresses.deployment(for: ChainID(31337)).transfers)
        #expect(rules.operators == [Keys.operatorAddress])
        #expect(rules.recipientCurrencies == [SandboxAddresses.deployment(for: ChainID(31337)).usdc])
        #expect(rules.recipients == [Keys.address("0x5eA054aEea285Ebc3A92eCB1f722f44304F72581")])
        #expect(rules.maxValue == Wei(UInt256(2) * Harness.ether))  // ⌈2 × $2000 / $3000⌉ ETH
        #expect(policy.canonicalJSON() == data)
    }

    @Test("the offline verifier accepts a bundle built from a sandbox charge under the sandbox policy")
    func verifierAcceptsSandboxCharge() async throws {
        let harness = try Harness()
        let charge = try await harness.charge(amount: "25")
        let quote = try await Payments.quote(harness, usdcUnits: charge.totalUSDCUnits)
        let transaction = EIP1559Transaction(
            chainID: charge.chainID, nonce: 0, maxPriorityFeePerGas: Wei(UInt256(1_000_000_000)),
            maxFeePerGas: Wei(UInt256(2_000_000_000)), gasLimit: 250_000, to: charge.contract,
            value: Wei(quote + quote / 100),
            data: TransfersContract.encodeSwapAndTransfer(intent: charge.intent, poolFeesTier: 500))
        let bundle = IntentBundle(
            createdAt: harness.clock.now, charge: charge, from: Keys.payerAddress, transaction: transaction,
            quote: .init(poolFeesTier: 500, amountIn: quote, slippageBPS: 100, quoter: harness.deployment.quoterV2),
            fees: .init(baseFeePerGas: UInt256(1_000_000_000), gasEstimate: 180_000))
        let policy = try Policy(jsonData: SandboxPolicy.json(chainID: charge.chainID, operator: Keys.operatorAddress))
        let verifier = BundleVerifier(
            policy: policy, now: harness.clock.now, keyAddress: Keys.payerAddress,
            ledger: SigningLedger())
        let verified = try verifier.verify(bundle)
        #expect(verified.bundle.signingHash == transaction.signingHash)
        #expect(throws: VerificationError.self) {  // the default policy allows only the three mainnets
            _ = try BundleVerifier(
                policy: .default, now: harness.clock.now, keyAddress: Keys.payerAddress,
                ledger: SigningLedger()
            ).verify(bundle)
        }
    }
}

extension Deployment {
    func withChain(_ chain: UInt64) -> Deployment {
        Deployment(
            chainID: ChainID(chain), transfers: transfers, quoterV2: quoterV2, wrappedNative: wrappedNative,
            usdc: usdc)
    }
}
