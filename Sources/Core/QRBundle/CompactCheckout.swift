public import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
public import QRTransport

/// The checkout bundle as compact CBOR for one QR code: UR type `coldcredits-checkout`, version 1.
///
/// It carries the request as received and the transaction's numbers, not the calldata: the reader rebuilds the
/// call from the request with `ERC20Transfer(recipient:amount:)` (or empty calldata for a native payment), so a
/// Checkouts API bundle takes about 215 bytes (330 with description, metadata and timestamps) and a URI bundle
/// about 210 — one QR code of version 11–15 at level L. The top-level array, by position:
///
/// | # | field | CBOR |
/// |---|---|---|
/// | 0 | version | `1` |
/// | 1 | fingerprint | 8 bytes: the start of the signing hash `prepare` computed |
/// | 2 | request | text: the EIP-681 URI byte for byte; or an array: the checkout document (``CheckoutDocumentText``) |
/// | 3 | createdAt | uint, Unix seconds |
/// | 4 | from | 20 bytes |
/// | 5 | transaction | `[nonce, maxPriorityFeePerGas, maxFeePerGas, gas, value]` (chain, `to`, data from the request) |
/// | 6 | fees | `[baseFeePerGas, gasEstimate]` |
/// | 7 | balances | `[native, token]`, token `null` for a native payment |
///
/// Integers above 2^64 − 1 are tag-2 bignums. Decoding parses the request with the strict parsers, rebuilds the
/// transaction, checks the fingerprint against the recomputed signing hash and reads the result back through
/// `CheckoutBundle(jsonData:)`, so every rule of the JSON format applies. Every bundle the encoder accepts is
/// rebuilt with byte-identical canonical JSON.
public struct CompactCheckout: Sendable, URPayload {
    /// The UR type.
    public static let urType = "coldcredits-checkout"
    /// The version this build writes and reads.
    public static let version: UInt64 = 1

    /// The bundle.
    public let bundle: CheckoutBundle

    static let names = ["version", "fingerprint", "request", "createdAt", "from", "tx", "fees", "balances"]
    static let transactionNames = ["nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas", "value"]
    static let feeNames = ["baseFeePerGas", "gasEstimate"]
    static let balanceNames = ["native", "token"]

    /// Wraps `bundle` after checking the compact form carries it exactly: the transaction is on the request's
    /// chain, goes to the token (or the recipient for a native payment), has no access list, and its calldata is
    /// exactly the request's transfer (empty for native); a checkout document must be one the form can spell.
    public init(bundle: CheckoutBundle) throws(QRBundleError) {
        let tx = bundle.transaction
        let request = bundle.request
        guard tx.chainID == request.chainID else {
            throw .notRepresentable(reason: "transaction chain \(tx.chainID) differs from the request's \(request.chainID)")
        }
        let expected = Self.call(for: request)
        guard tx.to == expected.to else {
            throw .notRepresentable(reason: "the transaction goes to \(tx.to), the request implies \(expected.to)")
        }
        guard tx.accessList.isEmpty else { throw .notRepresentable(reason: "the transaction has an access list") }
        guard tx.data == expected.data else {
            throw .notRepresentable(reason: "the calldata is not exactly the request's transfer")
        }
        if case .checkout(let document) = bundle.requestText {
            _ = try CheckoutDocumentText.encode(document, request: request)
        }
        self.bundle = bundle
    }

    /// The `to` and calldata the request implies: the token's `transfer(recipient, amount)`, or the recipient
    /// with empty calldata for a native payment.
    static func call(for request: PaymentRequest) -> (to: Address, data: [UInt8]) {
        guard let token = request.token else { return (request.recipient, []) }
        return (token, ERC20Transfer(recipient: request.recipient, amount: request.amount).calldata)
    }

    /// The deterministic CBOR.
    public var cbor: [UInt8] {
        let tx = bundle.transaction
        let requestItem: CBOR
        switch bundle.requestText {
        case .uri(let uri): requestItem = .text(uri)
        case .checkout(let document):
            do { requestItem = try CheckoutDocumentText.encode(document, request: bundle.request) } catch {
                fatalError("checked by init(bundle:) — library bug: \(error)")
            }
        }
        let items: [CBOR] = [
            .unsigned(Self.version), .bytes(Array(bundle.signingHash.hash.bytes.prefix(8))), requestItem,
            .unsigned(bundle.createdAt), .address(bundle.from),
            .array([
                .unsigned(tx.nonce), .uint256(tx.maxPriorityFeePerGas.amount), .uint256(tx.maxFeePerGas.amount),
                .unsigned(tx.gasLimit), .uint256(tx.value.amount),
            ]),
            .array([.uint256(bundle.fees.baseFeePerGas), .unsigned(bundle.fees.gasEstimate)]),
            .array([.uint256(bundle.balances.native), bundle.balances.token.map(CBOR.uint256) ?? .null]),
        ]
        return CBOR.array(items).encoded
    }
}
