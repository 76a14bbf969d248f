public import BundleFormat

extension AuditSubject {
    /// The purchase an unsigned bundle pays (or, before verification, claims to pay).
    public init(_ bundle: IntentBundle) {
        self.init(fingerprint: bundle.fingerprint.description, chargeID: bundle.charge.id)
    }

    /// The payment a bundle of either kind pays: its fingerprint and payment id (charge id, `checkout:<id>`, …).
    public init(_ bundle: UnsignedBundle) {
        self.init(fingerprint: bundle.fingerprint.description, chargeID: bundle.paymentID)
    }

    /// The purchase a signed transaction pays; `chargeID` only when it came from `sign`'s file or a bundle (a bare
    /// raw transaction carries no charge id).
    public init(_ file: SignedTransactionFile, chargeID: String?) {
        self.init(fingerprint: file.fingerprint.description, chargeID: chargeID)
    }
}
