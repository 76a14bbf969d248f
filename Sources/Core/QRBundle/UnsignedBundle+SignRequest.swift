public import BundleFormat
import EthereumABI
public import EthereumPrimitives
import EthereumTransactions
import Foundation
public import QRTransport

extension IntentBundle {
    /// The charge id given to a payment that arrives as an ERC-4527 request, which carries no charge:
    /// `intent-` and the intent's 16-byte id in hex (what `broadcast` names a bare raw transaction, too).
    public static func intentChargeID(_ intentID: [UInt8]) -> String { "intent-" + Hex.encode(intentID, prefix: false) }

    /// Turns an ERC-4527 `eth-sign-request` into a bundle that `sign`'s `BundleVerifier` can check, for the
    /// key with address `signer` at local time `now`.
    ///
    /// Refused here, before any policy check: a data type other than 4 (typed transaction); no request id (the
    /// answer could not be matched); `sign-data` that is not a strictly encoded unsigned type-2 payload; an
    /// access list; a `chain-id` other than the transaction's; an `address` other than `signer`; calldata that
    /// is not exactly `swapAndTransferUniswapV3Native(intent, tier)` — only the Transfers call passes.
    ///
    /// A request carries no charge, so the charge is rebuilt from the calldata's intent (chain and contract from
    /// the transaction, sender = `signer`). Of the verifier's rules, these then check the request for real:
    /// chain allowed by the policy; `to` is the pinned Transfers contract; the calldata decodes exactly; the fee
    /// tier is allowed; the operator's signature over the intent recovers for *this* chain, contract and sender
    /// (so the intent was issued for the key's address) and the operator is pinned; the deadline with its
    /// margin; value, gas, fee and network-fee limits; the per-purchase and rolling daily USD limits (from the
    /// decoded amounts); the recipient currency and recipient; the ledger's nonce rule. These hold by
    /// construction and check nothing: calldata intent = charge intent, charge contract = `to`, charge chain =
    /// transaction chain, `from` = sender, and the recorded signing hash (the request carries the payload
    /// itself, so there is no second encoding to disagree). The ledger's one-charge rule keys on the synthetic
    /// id ``intentChargeID(_:)``, so it does not link this payment to a bundle signed for the same charge
    /// (the nonce rule still does, and the contract refuses a second payment of one intent id). There is no
    /// quote: the review says so, and the value is checked against the policy's limit only.
    public init(signRequest request: EthSignRequest, signer: Address, now: UInt64) throws(QRBundleError) {
        let transaction = try request.checkedTransaction(signer: signer)
        guard let call = CompactCalldata.transfersCall(transaction.data) else {
            throw .signRequestRefused(
                reason: "the calldata is not exactly a Transfers swapAndTransferUniswapV3Native call")
        }
        let intent = call.intent
        let deadline = intent.deadline.uint64.map { ISO8601.format(unixSeconds: $0) } ?? intent.deadline.decimalString
        let chargeObject = ChargeText.object(
            id: Self.intentChargeID(intent.id), createdAt: "unknown (eth-sign-request)", expiresAt: deadline,
            chainID: transaction.chainID, contract: transaction.to, sender: signer, intent: intent,
            spellings: ChargeText.Spellings.checksummed)
        do {
            let charge = try Charge(dataObject: chargeObject, path: "charge")
            self.init(
                createdAt: now, charge: charge, from: signer, transaction: transaction,
                quote: QuoteContext(poolFeesTier: call.poolFeesTier, amountIn: .zero, slippageBPS: 0, quoter: .zero),
                fees: FeeContext(baseFeePerGas: .zero, gasEstimate: 0))
        } catch { throw .bundle(error) }
    }
}

extension ChargeText.Spellings {
    /// Every address in EIP-55 form.
    static var checksummed: ChargeText.Spellings {
        do { return try ChargeText.Spellings(code: 0b01_0101_0101_01, field: "spellings") } catch {
            fatalError("constant spelling code is valid — library bug: \(error)")
        }
    }
}
