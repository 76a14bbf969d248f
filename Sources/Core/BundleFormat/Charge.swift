public import Foundation
public import EthereumABI
public import EthereumPrimitives
public import StrictJSON

/// A Coinbase Commerce charge as OpenRouter's `POST /api/v1/credits/coinbase` returns it (the `data` object),
/// validated and converted: `call_data` strings become a typed ``TransferIntent``, `deadline` becomes Unix
/// seconds.
///
/// The JSON shape (docs/protocol.md §2.2): `{id, created_at, expires_at, web3_data: {transfer_intent: {metadata:
/// {chain_id, contract_address, sender}, call_data: {recipient_amount, deadline, recipient, recipient_currency,
/// refund_destination, fee_amount, id, operator, signature, prefix}}}}`. Unknown keys are tolerated here
/// (the API may add some) — but `raw` keeps the object exactly as received.
public struct Charge: Sendable {
    /// OpenRouter's charge id.
    public let id: String
    /// `created_at` as received.
    public let createdAt: String
    /// `expires_at` as received.
    public let expiresAt: String
    /// `metadata.chain_id`.
    public let chainID: ChainID
    /// `metadata.contract_address`: the Transfers contract to call.
    public let contract: Address
    /// `metadata.sender`: the only address that may pay this intent.
    public let sender: Address
    /// The decoded `call_data`.
    public let intent: TransferIntent
    /// `call_data.deadline` as received (ISO-8601).
    public let deadlineText: String
    /// The `data` object exactly as received.
    public let raw: JSONValue

    /// Parses a full API response body `{"data": {…}}`.
    public init(responseBody: Data) throws(BundleError) {
        var top = try BundleReader(document: responseBody)
        try self.init(dataObject: try top.object("data"))
    }

    /// Parses the `data` object `value` found at `path` (`charge` inside a bundle).
    public init(dataObject value: JSONValue, path: String) throws(BundleError) {
        try self.init(dataObject: try BundleReader(value, path: path).object())
    }

    /// Parses the `data` object `data` reads; its path prefixes error paths.
    public init(dataObject reader: BundleReader) throws(BundleError) {
        var data = reader
        id = try data.string("id")
        try ChargeID.check(id, path: data.childPath("id"))
        if let prefix = ChargeID.checkoutPrefixes.first(where: id.hasPrefix) {
            throw .invalidChargeID(
                path: data.childPath("id"), id: id, reason: "the prefix \(prefix) is reserved for checkout payments")
        }
        createdAt = try data.string("created_at")
        expiresAt = try data.string("expires_at")
        var web3 = try data.object("web3_data")
        var transferIntent = try web3.object("transfer_intent")
        var metadata = try transferIntent.object("metadata")
        var call = try transferIntent.object("call_data")
        chainID = ChainID(try metadata.integer("chain_id"))
        contract = try metadata.address("contract_address")
        sender = try metadata.address("sender")
        deadlineText = try call.string("deadline")
        guard let deadline = ISO8601.unixSeconds(deadlineText) else {
            throw .invalidField(
                path: call.childPath("deadline"),
                reason: "expected an ISO-8601 UTC time such as 2025-03-01T06:19:59Z, found \"\(deadlineText)\"")
        }
        let recipientAmount = try call.decimal("recipient_amount")
        let feeAmount = try call.decimal("fee_amount")
        do {
            intent = try TransferIntent(
                recipientAmount: recipientAmount, deadline: UInt256(deadline),
                recipient: try call.address("recipient"), recipientCurrency: try call.address("recipient_currency"),
                refundDestination: try call.address("refund_destination"), feeAmount: feeAmount,
                id: try call.bytes("id", count: 16), operator: try call.address("operator"),
                signature: try call.bytes("signature", count: 65), prefix: try call.bytes("prefix"))
        } catch let error as BundleError {
            throw error
        } catch {
            throw .invalidField(path: call.path, reason: "\(error)")
        }
        do { _ = try intent.neededAmount() } catch {
            throw .invalidField(path: call.childPath("fee_amount"), reason: error.description)
        }
        if intent.recipient == .zero { throw .invalidField(path: call.childPath("recipient"), reason: "is the zero address") }
        raw = reader.value
    }

    /// The intent's USD value in USDC units: recipient amount plus fee (6 decimals); checked not to overflow
    /// when the charge was parsed.
    public var totalUSDCUnits: UInt256 { intent.recipientAmount + intent.feeAmount }
}
