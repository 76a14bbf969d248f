public import BundleFormat
public import EthereumABI
public import EthereumPrimitives
public import EthereumRPC
import EthereumTransactions
public import Foundation
public import PaymentAPI
import CommandLineSupport

/// Sends a signed payment and follows it: checks, submission to every node, receipt, confirmations, fee-ladder replacement, revert decoding, credits.
///
/// Every step is recorded in a ``BroadcastState`` file so a re-run resumes; the same transactions are the only
/// ones ever sent.
public struct Broadcaster: Sendable {
    /// Tuning, injectable for tests.
    public struct Settings: Sendable {
        /// Confirmations to wait for.
        public var confirmations: UInt64 = 1
        /// Give up (exit 75) after this long.
        public var timeoutSeconds: UInt64 = 600
        /// How often to poll for the receipt.
        public var pollSeconds: Double = 2
        /// Send the next fee-ladder rung when the current one is not mined after this long; nil never.
        public var replaceAfterSeconds: UInt64?
        /// Poll credits until they rise by the purchase.
        public var waitCredits = false
        /// Seconds between credit polls; the API's values may be 60 s stale, so never below 10.
        public var creditPollSeconds: Double = 10
        /// Creates the defaults.
        public init() {}
    }

    /// The payment.
    public let file: SignedTransactionFile
    /// Every node.
    public let rpcs: [JSONRPCClient]
    /// OpenRouter, for `--wait-credits`.
    public let api: PaymentAPIClient?
    /// Where the state lives.
    public let statePath: String
    /// Tuning.
    public let settings: Settings
    /// Progress lines for people (stderr).
    public let log: @Sendable (String) -> Void
    /// The clock.
    public let now: @Sendable () -> UInt64
    /// Called as soon as a transaction was accepted by at least one node (hash, the accepting nodes' origins,
    /// Unix seconds), after the state file recorded it — so an audit trail can append `sent` before anything else
    /// can go wrong.
    public var onSent: @Sendable (Hash32, [String], UInt64) -> Void = { _, _, _ in }

    /// Creates a broadcaster.
    public init(
        file: SignedTransactionFile, rpcs: [JSONRPCClient], api: PaymentAPIClient?, statePath: String,
        settings: Settings, log: @escaping @Sendable (String) -> Void,
        now: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }
    ) {
        self.file = file
        self.rpcs = rpcs
        self.api = api
        self.statePath = statePath
        self.settings = settings
        self.log = log
        self.now = now
    }

    /// The result of a payment that went through.
    public struct Outcome: Sendable {
        /// The mined transaction.
        public var receipt: TransactionReceipt
        /// The `Transferred` event, when present.
        public var transferred: TransferredEvent?
        /// Native amount refunded by the contract (value − spent).
        public var refunded: Wei?
        /// Credits after the purchase, when waited for.
        public var credits: Credits?
        /// The state as left on disk.
        public var state: BroadcastState
    }

    /// The intent the transaction pays, decoded from its calldata.
    public var intent: TransferIntent? { try? TransfersContract.decodeSwapAndTransfer(file.transaction.transaction.data).intent }

    /// Runs everything: check, send (unless already mined), follow, and optionally wait for the credits.
    public func run() async throws(BroadcastError) -> Outcome {
        var state = try loadState()
        let known = try await inspectChain(state: &state)
        if known == nil, state.status == "new" || state.status == "sent" {
            try checkDeadline()
            if settings.waitCredits, state.creditsBefore == nil, let api {
                state.creditsBefore = try await creditsNow(api).totalCredits
            }
            try await sendClimbingLadder(from: state.rung, state: &state)
        }
        let receipt = try await follow(state: &state, known: known)
        var outcome = try await settle(receipt, state: &state)
        if settings.waitCredits, let api { outcome.credits = try await waitForCredits(api, state: &state) }
        outcome.state = state
        return outcome
    }

    /// Refuses to send after the intent's deadline.
    func checkDeadline() throws(BroadcastError) {
        guard let deadline = intent?.deadline.uint64 else { return }
        let time = now()
        if time > deadline { throw .expired(deadline: deadline, now: time) }
    }

    func loadState() throws(BroadcastError) -> BroadcastState {
        let hashes = file.allTransactions.map(\.transactionHash.hash)
        guard FileManager.default.fileExists(atPath: statePath) else {
            return BroadcastState(hashes: hashes, chargeID: file.chargeID)
        }
        let state: BroadcastState
        do {
            let bytes = try BoundedFile.read(statePath, what: "broadcast state file", cap: InputLimit.document)
            state = try BroadcastState(json: Data(bytes))
        } catch {
            throw .invalidInput("state file \(statePath) is unreadable: \(error)")
        }
        guard Array(state.hashes.prefix(hashes.count)) == Array(hashes.prefix(state.hashes.count)),
            state.chargeID == file.chargeID
        else {
            throw .stateMismatch(path: statePath)
        }
        log("Resuming from \(statePath) (status \(state.status), rung \(state.rung)).")
        return state
    }

    /// Writes the state atomically (temporary file, fsync, rename), after every step that changed it.
    func save(_ state: BroadcastState) throws(BroadcastError) {
        do { try AtomicFileWriter.write(state.json(), to: statePath, overwrite: true) } catch {
            throw .cannotWriteState(path: statePath, reason: "\(error)")
        }
    }
}
