public import BundleFormat

extension AuditSubject {
    /// The purchase an unsigned bundle pays (or, before verification, claims to pay).
    public init(_ bundle: IntentBundle) {
        self.init(fingerprint: bundle.fingerprint.description, chargeID: bundle.charge.id)
    }

    /// The purchase a signed transaction pays; `chargeID` only when it came from `sign`'s file or a bundle (a bare
    /// raw transaction carries no charge id).
    public init(_ file: SignedTransactionFile, chargeID: String?) {
        self.init(fingerprint: file.fingerprint.description, chargeID: chargeID)
    }
}
