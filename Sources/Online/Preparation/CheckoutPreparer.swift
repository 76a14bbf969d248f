public import BundleFormat
import EthereumABI
public import EthereumPrimitives
public import EthereumRPC
import EthereumTransactions

/// Turns a payment request (an EIP-681 URI or a Checkouts API document) into an unsigned checkout bundle: check the
/// request and the clock, read the chain and simulate the payment in ONE JSON-RPC batch, refuse early when the
/// chain, the balances or the simulation say the payment cannot go through, and assemble the transaction.
///
/// The batch: `eth_chainId`, `eth_getTransactionCount` (pending), `eth_feeHistory` (latest base fee and tip
/// percentile), `eth_getBalance`, the token's `balanceOf` (token payments only), `eth_call` of the exact payment from
/// the sender, and `eth_estimateGas` of it — one HTTP request, which ``JSONRPCClient/roundTrips`` lets tests count.
public struct CheckoutPreparer: Sendable {
    /// The node.
    public var rpc: JSONRPCClient
    /// The paying address.
    public var sender: Address
    /// The smallest priority fee to offer (the chain's floor).
    public var minimumPriorityFee: Wei
    /// Average block time of the chain, for the fee headroom until the request expires.
    public var secondsPerBlock: UInt64
    /// Margin on top of `eth_estimateGas`, in percent (as for the transfer-intent path).
    public var gasMarginPercent: UInt64 = 25
    /// Refuse checkouts that expire sooner than this (as the transfer-intent path refuses charges).
    public var minimumSecondsLeft: UInt64 = 600
    /// The local clock, Unix seconds.
    public var now: UInt64

    /// Creates a preparer.
    public init(rpc: JSONRPCClient, sender: Address, minimumPriorityFee: Wei, secondsPerBlock: UInt64, now: UInt64) {
        self.rpc = rpc
        self.sender = sender
        self.minimumPriorityFee = minimumPriorityFee
        self.secondsPerBlock = secondsPerBlock
        self.now = now
    }

    /// What happened, for the summary.
    public struct Outcome: Sendable {
        /// The bundle to hand to `sign`.
        public let bundle: CheckoutBundle
        /// The checkout document, parsed, when the request was one.
        public let checkout: Checkout?
        /// The fees chosen (next base fee, its bound, tip and cap).
        public let fees: FeeSuggestion
    }

    /// Runs the whole preparation for `text`, the request exactly as received.
    public func prepare(_ text: CheckoutBundle.RequestText) async throws(PreparationError) -> Outcome {
        let (request, checkout) = try Self.parse(text)
        try check(request, checkout: checkout)
        let payment = Self.payment(for: request, from: sender)
        let state = try await read(request, payment: payment)
        if let have = state.tokenBalance, have < request.amount {
            throw .tokenBalanceShort(have: have, need: request.amount, request: request)
        }
        if request.token == nil, state.balance.amount < request.amount {
            throw .gasMoneyShort(have: state.balance, need: Wei(request.amount), symbol: request.chainID.nativeSymbol)
        }
        let gasEstimate = try state.simulation.get()
        let (scaled, overflow) = gasEstimate.multipliedReportingOverflow(by: 100 + gasMarginPercent)
        guard !overflow else { throw .overflow("gas limit") }
        let transaction = EIP1559Transaction(
            chainID: request.chainID, nonce: state.nonce, maxPriorityFeePerGas: state.fees.maxPriorityFeePerGas,
            maxFeePerGas: state.fees.maxFeePerGas, gasLimit: scaled / 100, to: payment.to, value: payment.value ?? Wei(.zero),
            data: payment.data)
        let need: Wei
        do { need = try transaction.maximumCost() } catch { throw .overflow("value + gas × maxFeePerGas") }
        guard state.balance >= need else {
            throw .gasMoneyShort(have: state.balance, need: need, symbol: request.chainID.nativeSymbol)
        }
        let bundle: CheckoutBundle
        do {
            bundle = try CheckoutBundle(
                createdAt: now, requestText: text, from: sender, transaction: transaction,
                fees: .init(baseFeePerGas: state.fees.nextBaseFee.amount, gasEstimate: gasEstimate),
                balances: .init(native: state.balance.amount, token: state.tokenBalance))
        } catch {
            // Cannot happen: the same text parsed above; kept as a data error rather than a crash.
            throw .invalidCharge(error)
        }
        return Outcome(bundle: bundle, checkout: checkout, fees: state.fees)
    }

    /// The request parsed by the strict parsers, and the checkout document when it is one.
    public static func parse(_ text: CheckoutBundle.RequestText) throws(PreparationError) -> (PaymentRequest, Checkout?) {
        do { return try text.parsed() } catch { throw .invalidRequest(error) }
    }

    /// Refuses, before any network request, a checkout that is not ACTIVE or expires within the margin.
    public func check(_ request: PaymentRequest, checkout: Checkout?) throws(PreparationError) {
        if let checkout, checkout.status != "ACTIVE" {
            throw .checkoutNotActive(id: checkout.id, status: checkout.status)
        }
        guard let expiresAt = request.expiresAt else { return }
        guard expiresAt > now else { throw .checkoutExpired(expiresAt: expiresAt, now: now) }
        guard expiresAt - now >= minimumSecondsLeft else {
            throw .checkoutExpiring(expiresAt: expiresAt, now: now, margin: minimumSecondsLeft)
        }
    }

    /// The exact call the bundle's transaction makes: ERC-20 `transfer` on the token with no value, or a plain
    /// native transfer to the recipient with empty calldata.
    public static func payment(for request: PaymentRequest, from sender: Address) -> CallRequest {
        switch request.asset {
        case .token(let token):
            let calldata = ERC20Transfer(recipient: request.recipient, amount: request.amount).calldata
            return CallRequest(from: sender, to: token, data: calldata)
        case .native:
            return CallRequest(from: sender, to: request.recipient, value: Wei(request.amount), data: [])
        }
    }
}
