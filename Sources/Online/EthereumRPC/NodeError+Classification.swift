/// The node errors a payment flow reacts to, recognised from the message text.
///
/// Nodes do not agree on codes (geth uses -32000 for nearly every pool rejection), so ``NodeError/kind`` matches the
/// message, case-insensitively, after removing spaces, underscores and hyphens, so that geth's "nonce too low",
/// Besu's "NONCE_TOO_LOW" and Nethermind's "NonceTooLow" read alike. Substrings, checked in this order:
///
/// - ``alreadyKnown``: `alreadyknown`, `knowntransaction`, `alreadyimported`, `alreadyinmempool`
///   (geth "already known", Besu "Known transaction", Nethermind "AlreadyKnown").
/// - ``nonceTooLow``: `noncetoolow`, `oldnonce`, `nonceistoolow` (geth, anvil, Besu; Nethermind "OldNonce").
/// - ``replacementUnderpriced``: `replacementtransactionunderpriced`, `replacementfeetoolow`,
///   `replacementunderpriced` (geth "replacement transaction underpriced").
/// - ``transactionUnderpriced``: `transactionunderpriced`, `feetoolow`, `gaspricebelowminimum`.
/// - ``insufficientFunds``: `insufficientfunds`, `insufficientbalance`, `upfrontcostexceeds`
///   (geth "insufficient funds for gas * price + value", Besu "Upfront cost exceeds account balance").
/// - ``maxFeeBelowBaseFee``: `maxfeepergaslessthanblockbasefee`, `feecaplessthanblockbasefee`, `feecaptoolow`,
///   `maxfeepergasbelowbasefee` (geth "max fee per gas less than block base fee").
/// - ``executionReverted``: code 3 (geth, anvil, Erigon), or `revert` anywhere ("execution reverted",
///   hardhat's "VM Exception while processing transaction: reverted with …", Nethermind "Reverted 0x…").
/// - ``other``: anything else.
public enum NodeErrorKind: String, Equatable, Sendable, CaseIterable {
    /// The node already has this exact transaction (safe: it was broadcast before).
    case alreadyKnown
    /// The nonce was used already (a transaction from this sender with this nonce was mined).
    case nonceTooLow
    /// A pending transaction with this nonce exists and this one does not pay enough more to replace it.
    case replacementUnderpriced
    /// The tip is below the node's minimum.
    case transactionUnderpriced
    /// The sender cannot pay `gasLimit × maxFeePerGas + value`.
    case insufficientFunds
    /// `maxFeePerGas` is below the current block's base fee.
    case maxFeeBelowBaseFee
    /// The call or transaction reverted; see ``NodeError/revertData``.
    case executionReverted
    /// Not one of the above.
    case other
}

extension NodeError {
    private static let patterns: [(NodeErrorKind, [String])] = [
        (.alreadyKnown, ["alreadyknown", "knowntransaction", "alreadyimported", "alreadyinmempool"]),
        (.nonceTooLow, ["noncetoolow", "oldnonce", "nonceistoolow"]),
        (
            .replacementUnderpriced,
            ["replacementtransactionunderpriced", "replacementfeetoolow", "replacementunderpriced"]
        ),
        (.transactionUnderpriced, ["transactionunderpriced", "feetoolow", "gaspricebelowminimum"]),
        (.insufficientFunds, ["insufficientfunds", "insufficientbalance", "upfrontcostexceeds"]),
        (
            .maxFeeBelowBaseFee,
            [
                "maxfeepergaslessthanblockbasefee", "feecaplessthanblockbasefee", "feecaptoolow",
                "maxfeepergasbelowbasefee",
            ]
        ),
    ]

    /// The classification of ``message`` (see ``NodeErrorKind`` for the matching rules).
    public var kind: NodeErrorKind {
        let normalised = String(message.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" })
        for (kind, needles) in Self.patterns where needles.contains(where: normalised.contains) {
            return kind
        }
        if code == 3 || normalised.contains("revert") { return .executionReverted }
        return .other
    }
}
