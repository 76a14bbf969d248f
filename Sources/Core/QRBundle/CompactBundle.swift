public import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
public import QRTransport

/// The unsigned bundle as compact CBOR for one QR code: UR type `coldcredits-bundle`, version 1.
///
/// It carries the intent's fields instead of the ABI-padded calldata (which the reader re-encodes), so a
/// typical payment takes about 300 bytes — one QR code of version 14–16 at level L — where the same
/// transaction as an ERC-4527 `eth-sign-request` takes over 700. The top-level array, by position:
///
/// | # | field | CBOR |
/// |---|---|---|
/// | 0 | version | `1` |
/// | 1 | fingerprint | 8 bytes: the start of the signing hash `prepare` computed |
/// | 2 | charge id | text, or 16 bytes for a lower-case UUID |
/// | 3, 4 | charge `created_at`, `expires_at` | seconds from the deadline (int); text unless `YYYY-MM-DDTHH:MM:SSZ` |
/// | 5 | chain id | uint |
/// | 6, 7 | Transfers contract (`to`), intent sender | 20 bytes |
/// | 8 | bundle `from` | `null` when it equals the sender |
/// | 9 | intent | ``CompactIntent`` (refund `null` when it equals the sender) |
/// | 10 | transaction | `[nonce, maxPriorityFeePerGas, maxFeePerGas, gas, value, poolFeesTier]` |
/// | 11 | quote | `[poolFeesTier or null when equal to the call's, amountIn, slippageBps, quoter]` |
/// | 12 | fees | `[baseFeePerGas, gasEstimate]` |
/// | 13 | createdAt | uint, Unix seconds |
/// | 14 | address spellings | uint, 2 bits per charge address (0 lower case, 1 EIP-55, 2 upper case) |
///
/// Integers above 2^64 − 1 are tag-2 bignums. Decoding rebuilds the calldata with
/// `TransfersContract.encodeSwapAndTransfer` and the charge as the API's JSON object, checks the fingerprint
/// against the recomputed signing hash, and reads the result back through `IntentBundle(jsonData:)`, so every
/// rule of the JSON format applies. For a charge holding only the documented fields (every `formats/` example)
/// the rebuilt bundle's canonical JSON is byte-identical to the original; see ``reproducesCanonicalJSON``.
public struct CompactBundle: Sendable, URPayload {
    /// The UR type.
    public static let urType = "coldcredits-bundle"
    /// The version this build writes and reads.
    public static let version: UInt64 = 1

    /// The bundle.
    public let bundle: IntentBundle

    static let names = [
        "version", "fingerprint", "chargeId", "createdAt(charge)", "expiresAt(charge)", "chainId", "contract",
        "sender", "from", "intent", "tx", "quote", "fees", "createdAt", "spellings",
    ]
    static let transactionNames = ["nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas", "value", "poolFeesTier"]
    static let quoteNames = ["poolFeesTier", "amountIn", "slippageBps", "quoter"]
    static let feeNames = ["baseFeePerGas", "gasEstimate"]

    /// Wraps `bundle` after checking the compact form can carry it: the transaction is on the charge's chain,
    /// calls the charge's contract with no access list, and its calldata is exactly the charge's intent.
    public init(bundle: IntentBundle) throws(QRBundleError) {
        let tx = bundle.transaction
        let charge = bundle.charge
        guard tx.chainID == charge.chainID else {
            throw .notRepresentable(
                reason: "transaction chain \(tx.chainID) differs from the charge's \(charge.chainID)")
        }
        guard tx.to == charge.contract else {
            throw .notRepresentable(reason: "transaction calls \(tx.to), the charge names \(charge.contract)")
        }
        guard tx.accessList.isEmpty else { throw .notRepresentable(reason: "the transaction has an access list") }
        guard let call = CompactCalldata.transfersCall(tx.data), call.intent == charge.intent else {
            throw .notRepresentable(reason: "the calldata is not the Transfers call carrying the charge's intent")
        }
        self.bundle = bundle
    }

    /// The call's pool fee tier (checked to exist by the initialisers).
    var poolFeesTier: UInt32 { CompactCalldata.transfersCall(bundle.transaction.data)?.poolFeesTier ?? 0 }

    /// The deterministic CBOR.
    public var cbor: [UInt8] {
        let tx = bundle.transaction
        let charge = bundle.charge
        let tier = poolFeesTier
        let quote = bundle.quote
        let items: [CBOR] = [
            .unsigned(Self.version), .bytes(Array(bundle.signingHash.hash.bytes.prefix(8))),
            ChargeText.idItem(charge.id), ChargeText.timeItem(charge.createdAt, deadline: charge.intent.deadline),
            ChargeText.timeItem(charge.expiresAt, deadline: charge.intent.deadline), .unsigned(charge.chainID.value),
            .address(charge.contract), .address(charge.sender), .address(bundle.from, nullWhen: charge.sender),
            CompactIntent.encode(charge.intent, payer: charge.sender),
            .array([
                .unsigned(tx.nonce), .uint256(tx.maxPriorityFeePerGas.amount), .uint256(tx.maxFeePerGas.amount),
                .unsigned(tx.gasLimit), .uint256(tx.value.amount), .unsigned(UInt64(tier)),
            ]),
            .array([
                quote.poolFeesTier == tier ? .null : .unsigned(UInt64(quote.poolFeesTier)), .uint256(quote.amountIn),
                .unsigned(UInt64(quote.slippageBPS)), .address(quote.quoter),
            ]),
            .array([.uint256(bundle.fees.baseFeePerGas), .unsigned(bundle.fees.gasEstimate)]),
            .unsigned(bundle.createdAt), .unsigned(ChargeText.spellings(of: charge)),
        ]
        return CBOR.array(items).encoded
    }

    /// True when decoding ``cbor`` gives a bundle whose canonical JSON equals this bundle's, byte for byte.
    ///
    /// Then the signed file's `unsignedBundleHash` equals the hash of the JSON file. False when the charge holds fields
    /// the compact form does not carry or spells a value differently; the transaction, signing hash and intent
    /// are carried exactly either way.
    public var reproducesCanonicalJSON: Bool {
        do { return try CompactBundle(cbor: cbor).bundle.canonicalJSON() == bundle.canonicalJSON() } catch {
            return false
        }
    }
}
