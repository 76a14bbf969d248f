public import BundleFormat
import EthereumABI
public import EthereumPrimitives
public import EthereumTransactions
public import QRTransport

extension CheckoutBundle {
    /// Turns an ERC-4527 `eth-sign-request` for a checkout payment into a bundle that `sign`'s verifier can check,
    /// for the key with address `signer` at local time `now`.
    ///
    /// Refused here, before any policy check: everything `IntentBundle.init(signRequest:signer:now:)` refuses
    /// about the request itself (data type, request id, strict type-2 payload, access list, chain id, address);
    /// then any call but exactly ERC-20 `transfer(address,uint256)` (strict decoding, no trailing bytes) with zero
    /// value, or empty calldata with a non-zero value (native); a zero recipient or amount.
    ///
    /// A request carries no checkout, so the request is rebuilt from the transaction as the EIP-681 URI of
    /// ``eip681URI(for:)`` (checksummed addresses, plain decimal amount) and parsed back with the strict
    /// `PaymentRequest(eip681:)`. Of the verifier's rules, these then check the request for real: chain allowed
    /// by the policy; `to` is a token the policy pins for that chain (or a native payment within the value cap);
    /// the recipient is pinned or M-of-N approved; gas and fee limits; the per-purchase and rolling daily USD
    /// limits (from the decoded amount); the ledger's nonce rule. These hold by construction and check nothing:
    /// request token = `to`, request recipient and amount = the calldata's (or `to` and value), request chain =
    /// transaction chain, `from` = signer, the recorded signing hash (the request carries the payload itself). The
    /// operator compares the recipient with the checkout page, as for any checkout. There is no expiry: the bundle
    /// is valid for ``uriValiditySeconds`` after `now`. The ledger key is `eip681:` and the URI's hash; the ledger's
    /// payment key (chain, token, recipient, amount) still links it to a bundle signed for the checkout. Fees and
    /// balances are unknown and recorded as zero.
    public init(signRequest request: EthSignRequest, signer: Address, now: UInt64) throws(QRBundleError) {
        let transaction = try request.checkedTransaction(signer: signer)
        let uri = try Self.eip681URI(for: transaction)
        let token: UInt256? = transaction.data.isEmpty ? nil : .zero
        do {
            try self.init(
                createdAt: now, requestText: .uri(uri), from: signer, transaction: transaction,
                fees: .init(baseFeePerGas: .zero, gasEstimate: 0), balances: Balances(native: .zero, token: token))
        } catch { throw .bundle(error) }
    }

    /// The EIP-681 URI a payment transaction answers: `ethereum:<token>@<chain>/transfer?address=<recipient>&
    /// uint256=<amount>` for an exact ERC-20 `transfer` with zero value, `ethereum:<recipient>@<chain>?value=<wei>`
    /// for empty calldata with a non-zero value; anything else is refused as not a checkout payment.
    public static func eip681URI(for transaction: EIP1559Transaction) throws(QRBundleError) -> String {
        let chain = transaction.chainID.value
        if transaction.data.isEmpty {
            guard !transaction.value.amount.isZero else {
                throw .signRequestRefused(reason: "empty calldata and zero value: neither a token nor a native payment")
            }
            return "ethereum:\(transaction.to.checksummed)@\(chain)?value=\(transaction.value.amount.decimalString)"
        }
        let call: ERC20Transfer
        do { call = try ERC20Transfer(calldata: transaction.data) } catch {
            throw .signRequestRefused(reason: "the calldata is not exactly an ERC-20 transfer(address,uint256): \(error)")
        }
        guard call.calldata == transaction.data else {
            throw .signRequestRefused(reason: "the calldata does not re-encode to the same ERC-20 transfer")
        }
        guard transaction.value.amount.isZero else {
            throw .signRequestRefused(reason: "a token transfer that also sends \(transaction.value.amount) wei")
        }
        return "ethereum:\(transaction.to.checksummed)@\(chain)/transfer?address=\(call.recipient.checksummed)"
            + "&uint256=\(call.amount.decimalString)"
    }
}
