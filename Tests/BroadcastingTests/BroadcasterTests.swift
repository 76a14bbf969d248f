import SigningKeys
@testable import Broadcasting
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import OfflineSigning
import Preparation
import Sandbox
import Secp256k1
import SandboxTestSupport
import Testing

@Suite struct BroadcasterTests {
    /// A signed payment for `env`, prepared and signed by the package's own libraries.
    static func signedPayment(_ env: InProcessSandbox, ladder: Int = 0, amount: String = "25") async throws
        -> SignedTransactionFile
    {
        try await signedPaymentAndBundle(env, ladder: ladder, amount: amount).signed
    }

    /// A signed payment for `env` and the unsigned bundle it was signed from.
    static func signedPaymentAndBundle(_ env: InProcessSandbox, ladder: Int = 0, amount: String = "25") async throws
        -> (signed: SignedTransactionFile, bundle: IntentBundle)
    {
        let outcome = try await Preparer(
            rpc: env.rpc, deployment: env.configuration.deployment, sender: InProcessSandbox.payer.address,
            minimumPriorityFee: Wei(UInt256(1_000_000_000)), secondsPerBlock: 2, now: UInt64(Date().timeIntervalSince1970)
        ).prepare(.api(try env.api(), amountUSD: amount))
        var policy = Policy.default
        let deployment = env.configuration.deployment
        policy.chains.append(
            Policy.ChainRules(
                chainID: deployment.chainID, transfers: deployment.transfers, operators: [env.configuration.operatorAddress],
                recipientCurrencies: [deployment.usdc], maxValue: Wei(UInt256.powerOfTen(18)), maxGasLimit: 1_000_000,
                maxFeePerGas: Wei(UInt256(1000) * UInt256.powerOfTen(9)),
                maxPriorityFeePerGas: Wei(UInt256(100) * UInt256.powerOfTen(9)),
                maxNetworkFee: Wei(UInt256.powerOfTen(18)), nativePriceFloorUSDUnits: UInt256(1)))
        let now = UInt64(Date().timeIntervalSince1970)
        let verified = try BundleVerifier(
            policy: policy, now: now, keyAddress: InProcessSandbox.payer.address,
            ledger: SigningLedger()
        ).verify(outcome.bundle)
        let signed = try TransactionSigner.sign(
            verified, with: InProcessSandbox.payer, policy: policy, ladderSteps: ladder, signedAt: now)
        return (signed, outcome.bundle)
    }

    static func statePath() -> String { NSTemporaryDirectory() + "broadcast-\(UUID().uuidString).state.json" }

    @Test("a payment is sent, mined and reported with its Transferred event and refund")
    func pays() async throws {
        let env = try InProcessSandbox()
        let file = try await Self.signedPayment(env)
        let path = Self.statePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var settings = Broadcaster.Settings()
        settings.pollSeconds = 0.05
        let outcome = try await Broadcaster(
            file: file, rpcs: [env.rpc], api: nil, statePath: path, settings: settings,
            log: { _ in }, clock: ManualClock()
        ).run()
        #expect(outcome.receipt.transactionHash == file.transaction.transactionHash.hash)
        #expect(outcome.transferred?.spentAmount ?? .zero > .zero)
        #expect(
            (outcome.refunded?.amount ?? .zero) + (outcome.transferred?.spentAmount ?? .zero)
                == file.transaction.transaction.value.amount)
        #expect(outcome.state.status == .confirmed)
    }

    @Test("after a timeout the state file resumes: the receipt is found and nothing else is sent")
    func resumesAfterTimeout() async throws {
        let env = try InProcessSandbox { $0.automine = false }
        let file = try await Self.signedPayment(env)
        let path = Self.statePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var settings = Broadcaster.Settings()
        settings.pollSeconds = 0.05
        settings.timeoutSeconds = 1
        let clock = ManualClock()
        await #expect(throws: BroadcastError.timedOut(stage: "waiting for the receipt")) {
            _ = try await Broadcaster(
                file: file, rpcs: [env.rpc], api: nil, statePath: path, settings: settings,
                log: { _ in }, clock: clock
            ).run()
        }
        _ = env.sandbox.mine()
        let sent = ActorBox()
        var resumed = Broadcaster(
            file: file, rpcs: [env.rpc], api: nil, statePath: path, settings: settings, log: { _ in }, clock: clock)
        resumed.onSent = { sent.add($0.hash) }
        let outcome = try await resumed.run()
        #expect(outcome.receipt.transactionHash == file.transaction.transactionHash.hash)
        #expect(sent.count == 0, "the re-run found the receipt and sent nothing")
        #expect(Set(outcome.state.submissions.map(\.hash)) == [file.transaction.transactionHash.hash])
    }

    @Test("the state file round-trips and refuses unknown fields")
    func stateFile() throws {
        var state = BroadcastState(hashes: [Keccak256.hash([1])], chargeID: "c")
        state.submissions = [.init(hash: Keccak256.hash([1]), rpc: "http://127.0.0.1:1", at: 5, outcome: "accepted")]
        state.lastSentAt = 5
        state.record(.accepted)
        #expect(try BroadcastState(json: state.json()) == state)
        var object = try #require(try JSONSerialization.jsonObject(with: state.json()) as? [String: Any])
        object["extra"] = 1
        #expect(throws: BundleError.unknownField(path: "extra")) {
            _ = try BroadcastState(json: JSONSerialization.data(withJSONObject: object))
        }
    }
}

/// A thread-safe list for callbacks.
final class ActorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Hash32] = []
    func add(_ item: Hash32) { lock.lock(); items.append(item); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return items.count }
}
