public import BundleFormat
import EthereumABI
public import EthereumPrimitives
public import EthereumTransactions

/// The offline rules for a checkout payment: the transaction's own bytes against a ``PaymentRequest`` and the
/// policy, as a pure function (no clock, ledger or key; ``BundleVerifier`` adds those).
///
/// A token payment goes to a token the policy pins for the chain (`paymentTokens`; built-in: ``KnownChain``'s
/// native USDC), carries value
/// 0 and calldata that is exactly ERC-20 `transfer(recipient, amount)` with the request's recipient and amount.
/// A native payment has empty calldata, goes to the request's recipient with exactly its value, within the
/// policy's value cap. The transfer-intent path (``BundleVerifier``) is separate and unchanged.
public struct TransferVerifier: Sendable {
    /// The policy in force (its chains, their token pins and value caps).
    public var policy: Policy

    /// Creates a verifier.
    public init(policy: Policy) {
        self.policy = policy
    }

    /// Checks `tx` against `request`, rule by rule; the first failing rule throws its own error.
    public func verify(_ tx: EIP1559Transaction, against request: PaymentRequest) throws(VerificationError)
        -> VerifiedPayment
    {
        guard tx.chainID == request.chainID else {
            throw .requestChainMismatch(transaction: tx.chainID, request: request.chainID)
        }
        guard let rules = policy.rules(for: tx.chainID) else { throw .chainNotAllowed(tx.chainID) }
        switch request.asset {
        case .token(let token):
            let pinned = rules.paymentTokens
            guard pinned.contains(tx.to) else { throw .tokenNotPinned(found: tx.to, pinned: pinned) }
            guard tx.to == token else {
                throw .paymentMismatch(field: "token", transaction: tx.to.checksummed, request: token.checksummed)
            }
            guard tx.value.amount.isZero else {
                throw .paymentMismatch(field: "value", transaction: "\(tx.value.amount.decimalString) wei", request: "0 wei")
            }
            let call: ERC20Transfer
            do { call = try ERC20Transfer(calldata: tx.data) } catch { throw .calldataNotTokenTransfer(error) }
            guard call.recipient == request.recipient else {
                throw .paymentMismatch(
                    field: "recipient", transaction: call.recipient.checksummed, request: request.recipient.checksummed)
            }
            guard call.amount == request.amount else {
                throw .paymentMismatch(
                    field: "amount", transaction: "\(call.amount.decimalString) base units",
                    request: "\(request.amount.decimalString) base units")
            }
            // Every pinned token counts as a 6-decimal dollar token (USDC's scale): a token of another scale pinned by
            // mistake makes amounts look larger, so the dollar limits refuse rather than let it through unbounded.
            return VerifiedPayment(
                chainID: tx.chainID, asset: .token(token), recipient: call.recipient, amount: call.amount,
                usdUnits: call.amount)
        case .native:
            guard tx.data.isEmpty else { throw .nativeTransferHasCalldata(bytes: tx.data.count) }
            guard tx.to == request.recipient else {
                throw .paymentMismatch(field: "recipient", transaction: tx.to.checksummed, request: request.recipient.checksummed)
            }
            guard tx.value.amount == request.amount else {
                throw .paymentMismatch(
                    field: "value", transaction: "\(tx.value.amount.decimalString) wei",
                    request: "\(request.amount.decimalString) wei")
            }
            guard tx.value <= rules.maxValue else {
                let symbol = tx.chainID.nativeSymbol
                throw .limitExceeded(
                    field: "value", found: "\(tx.value.etherString) \(symbol)", limit: "\(rules.maxValue.etherString) \(symbol)")
            }
            return VerifiedPayment(
                chainID: tx.chainID, asset: .native, recipient: tx.to, amount: tx.value.amount, usdUnits: nil)
        }
    }
}

/// What a verified payment transaction does, every figure read from its bytes.
public struct VerifiedPayment: Equatable, Sendable {
    /// The chain.
    public let chainID: ChainID
    /// The asset paid.
    public let asset: PaymentRequest.Asset
    /// The recipient, from the calldata (token) or `to` (native).
    public let recipient: Address
    /// The amount in base units, from the calldata (token) or `value` (native).
    public let amount: UInt256
    /// The amount in 10^-6 dollars for the purchase limits: every token payment (pinned tokens count as 6-decimal
    /// dollar tokens, like USDC); nil for a native payment.
    public let usdUnits: UInt256?
}
