public import EthereumPrimitives
public import Foundation
import HTTPTransport
import StrictJSON

extension PaymentAPIClient {
    /// Creates a Coinbase Commerce charge and returns the raw 200 body (parsing the charge is another module's job).
    ///
    /// Sends `{"amount": <amountUSD>, "chain_id": <chainID>, "sender": "<EIP-55 address>"}`. `amountUSD` is exact
    /// decimal text (`"10"`, `"12.50"`) with at most two decimal places; it is normalised (`"010.50"` → `10.5`) and
    /// sent as a JSON number written from those digits, never through `Double`.
    ///
    /// OpenRouter has reported this endpoint removed: expect ``PaymentAPIError/gone(_:_:)``. A retried POST (after a
    /// 5xx) may create a second charge; only the charge whose calldata is signed and sent is ever paid.
    /// - Throws: ``PaymentAPIError``.
    public func createCoinbaseCharge(amountUSD: String, sender: Address, chainID: ChainID) async throws(PaymentAPIError)
        -> Data
    {
        let amount = try Self.amountLiteral(amountUSD)
        let body = JSONValue.object([
            "amount": .number(amount), "sender": .string(sender.checksummed), "chain_id": JSONValue(chainID.value),
        ])
        return try await perform(.coinbaseCharge, method: .post, body: Data(JSON.serialize(body))).body
    }

    /// The JSON number literal for a positive USD amount with at most two decimal places.
    static func amountLiteral(_ text: String) throws(PaymentAPIError) -> String {
        let cents: UInt256
        do {
            cents = try DecimalAmount.parse(text, decimals: 2, field: "amount")
        } catch {
            if case .invalidDecimal(_, _, let reason) = error { throw .invalidAmount(found: text, reason: reason) }
            throw .invalidAmount(found: text, reason: error.description)
        }
        guard !cents.isZero else { throw .invalidAmount(found: text, reason: "must be greater than zero") }
        return DecimalAmount.format(cents, decimals: 2)
    }
}
