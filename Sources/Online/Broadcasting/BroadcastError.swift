public import EthereumABI
public import EthereumPrimitives
import EthereumRPC
import BundleFormat
public import EthereumTransactions
public import PaymentAPI

/// Why `broadcast` stopped before the payment was confirmed.
public enum BroadcastError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The signed input is malformed or inconsistent.
    case invalidInput(String)
    /// The signed transaction is not the one the unsigned bundle describes.
    case bundleMismatch(signed: SigningHash, bundle: SigningHash)
    /// The intent's deadline has passed; sending would only burn gas on `ExpiredIntent()`.
    case expired(deadline: UInt64, now: UInt64)
    /// No node given serves the transaction's chain; `found` names each node and the chain it serves.
    case wrongChain(expected: ChainID, found: [String])
    /// The nonce was consumed by a transaction that is not ours.
    case nonceUsedElsewhere(nonce: UInt64, accountNonce: UInt64)
    /// The state file belongs to another transaction.
    case stateMismatch(path: String)
    /// Every node refused the transaction.
    case rejected([String])
    /// Every node refused the fees as too low (the caller may climb the fee ladder).
    case underpriced([String])
    /// No node could be reached.
    case unreachable([String])
    /// Mined but reverted.
    case reverted(hash: Hash32, block: UInt64, revert: ContractRevert)
    /// Mined with status 1, but the receipt (or the mined transaction) does not show the signed payment: no
    /// matching `Transfer` log from the token, or a native transfer whose recipient or value differ. Never paid.
    case paymentNotConfirmed(hash: Hash32, block: UInt64, reason: String)
    /// The checkout (or the URI's validity window) ended before anything was sent.
    case requestExpired(validUntil: UInt64, now: UInt64)
    /// Not mined (or not confirmed, or not credited) before the timeout; re-running resumes.
    case timedOut(stage: String)
    /// The credits API failed while waiting.
    case credits(PaymentAPIError)
    /// The state file cannot be written.
    case cannotWriteState(path: String, reason: String)
    /// Another run holds the state file's lock: one run per signed transaction at a time.
    case busy(path: String, holder: Int32?)

    /// A stable name.
    public var kind: String {
        switch self {
        case .invalidInput: return "invalidInput"
        case .bundleMismatch: return "bundleMismatch"
        case .expired: return "intentExpired"
        case .wrongChain: return "wrongChain"
        case .nonceUsedElsewhere: return "nonceUsedElsewhere"
        case .stateMismatch: return "stateMismatch"
        case .rejected: return "rejected"
        case .underpriced: return "underpriced"
        case .unreachable: return "rpcUnreachable"
        case .reverted: return "reverted"
        case .paymentNotConfirmed: return "paymentNotConfirmed"
        case .requestExpired: return "chargeExpired"
        case .timedOut: return "timedOut"
        case .credits: return "creditsFailed"
        case .cannotWriteState: return "cannotWriteState"
        case .busy: return "stateLocked"
        }
    }

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .invalidInput(let reason): return "signed transaction: \(reason)"
        case .bundleMismatch(let signed, let bundle):
            return "the signed transaction's signing hash \(signed) is not the bundle's \(bundle); refusing to send"
        case .expired(let deadline, let now):
            return
                "the intent expired at \(TimeText.at(deadline, now: now)); sending would revert with ExpiredIntent() — prepare a new charge"
        case .wrongChain(let expected, let found):
            return "no RPC node serves chain \(expected), the transaction's chain: " + found.joined(separator: "; ")
        case .nonceUsedElsewhere(let nonce, let accountNonce):
            return "nonce \(nonce) was used by another transaction (account nonce is \(accountNonce)); nothing sent"
        case .stateMismatch(let path): return "state file \(path) belongs to another transaction; move it away to send this one"
        case .rejected(let reasons): return "every node refused the transaction: " + reasons.joined(separator: "; ")
        case .underpriced(let reasons):
            return "every node refused the fees as too low (sign a fee ladder with --fee-ladder): "
                + reasons.joined(separator: "; ")
        case .unreachable(let reasons): return "no RPC node could be reached (safe to re-run): " + reasons.joined(separator: "; ")
        case .reverted(let hash, let block, let revert):
            return "transaction \(hash) was mined in block \(block) but reverted: \(revert)"
        case .paymentNotConfirmed(let hash, let block, let reason):
            return "transaction \(hash) was mined in block \(block) with status 1, but the payment is not confirmed: "
                + "\(reason); it is NOT reported as paid — check the transaction on a block explorer"
        case .requestExpired(let validUntil, let now):
            return "the payment request was valid until \(TimeText.at(validUntil, now: now)); nothing sent — a late "
                + "deposit may not be credited: create a new checkout and prepare again"
        case .timedOut(let stage): return "timed out \(stage); re-run the same command to resume"
        case .credits(let error): return error.description
        case .cannotWriteState(let path, let reason):
            return "cannot write state file \(path): \(reason) (choose a writable --state; a re-run resumes)"
        case .busy(let path, let holder):
            let by = holder.map { "process \($0)" } ?? "another run"
            return "state file \(path) is locked by \(by), which is broadcasting this transaction; nothing done — "
                + "wait for it to finish, then re-run to see the outcome"
        }
    }
}
