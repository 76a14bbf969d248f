public import SigningKeys
public import BundleFormat
public import EthereumPrimitives
import Secp256k1

/// One signing on the cold machine: verification, the review and the ledger's critical section, all at the
/// session's injected clock.
///
/// The executable adds the terminal, the key and the files; tests inject time here (``SigningClock``), never
/// through the command line. Time is read twice: when the plan is made (for the review) and again when the key
/// signs, because the operator may have taken minutes to confirm.
public struct SigningSession: Sendable {
    /// The policy in force.
    public let policy: Policy
    /// Where it came from.
    public let policySource: PolicySource
    /// The signing ledger's path (nil: an empty in-memory ledger, for tests that do not need one).
    public let ledgerPath: String?
    /// The clock.
    public let clock: SigningClock

    /// Creates a session.
    public init(policy: Policy, policySource: PolicySource, ledgerPath: String?, clock: SigningClock = .system) {
        self.policy = policy
        self.policySource = policySource
        self.ledgerPath = ledgerPath
        self.clock = clock
    }

    /// Verifies `bundle` for the key `signer` against the ledger as it stands, builds the fee ladder within the
    /// policy and the review — everything that can refuse, before the key is used or anyone is asked.
    public func plan(_ bundle: UnsignedBundle, signer: Address, ladderSteps: Int) throws -> SigningPlan {
        let now = clock.now()
        let verified = try verifier(now: now, signer: signer, ledger: try readLedger()).verify(bundle)
        let ladder = try FeeLadder(verified, steps: ladderSteps, policy: policy)
        let review = Review(verified, now: now, ladder: ladder, source: policySource)
        return SigningPlan(verified: verified, ladder: ladder, review: review)
    }

    /// Signs a plan: re-verifies its bundle at the clock's present against the ledger as it is now (another run
    /// may have signed meanwhile), signs, and appends to the ledger before the signature leaves the session.
    /// - Throws: any ``VerificationError`` the bundle no longer passes (an intent that expired while the operator
    ///   read the review, a conflict written by a concurrent run), ``LedgerError``, ``SigningError``.
    public func sign(_ plan: SigningPlan, with key: PrivateKey) throws -> SignedTransactionFile {
        // One critical section: the ledger re-read under its lock, every rule checked again at the present time,
        // the key used, the entry appended durably — then the lock released.
        let body = { (ledger: SigningLedger) throws -> (result: SignedTransactionFile, append: SigningLedger.Entry?) in
            let now = clock.now()
            let verified = try verifier(now: now, signer: key.address, ledger: ledger).verify(plan.verified.bundle)
            guard verified.signingHash == plan.verified.signingHash else {
                throw SigningError.selfCheckFailed("the bundle re-verified to another signing hash")
            }
            let signed = try TransactionSigner.sign(verified, ladder: plan.ladder, with: key, signedAt: now)
            return (signed, verified.previouslySigned == nil ? verified.ledgerEntry : nil)
        }
        guard let ledgerPath else { return try body(SigningLedger()).result }
        return try SigningLedger.transaction(at: ledgerPath, body)
    }

    func verifier(now: UInt64, signer: Address, ledger: SigningLedger) -> BundleVerifier {
        BundleVerifier(policy: policy, now: now, keyAddress: signer, ledger: ledger)
    }

    func readLedger() throws -> SigningLedger {
        guard let ledgerPath else { return SigningLedger() }
        return try SigningLedger(path: ledgerPath)
    }
}

/// A verified bundle with its fee ladder and review: what the operator is asked to confirm.
public struct SigningPlan {
    /// The bundle, verified at planning time.
    public let verified: VerifiedBundle
    /// The replacements that will be signed with it.
    public let ladder: FeeLadder
    /// What the operator sees.
    public let review: Review
}
