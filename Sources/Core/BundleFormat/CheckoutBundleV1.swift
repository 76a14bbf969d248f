import Foundation
public import EthereumPrimitives
public import EthereumTransactions
public import StrictJSON

/// The unsigned bundle of a checkout payment: format `coldcredits.checkout-bundle`, version 1.
///
/// The sibling of ``UnsignedBundleV1`` for the second way to pay: a plain ERC-20 `transfer` (or native transfer)
/// to a checkout's deposit address. It keeps the payment request exactly as received — the EIP-681 URI text or
/// the Checkouts API document — beside the transaction, so `sign` re-parses the request itself and compares it
/// with the calldata. Fees and balances are the online machine's context, shown as such and never trusted. The
/// schema is `formats/checkout-bundle/v1/schema.json`.
public struct CheckoutBundleV1: Sendable {
    /// The `format` value.
    public static let format = "coldcredits.checkout-bundle"
    /// The `version` this type reads and writes.
    public static let version = 1
    /// How long a bundle for a request without an expiry (a bare EIP-681 URI) stays signable after `prepare`.
    public static let uriValiditySeconds: UInt64 = 86_400

    /// The request as received.
    public enum RequestText: Equatable, Sendable {
        /// An EIP-681 URI, byte for byte.
        case uri(String)
        /// A Checkouts API document, as parsed (member order aside, exactly as received).
        case checkout(JSONValue)

        /// The request, by the strict EIP-681 or Checkouts parser, and the parsed document when it is one.
        public func parsed() throws(PaymentRequestError) -> (request: PaymentRequest, checkout: Checkout?) {
            switch self {
            case .uri(let uri): return (try PaymentRequest(eip681: uri), nil)
            case .checkout(let document):
                let checkout = try Checkout(document)
                return (checkout.request, checkout)
            }
        }
    }

    /// Unix seconds when `prepare` wrote the bundle.
    public var createdAt: UInt64
    /// The request as received; ``request`` is parsed from it.
    public let requestText: RequestText
    /// The payment the request asks for, parsed from ``requestText`` by the strict parsers.
    public let request: PaymentRequest
    /// The Checkouts API document, parsed from ``requestText``; nil for a URI.
    public let checkout: Checkout?
    /// The paying address (the transaction's sender).
    public var from: Address
    /// The transaction to sign.
    public var transaction: EIP1559Transaction
    /// The fee market as `prepare` saw it (context only).
    public var fees: UnsignedBundleV1.FeeContext
    /// The payer's balances as `prepare` read them (context only).
    public var balances: Balances

    /// The payer's balances before the payment.
    public struct Balances: Equatable, Sendable {
        /// Native balance, in wei.
        public var native: UInt256
        /// Balance of the request's token, in its base units (nil for a native payment).
        public var token: UInt256?
        /// Creates balances.
        public init(native: UInt256, token: UInt256?) {
            self.native = native
            self.token = token
        }
    }

    /// Creates a bundle; the request text is parsed here, so a bundle never holds a request it cannot read.
    public init(
        createdAt: UInt64, requestText: RequestText, from: Address, transaction: EIP1559Transaction,
        fees: UnsignedBundleV1.FeeContext, balances: Balances
    ) throws(BundleError) {
        self.createdAt = createdAt
        self.requestText = requestText
        (request, checkout) = try Self.parse(requestText)
        self.from = from
        self.transaction = transaction
        self.fees = fees
        self.balances = balances
    }

    /// Parses a request text with the strict EIP-681 or Checkouts parser; errors name `request.uri` or
    /// `request.checkout`.
    public static func parse(_ text: RequestText) throws(BundleError) -> (request: PaymentRequest, checkout: Checkout?) {
        do { return try text.parsed() } catch {
            let path: String
            if case .uri = text { path = "request.uri" } else { path = "request.checkout" }
            throw .invalidField(path: path, reason: error.description)
        }
    }

    /// The hash the key will sign, recomputed from the transaction fields.
    public var signingHash: SigningHash { transaction.signingHash }

    /// The fingerprint of ``signingHash``.
    public var fingerprint: Fingerprint { Fingerprint(signingHash.hash) }

    /// Unix seconds after which the bundle is useless: the checkout's expiry, or ``uriValiditySeconds`` after
    /// `createdAt` for a request that has none.
    public var validUntil: UInt64 {
        request.expiresAt ?? createdAt.addingReportingOverflow(Self.uriValiditySeconds).partialValue
    }

    /// The key "signed once" is recorded under: `checkout:<id>`, or `eip681:` and the Keccak-256 of the URI's
    /// canonical form (``PaymentRequest/canonicalEIP681``), so one request spelled another way is still one key.
    public var requestKey: String { Self.requestKey(for: request) }

    /// The ledger key of `request` (see ``requestKey``).
    public static func requestKey(for request: PaymentRequest) -> String {
        switch request.source {
        case .checkout(let id): return "checkout:" + id
        case .uri: return paymentKey(for: request)
        }
    }

    /// What the payment is, whichever way it was asked for.
    ///
    /// `eip681:` and the Keccak-256 of the request's canonical URI (chain, asset, recipient, amount). A checkout document and the URI of its QR code give the same key, so
    /// the ledger can refuse to pay one deposit twice under two request keys.
    public var paymentKey: String { Self.paymentKey(for: request) }

    /// The payment key of `request` (see ``paymentKey``).
    public static func paymentKey(for request: PaymentRequest) -> String {
        "eip681:" + Hex.encode(Keccak256.hash(Array(request.canonicalEIP681.utf8)).bytes, prefix: false)
    }
}

/// The name the rest of the code uses for the current version.
public typealias CheckoutBundle = CheckoutBundleV1
