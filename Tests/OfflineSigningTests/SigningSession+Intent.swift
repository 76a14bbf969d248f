import BundleFormat
import EthereumPrimitives
import OfflineSigning
import SigningKeys

/// The transfer-intent bundles these suites build, passed to the session as the `.intent` kind.
extension SigningSession {
    func plan(_ bundle: IntentBundle, signer: Address, ladderSteps: Int) throws -> SigningPlan {
        try plan(.intent(bundle), signer: signer, ladderSteps: ladderSteps)
    }

    func run(
        _ bundle: IntentBundle, signer: Address, ladderSteps: Int, consent: SigningConsent, terminal: SigningTerminal,
        recorder: SigningRecorder, approvals: (VerifiedBundle) throws -> [String: String]? = { _ in nil },
        key: () throws -> PrivateKey
    ) throws -> SigningOutcome {
        try run(
            .intent(bundle), signer: signer, ladderSteps: ladderSteps, consent: consent, terminal: terminal,
            recorder: recorder, approvals: approvals, key: key)
    }
}
