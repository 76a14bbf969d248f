public import BundleFormat
import StrictJSON
import EthereumABI
public import EthereumPrimitives
public import EthereumRPC
import EthereumTransactions
public import Foundation
public import PaymentAPI
import Secp256k1

/// Turns a charge into an unsigned bundle: validate the charge, read the chain in two JSON-RPC batches
/// (state + quotes, then simulation + gas estimate), pick the value and fees, and assemble the bundle.
///
/// Round trips: at most one API request for the charge (plus its retries), and exactly two HTTP requests to the
/// node — the counters of the clients let tests assert both.
public struct Preparer: Sendable {
    /// Where the charge comes from.
    public enum ChargeSource: Sendable {
        /// Create it through the API for this many USD.
        case api(PaymentAPIClient, amountUSD: String)
        /// Read it from a saved response (`{"data": …}`) or a bare `data` object.
        case file(Data)
    }

    /// The node.
    public var rpc: JSONRPCClient
    /// The contracts of the chain.
    public var deployment: Deployment
    /// The paying address.
    public var sender: Address
    /// Buffer on top of the quote, in basis points.
    public var slippageBPS: UInt32 = 100
    /// Margin on top of `eth_estimateGas`, in percent.
    public var gasMarginPercent: UInt64 = 25
    /// The smallest priority fee to offer.
    public var minimumPriorityFee: Wei
    /// Average block time of the chain, for the fee headroom until the deadline.
    public var secondsPerBlock: UInt64
    /// Refuse charges whose deadline is closer than this.
    public var minimumSecondsLeft: UInt64 = 600
    /// The local clock, Unix seconds.
    public var now: UInt64
    /// Told the API's answer as soon as a charge was created, so a later failure can say how to reuse it.
    public var onChargeCreated: @Sendable (Data) -> Void = { _ in }

    /// Creates a preparer.
    public init(
        rpc: JSONRPCClient, deployment: Deployment, sender: Address, minimumPriorityFee: Wei,
        secondsPerBlock: UInt64, now: UInt64
    ) {
        self.rpc = rpc
        self.deployment = deployment
        self.sender = sender
        self.minimumPriorityFee = minimumPriorityFee
        self.secondsPerBlock = secondsPerBlock
        self.now = now
    }

    /// What happened, for the summary.
    public struct Outcome: Sendable {
        /// The bundle to hand to `sign`.
        public let bundle: IntentBundle
        /// The native balance seen.
        public let balance: Wei
        /// Quotes per tier (nil where the tier failed).
        public let quotes: [(tier: UInt32, amountIn: UInt256?)]
    }

    /// Runs the whole preparation.
    public func prepare(_ source: ChargeSource) async throws(PreparationError) -> Outcome {
        let charge = try await obtainCharge(source)
        try validate(charge)
        let state = try await readState(charge)
        let (tier, amountIn) = try Self.cheapest(state.quotes, reasons: state.reasons)
        let value = try Self.withSlippage(amountIn, bps: slippageBPS)
        let calldata = TransfersContract.encodeSwapAndTransfer(intent: charge.intent, poolFeesTier: tier)
        let symbol = charge.chainID.nativeSymbol
        guard state.balance.amount >= value else {
            throw .insufficientBalance(balance: state.balance, needed: Wei(value), symbol: symbol)
        }
        let gasEstimate: UInt64
        do { gasEstimate = try await simulate(calldata: calldata, value: value) } catch .rpc(let error)
            where error.nodeErrorKind == .insufficientFunds
        {
            throw .insufficientBalance(balance: state.balance, needed: Wei(value), symbol: symbol)
        }
        let (gasLimit, overflow) = gasEstimate.multipliedReportingOverflow(by: 100 + gasMarginPercent)
        guard !overflow else { throw .overflow("gas limit") }
        let transaction = EIP1559Transaction(
            chainID: charge.chainID, nonce: state.nonce, maxPriorityFeePerGas: state.fees.maxPriorityFeePerGas,
            maxFeePerGas: state.fees.maxFeePerGas, gasLimit: gasLimit / 100, to: charge.contract, value: Wei(value),
            data: calldata)
        let worstCase: Wei
        do { worstCase = try transaction.maximumCost() } catch { throw .overflow("value + gas × maxFeePerGas") }
        guard state.balance >= worstCase else {
            throw .insufficientBalance(balance: state.balance, needed: worstCase, symbol: charge.chainID.nativeSymbol)
        }
        let bundle = IntentBundle(
            createdAt: now, charge: charge, from: sender, transaction: transaction,
            quote: .init(poolFeesTier: tier, amountIn: amountIn, slippageBPS: slippageBPS, quoter: deployment.quoterV2),
            fees: .init(baseFeePerGas: state.fees.nextBaseFee.amount, gasEstimate: gasEstimate))
        return Outcome(bundle: bundle, balance: state.balance, quotes: state.quotes)
    }

    func obtainCharge(_ source: ChargeSource) async throws(PreparationError) -> Charge {
        let body: Data
        switch source {
        case .api(let client, let amount):
            do {
                body = try await client.createCoinbaseCharge(amountUSD: amount, sender: sender, chainID: deployment.chainID)
            } catch { throw .api(error) }
            onChargeCreated(body)
        case .file(let data):
            body = data
        }
        do {
            // A file holds either the API's whole response `{"data": {…}}` or the `data` object alone; one parse.
            var top = try BundleReader(document: body)
            if top.has("data") { return try Charge(dataObject: try top.object("data")) }
            return try Charge(dataObject: top.value, path: "charge")
        } catch {
            throw .invalidCharge(error)
        }
    }

    /// Checks the charge against what was asked for, the pinned contract, the clock and its operator signature.
    func validate(_ charge: Charge) throws(PreparationError) {
        guard charge.sender == sender else {
            throw .chargeMismatch(field: "metadata.sender", expected: sender.checksummed, found: charge.sender.checksummed)
        }
        guard charge.chainID == deployment.chainID else {
            throw .chargeMismatch(
                field: "metadata.chain_id", expected: String(deployment.chainID.value), found: String(charge.chainID.value))
        }
        guard charge.contract == deployment.transfers else {
            throw .chargeMismatch(
                field: "metadata.contract_address", expected: deployment.transfers.checksummed,
                found: charge.contract.checksummed)
        }
        let deadline = charge.intent.deadline.uint64 ?? .max
        guard deadline > now else { throw .chargeExpired(deadline: deadline, now: now) }
        guard deadline - now >= minimumSecondsLeft else {
            throw .chargeExpiring(deadline: deadline, now: now, margin: minimumSecondsLeft)
        }
        let digest = charge.intent.operatorDigest(chainID: charge.chainID, sender: sender, contract: charge.contract)
        let recovered = try? RecoverableSignature(rsv: charge.intent.signature).recoverAddress(digest: digest)
        guard recovered == charge.intent.operator else {
            throw .operatorSignatureInvalid(expected: charge.intent.operator, recovered: recovered)
        }
    }
}
