import AuditLog
public import BundleFormat
public import EthereumPrimitives
public import SigningKeys
import EthereumTransactions
import Foundation

/// The terminal a signing is reviewed and confirmed at: the executable's reads the controlling terminal
/// (`/dev/tty`, never stdin); tests script one.
public protocol SigningTerminal {
    /// Shows the review (every outside string in it is already escaped).
    func show(_ review: String)
    /// Asks `question` and returns the line typed; nil at end of input or for an over-long answer.
    /// - Throws: when nobody can be asked (no controlling terminal).
    func ask(_ question: String) throws -> String?
}

/// A step of a signing the audit trail records.
public enum SigningStep: String, Sendable {
    /// The review was shown.
    case reviewed
    /// The approvals quorum was met.
    case approved
    /// The transaction was signed (recorded before it leaves the session).
    case signed
}

/// Where a signing's steps are recorded, each before the next one runs.
public protocol SigningRecorder {
    /// Records `step` of the signing of `verified`, with `details` (hashes, approvers).
    func record(_ step: SigningStep, of verified: VerifiedBundle, details: [String: String]) throws
}

/// How the operator consents to a signing.
public enum SigningConsent: Sendable {
    /// The confirmation word typed at the terminal.
    case typed
    /// No question (`--yes`); only when the policy allows unattended signing.
    case unattended
}

/// Asks for the confirmation word of `fingerprint` on `terminal`; anything else declines.
/// - Throws: ``SigningError/declined(action:)``, or the terminal's error when nobody can be asked.
public func confirmTyped(_ fingerprint: Fingerprint, action: String, on terminal: SigningTerminal) throws {
    let answer = try terminal.ask("Type \(fingerprint.confirmationWord) to \(action), anything else to decline: ")
    guard answer?.trimmingCharacters(in: .whitespaces).lowercased() == fingerprint.confirmationWord else {
        throw SigningError.declined(action: action)
    }
}

/// What one signing produced.
public struct SigningOutcome {
    /// The plan that was reviewed and confirmed.
    public let plan: SigningPlan
    /// The signed transaction (and fee ladder), already in the ledger and recorded.
    public let signed: SignedTransactionFile
    /// The address of the key that signed.
    public let signer: Address
}

extension SigningSession {
    /// One signing from bundle to record: verify and review (``plan(_:signer:ladderSteps:)``), record `reviewed`,
    /// check the approvals (`approvals` returns the details to record as `approved`, nil when none are needed, or
    /// throws), ask for the typed confirmation, unlock the key (`key`, only now), sign under the ledger lock at the
    /// clock's present (``sign(_:with:)``), record `signed`.
    ///
    /// Nothing is signed or recorded as signed unless every earlier step passed.
    /// - Throws: ``SigningError/unattendedNotAllowed`` for unattended consent the policy does not allow (before
    ///   anything is read), ``SigningError/declined(action:)``, and every error of the steps.
    public func run(
        _ bundle: UnsignedBundle, signer: Address, ladderSteps: Int, consent: SigningConsent,
        terminal: SigningTerminal, recorder: SigningRecorder,
        approvals: (VerifiedBundle) throws -> [String: String]? = { _ in nil },
        key: () throws -> PrivateKey
    ) throws -> SigningOutcome {
        if consent == .unattended, !policy.allowUnattended { throw SigningError.unattendedNotAllowed }
        let plan = try plan(bundle, signer: signer, ladderSteps: ladderSteps)
        let verified = plan.verified
        terminal.show(plan.review.text)
        try recorder.record(.reviewed, of: verified, details: [AuditDetail.signingHash: verified.signingHash.hex])
        if let approved = try approvals(verified) { try recorder.record(.approved, of: verified, details: approved) }
        if consent == .typed { try confirmTyped(plan.review.fingerprint, action: "sign", on: terminal) }
        let privateKey = try key()
        let signed = try sign(plan, with: privateKey)
        var details = [
            AuditDetail.signingHash: signed.transaction.signingHash.hex,
            AuditDetail.transactionHash: signed.transaction.transactionHash.hex,
        ]
        if !signed.feeLadder.isEmpty {
            details[AuditDetail.ladderTransactionHashes] =
                signed.feeLadder.map(\.transactionHash.hex).joined(separator: " ")
        }
        try recorder.record(.signed, of: verified, details: details)
        return SigningOutcome(plan: plan, signed: signed, signer: privateKey.address)
    }
}
