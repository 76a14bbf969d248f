public import BundleFormat
public import EthereumABI
public import EthereumPrimitives
public import EthereumRPC
import EthereumTransactions
import Foundation
public import PaymentAPI
import CommandLineSupport

/// One broadcast session for one signed payment: lock, checks, submission to every node, receipt, confirmations,
/// fee-ladder replacement, revert decoding, credits.
///
/// Every step is recorded in a ``BroadcastState`` file (under an exclusive lock held for the whole run) so a
/// re-run resumes; the same transactions are the only ones ever sent. Time and waiting come from the injected
/// ``BroadcastClock``.
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
        /// The share of the USDC paid, in basis points, by which total credits must rise to count as credited
        /// (OpenRouter keeps an undocumented fee); default 9000 (0.9).
        public var minCreditRatioBasisPoints: UInt64 = 9000
        /// The token whose transfers count as USDC paid (6 decimals, 1 USD each); nil: the chain's built-in native
        /// USDC (``KnownChain``).
        public var usdc: Address?
        /// Creates the defaults.
        public init() {}
    }

    /// What ``Broadcaster/onSent`` is told as soon as a send is known.
    public struct SentNotice: Sendable, Equatable {
        /// The transaction sent.
        public var hash: Hash32
        /// The nodes (origins) that accepted it — or, when not `certain`, that may hold it.
        public var nodes: [String]
        /// Unix seconds.
        public var time: UInt64
        /// False when no node answered but one may have received it (the answer was lost).
        public var certain: Bool
    }

    /// The payment.
    public let file: SignedTransactionFile
    /// The nodes used: every `--rpc-url`, minus those found serving another chain.
    public internal(set) var rpcs: [JSONRPCClient]
    /// OpenRouter, for `--wait-credits`.
    public let api: PaymentAPIClient?
    /// Where the state lives.
    public let statePath: String
    /// Tuning.
    public let settings: Settings
    /// Progress lines for people (stderr).
    public let log: @Sendable (String) -> Void
    /// The clock and the waits.
    public let clock: any BroadcastClock
    /// Called as soon as a transaction was accepted (or may have been) by a node, after the state file recorded
    /// it — so an audit trail can append `sent` before anything else can go wrong.
    public var onSent: @Sendable (SentNotice) -> Void = { _ in }
    /// Called once per state file, when the payment first reaches its confirmations (after the state recorded
    /// it), so the `mined` audit entry is appended once however often the run is repeated.
    public var onConfirmed: @Sendable (TransactionReceipt) -> Void = { _ in }
    /// Told, at every poll while no receipt is known, what is waited for; nil: progress goes to ``log`` once per
    /// event (see ``WaitProgress/event``).
    public var onWaiting: (@Sendable (WaitProgress) -> Void)?

    /// Creates a session.
    public init(
        file: SignedTransactionFile, rpcs: [JSONRPCClient], api: PaymentAPIClient?, statePath: String,
        settings: Settings, log: @escaping @Sendable (String) -> Void, clock: any BroadcastClock = SystemBroadcastClock()
    ) {
        self.file = file
        self.rpcs = rpcs
        self.api = api
        self.statePath = statePath
        self.settings = settings
        self.log = log
        self.clock = clock
    }

    /// The result of a payment that went through.
    public struct Outcome: Sendable {
        /// The mined transaction.
        public var receipt: TransactionReceipt
        /// The `Transferred` event, when present (intent path).
        public var transferred: TransferredEvent?
        /// The checkout payment the receipt confirmed: the token's `Transfer` log, or the native transfer.
        public var transfer: ConfirmedTransfer?
        /// Native amount refunded by the contract (value − spent).
        public var refunded: Wei?
        /// What the credits did, when waited for.
        public var credits: CreditCheck?
        /// The state as left on disk.
        public var state: BroadcastState
        /// The status the state file had when this run began (`new` for a first run): a re-run over a payment
        /// already credited must not record that again.
        public var statusBefore: BroadcastStatus = .new
    }

    /// The intent the transaction pays, decoded from its calldata.
    public var intent: TransferIntent? { payment.intent }

    /// Runs everything under the state lock: check, send (unless already mined), follow, and optionally wait for
    /// the credits.
    public func run() async throws(BroadcastError) -> Outcome {
        let lock = try lockState()
        defer { lock.close() }
        var state = try loadState()
        let before = state.status
        var session = self
        let known: TransactionReceipt?
        (session.rpcs, known) = try await inspectChain(state: &state)
        var outcome = try await session.proceed(state: &state, known: known)
        outcome.statusBefore = before
        return outcome
    }

    private func proceed(state: inout BroadcastState, known: TransactionReceipt?) async throws(BroadcastError) -> Outcome {
        if known == nil, state.status.maySend {
            try checkDeadline()
            if settings.waitCredits, state.creditsBefore == nil, let api {
                state.creditsBefore = try await creditsNow(api).totalCredits
            }
            try save(state)  // durable before the first send: the balance before, and a writable state file
            try await sendClimbingLadder(from: state.rung, state: &state)
        }
        let receipt = try await follow(state: &state, known: known)
        var outcome = try await settle(receipt, state: &state)
        if settings.waitCredits, let api { outcome.credits = try await waitForCredits(api, state: &state) }
        outcome.state = state
        return outcome
    }

    /// Unix seconds from the injected clock.
    func now() -> UInt64 { clock.now() }

    /// Refuses to send after the intent's deadline, or a checkout payment after the request's validity (the signed
    /// file's `validUntil`: the checkout's expiry), when a late deposit may not be credited.
    func checkDeadline() throws(BroadcastError) {
        let time = now()
        switch payment {
        case .intent(let intent):
            if let deadline = intent.deadline.uint64, time > deadline { throw .expired(deadline: deadline, now: time) }
        case .token, .native:
            if time > file.validUntil { throw .requestExpired(validUntil: file.validUntil, now: time) }
        case .other: return
        }
    }

    /// Takes the exclusive lock on `STATE.lock` for the whole run: a second run on the same state stops within
    /// ``lockWaitSeconds``.
    ///
    /// The short wait covers a lock that outlives its run for a moment: a process forked elsewhere (between fork and
    /// exec) briefly shares the lock's open file. Under the lock, the temporaries a crashed run left beside the state are removed (and reported).
    func lockState() throws(BroadcastError) -> LockedAppendFile {
        do {
            let lock = try LockedAppendFile.open(
                statePath + ".lock", what: "broadcast state lock", cap: 4096, create: true,
                timeoutSeconds: Self.lockWaitSeconds)
            AtomicFileWriter.cleanStaleTemporaries(of: statePath)
            return lock
        } catch .locked(_, _, let holder, _) {
            throw .busy(path: statePath, holder: holder)
        } catch {
            throw .cannotWriteState(path: statePath, reason: error.description)
        }
    }

    /// How long a run waits for another run's lock on the same state before it refuses (exit 75).
    static let lockWaitSeconds = 2.0

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
        log("Resuming from \(statePath) (status \(state.status.rawValue), rung \(state.rung)).")
        return state
    }

    /// Writes the state atomically (temporary file, fsync, rename), after every step that changed it.
    func save(_ state: BroadcastState) throws(BroadcastError) {
        do { try AtomicFileWriter.write(state.json(), to: statePath, overwrite: true) } catch {
            throw .cannotWriteState(path: statePath, reason: "\(error)")
        }
    }
}
