public import EthereumPrimitives
import BundleFormat

/// The fixed, human-readable text an approver signs (version 1), built from the payment it approves.
///
/// Six lines joined by `\n`, no trailing newline, UTF-8 (all ASCII in practice):
///
/// ```text
/// ColdCredits payment approval v1
/// charge: sandbox-polygon-example
/// chain: Polygon (137)
/// amount: $25.00
/// signing hash: 0xd09576c1302cafd83aac665e29ad8c7374e1678f85822a9cd7f6d407ee43c83c
/// fingerprint: d095-76c1-302c-afd8
/// ```
///
/// - `chain` is `Ethereum (1)`, `Base (8453)` or `Polygon (137)`, and the bare decimal id for any other chain.
///   The names are fixed here, not taken from ``ChainID/name``, so a later build names chains the same way.
/// - `amount` is the purchase in USD (USDC units, 6 decimals) with at least two fraction digits and no
///   thousands separator: `$25.00`, `$0.01`, `$12.345678`; a checkout paid in another asset shows that asset's
///   exact amount instead (`0.01 ETH`).
/// - `signing hash` is the EIP-1559 signing hash, `0x` and 64 lower-case hex digits; `fingerprint` is its
///   first 8 bytes as in ``Fingerprint``, for the eye.
///
/// The signing hash alone binds the whole transaction; the other lines tell a person what they approve. The
/// approver signs the text as an EIP-191 `personal_sign` message (``digest``), so any Ethereum wallet can
/// approve: `cast wallet sign "$(cat approval.txt)"`, a hardware wallet, or `sign approve`.
///
/// A new layout gets a new version line; a verifier never accepts a text it did not build itself.
public struct ApprovalText: Equatable, Sendable, CustomStringConvertible {
    /// The first line, which names the layout version.
    public static let header = "ColdCredits payment approval v1"
    /// Longest charge id accepted, in bytes.
    public static let maxChargeIDLength = ChargeID.maximumLength

    /// The EIP-1559 signing hash of the transaction approved.
    public let signingHash: Hash32
    /// The chain it pays on.
    public let chainID: ChainID
    /// The purchase in USDC units (6 decimals); nil for a payment in another asset.
    public let usdUnits: UInt256?
    /// The charge id.
    public let chargeID: String
    /// The exact text signed.
    public let text: String

    /// Builds the text; refuses a charge id that is empty, longer than 128 bytes, or holds anything but
    /// printable ASCII without spaces (so no charge id can add or disguise a line).
    public init(signingHash: Hash32, chainID: ChainID, usdUnits: UInt256, chargeID: String) throws(ApprovalsError) {
        try self.init(
            signingHash: signingHash, chainID: chainID, usdUnits: usdUnits,
            amount: "$" + DecimalAmount.format(usdUnits, decimals: 6, minimumFractionDigits: 2), chargeID: chargeID)
    }

    /// Builds the text of a payment in another asset than USDC; `amount` is the exact amount with its unit, as
    /// decoded from the transaction by the caller (`0.01 ETH`).
    public init(signingHash: Hash32, chainID: ChainID, amount: String, chargeID: String) throws(ApprovalsError) {
        try self.init(signingHash: signingHash, chainID: chainID, usdUnits: nil, amount: amount, chargeID: chargeID)
    }

    private init(signingHash: Hash32, chainID: ChainID, usdUnits: UInt256?, amount: String, chargeID: String)
        throws(ApprovalsError)
    {
        try Self.checkChargeID(chargeID)
        self.signingHash = signingHash
        self.chainID = chainID
        self.usdUnits = usdUnits
        self.chargeID = chargeID
        text = [
            Self.header,
            "charge: \(chargeID)",
            "chain: \(Self.chainLabel(chainID))",
            "amount: \(amount)",
            "signing hash: \(signingHash.hex)",
            "fingerprint: \(Fingerprint(signingHash))",
        ].joined(separator: "\n")
    }

    /// The UTF-8 bytes of ``text``.
    public var bytes: [UInt8] { Array(text.utf8) }

    /// The EIP-191 `personal_sign` digest of the text: what an approver's key signs.
    public var digest: Hash32 { PersonalSign.digest(bytes) }

    /// The text itself.
    public var description: String { text }

    /// `Base (8453)` for the three named chains, the decimal id otherwise.
    static func chainLabel(_ chainID: ChainID) -> String {
        KnownChain.entry(for: chainID).map { "\($0.name) (\(chainID.value))" } ?? String(chainID.value)
    }

    static func checkChargeID(_ chargeID: String) throws(ApprovalsError) {
        // The one rule (BundleFormat.ChargeID): a newline could forge a line of the text, and look-alike or
        // invisible characters could show one charge id while naming another.
        if let reason = ChargeID.violation(chargeID) { throw .invalidChargeID(chargeID, reason: reason) }
    }
}
