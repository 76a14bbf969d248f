import EthereumPrimitives
import EthereumTransactions

/// What every unsigned bundle records about its own transaction — the signing hash, its fingerprint and the
/// validity end — checked against what the reader recomputes, the same way for both kinds of bundle.
enum RecordedHash {
    /// Refuses a recorded `signingHash` or `fingerprint` that is not the one `transaction` gives, and a recorded
    /// `validUntil` other than `expected`; `rule` says where `expected` comes from.
    static func check(
        signingHash recorded: Hash32, fingerprint recordedFingerprint: String, of transaction: EIP1559Transaction,
        validUntil recordedValidUntil: UInt64, expected: UInt64, rule: String
    ) throws(BundleError) {
        let signingHash = transaction.signingHash
        if recorded != signingHash.hash {
            throw .signingHashMismatch(recorded: recorded, recomputed: signingHash.hash)
        }
        let fingerprint = Fingerprint(signingHash.hash)
        if recordedFingerprint != fingerprint.description {
            throw .inconsistent(
                path: "fingerprint", reason: "\"\(recordedFingerprint)\" is not the fingerprint of signingHash (\(fingerprint))")
        }
        if recordedValidUntil != expected {
            throw .inconsistent(path: "validUntil", reason: "\(recordedValidUntil) differs from \(rule) \(expected)")
        }
    }
}
