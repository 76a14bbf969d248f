/// Detail keys with an agreed meaning — ``AuditTimeline`` checks them across machines — and the guard that
/// keeps secrets out of the log.
///
/// Hashes are `0x` and 64 hex digits. Keys are free-form otherwise; values are strings.
public enum AuditDetail {
    /// The EIP-1559 signing hash (prepared, reviewed, approved, signed).
    public static let signingHash = "signingHash"
    /// The transaction hash, keccak256 of the signed raw bytes (signed: the primary; sent, mined, reverted).
    public static let transactionHash = "txHash"
    /// Space-separated hashes of fee-ladder replacements `sign` also signed.
    public static let ladderTransactionHashes = "ladderTxHashes"
    /// Why a tool refused or the operator declined.
    public static let reason = "reason"
    /// Comma-separated checksummed addresses of the approvers counted (approved).
    public static let approvers = "approvers"
    /// The block that included the transaction (mined, reverted), decimal.
    public static let blockNumber = "block"

    /// Fragments of keys that name a secret, compared with the key lower-cased and stripped to letters and
    /// digits (`private_key`, `privateKey` and `Private-Key` all match `privatekey`).
    static let secretKeyFragments = [
        "password", "passphrase", "passwd", "privatekey", "privkey", "secret", "mnemonic", "seed", "xprv",
        "apikey", "authorization", "bearer", "cookie",
    ]
    /// Prefixes of values that are secrets whatever their key: OpenRouter API keys, BIP-32 private keys, PEM
    /// private keys, HTTP bearer tokens.
    static let secretValuePrefixes = ["sk-or-", "xprv", "tprv", "-----BEGIN", "Bearer "]

    /// Why `key`/`value` looks like a secret, or nil.
    ///
    /// Deliberately blunt: a false alarm costs a renamed key, a secret in an append-only log copied between
    /// machines costs the key.
    public static func secretProblem(key: String, value: String) -> String? {
        let normalized = String(
            key.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        if let fragment = secretKeyFragments.first(where: normalized.contains) {
            return "the key names a secret (\"\(fragment)\")"
        }
        let trimmed = value.trimmingPrefixWhitespace()
        if let prefix = secretValuePrefixes.first(where: { trimmed.hasPrefix($0) }) {
            return "the value looks like a secret (starts with \"\(prefix)\")"
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingPrefixWhitespace() -> Substring {
        self.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }
}
