/// The one rule for a charge id, wherever it comes from (API answer, charge file, bundle JSON, compact QR form,
/// signed-transaction file, approvals text): 1 to 128 bytes of printable ASCII without spaces (0x21–0x7E).
///
/// A charge id is not covered by the signing hash, so it must not be able to draw anything on a terminal, add
/// or disguise a line, or look like another id.
public enum ChargeID {
    /// Longest charge id accepted, in bytes.
    public static let maximumLength = 128
    /// The prefixes of the ids checkout payments are recorded under (`checkout:<id>`, `eip681:<hash>`): an intent's
    /// charge may not use them, so a forged charge cannot occupy a checkout's place in the signing ledger.
    public static let checkoutPrefixes = ["checkout:", "eip681:"]

    /// Why `id` breaks the rule, or nil when it is acceptable.
    public static func violation(_ id: String) -> String? {
        let bytes = Array(id.utf8)
        guard !bytes.isEmpty else { return "it is empty" }
        guard bytes.count <= maximumLength else { return "\(bytes.count) bytes, at most \(maximumLength) allowed" }
        if let bad = bytes.first(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            return "byte 0x\(String(bad, radix: 16)) is not printable ASCII (0x21-0x7e, no spaces)"
        }
        return nil
    }

    /// Refuses `id` with ``BundleError/invalidChargeID(path:id:reason:)`` naming `path`.
    public static func check(_ id: String, path: String) throws(BundleError) {
        if let reason = violation(id) { throw .invalidChargeID(path: path, id: id, reason: reason) }
    }
}
