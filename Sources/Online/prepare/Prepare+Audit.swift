import AuditCommands
import AuditLog
import BundleFormat
import EthereumPrimitives
import EthereumTransactions

extension Prepare {
    /// Records `prepared` — the signing hash, chain, nonce and payer the bundle commits to — before the bundle is
    /// written, so no bundle leaves `prepare` without its event.
    func recordPrepared(_ bundle: IntentBundle, trail: AuditTrail) throws {
        let transaction = bundle.transaction
        try trail.record(
            .prepared, AuditSubject(bundle),
            details: [
                AuditDetail.signingHash: bundle.signingHash.hex, "chainId": String(transaction.chainID.value),
                "nonce": String(transaction.nonce), "from": bundle.from.checksummed,
            ])
    }
}
