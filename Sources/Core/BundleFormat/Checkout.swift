public import Foundation
import EthereumPrimitives
public import StrictJSON

/// A Coinbase Business checkout as the Checkouts API returns it (docs/protocol.md §6.1), read strictly with the
/// one JSON reader and turned into the same ``PaymentRequest`` an EIP-681 URI gives.
///
/// Required: `id`, `url`, `amount` (a decimal string of USDC), `currency` (`USDC`), `network` (a ``KnownChain``
/// name: `base`, `ethereum`, `polygon`), `address` (the deposit address), `tokenAddress` (must be the chain's
/// built-in USDC), `status` and `expiresAt` (ISO-8601). The documented members the payment does not depend on
/// (`description`, `metadata`, `settlement`, `x402_url`, `createdAt`, `updatedAt`) may be present and are not
/// read; any other member is refused.
public struct Checkout: Sendable {
    /// The lifecycle states the Checkouts API documents.
    public static let statuses: Set<String> = ["ACTIVE", "PROCESSING", "COMPLETED", "EXPIRED"]
    /// Members tolerated without being read.
    public static let ignoredMembers: Set<String> = [
        "description", "metadata", "settlement", "x402_url", "createdAt", "updatedAt",
    ]

    /// The longest id accepted: `checkout:<id>` must still be a valid charge id for the ledger and signed file.
    public static let maximumIDLength = ChargeID.maximumLength - "checkout:".count

    /// The checkout id (the ledger's key for "signed once").
    public let id: String
    /// The payment link, as received (shown escaped, never opened).
    public let url: String
    /// `status` as received: one of ``statuses``.
    public let status: String
    /// `expiresAt` as received.
    public let expiresAtText: String
    /// The payment it asks for: USDC on its chain, to `address`, `amount` × 10^6 base units, until `expiresAt`.
    public let request: PaymentRequest

    /// Parses a document's bytes (one strict JSON object).
    public init(jsonData data: Data) throws(PaymentRequestError) {
        let value: JSONValue
        do { value = try JSON.parse(data) } catch {
            throw .checkoutField(.invalid(path: "", reason: "not JSON: \(error.description)"))
        }
        try self.init(value)
    }

    /// Parses an already-parsed document.
    public init(_ value: JSONValue) throws(PaymentRequestError) {
        var reader = try JSONReader(value, path: "checkout", fail: PaymentRequestError.checkoutField).object()
        id = try reader.string("id")
        if let reason = ChargeID.violation(id) { throw .checkoutField(.invalid(path: "checkout.id", reason: reason)) }
        guard id.utf8.count <= Self.maximumIDLength else {
            throw .checkoutField(
                .invalid(
                    path: "checkout.id",
                    reason: "\(id.utf8.count) bytes, at most \(Self.maximumIDLength) (it is recorded as checkout:<id>)"))
        }
        url = try reader.string("url")
        status = try reader.string("status")
        guard Self.statuses.contains(status) else { throw .unknownStatus(found: status) }
        let network = try reader.string("network")
        guard let chain = KnownChain.entry(named: network), network == network.lowercased() else {
            throw .unknownNetwork(found: network)
        }
        let currency = try reader.string("currency")
        guard currency == "USDC" else { throw .unsupportedCurrency(found: currency) }
        let token = try reader.address("tokenAddress")
        guard token == chain.usdc else { throw .tokenNotUSDC(found: token, expected: chain.usdc, chain: chain.chainID) }
        let amountText = try reader.string("amount")
        let amount: UInt256
        do { amount = try ExactDecimal(decimal: amountText, scale: 6, field: "checkout.amount").units } catch {
            throw .checkoutField(.malformed(path: "checkout.amount", error))
        }
        if amount.isZero { throw .zeroAmount(field: "checkout.amount") }
        let recipient = try reader.address("address")
        if recipient == .zero { throw .zeroAddress(field: "checkout.address") }
        expiresAtText = try reader.string("expiresAt")
        guard !expiresAtText.allSatisfy(\.isNumber), let expiresAt = ISO8601.unixSeconds(expiresAtText) else {
            throw .invalidExpiry(found: expiresAtText)
        }
        try reader.finish(allowing: Self.ignoredMembers.contains)
        request = PaymentRequest(
            chainID: chain.chainID, asset: .token(chain.usdc), recipient: recipient, amount: amount,
            expiresAt: expiresAt, source: .checkout(id: id))
    }
}
