import BundleFormat
import EthereumPrimitives

/// The fixed parameters the state transition reads (derived once from ``SandboxConfiguration``).
struct ChainRules: Sendable {
    let chainID: ChainID
    let deployment: Deployment
    let blockGasLimit: UInt64
    let dynamicBaseFee: Bool
    /// The configured base fee: fixed value, or the floor of the dynamic one.
    let minimumBaseFee: UInt256
    let creditDelaySeconds: UInt64
    let creditDelayThreshold: UInt256
    /// The share of a purchase the API keeps, basis points.
    let creditFeeBasisPoints: UInt64
    /// The share of a paid checkout the API keeps, basis points.
    let checkoutFeeBasisPoints: UInt64
    let executor: MessageExecutor

    init(configuration c: SandboxConfiguration) {
        chainID = c.chainID
        deployment = c.deployment
        blockGasLimit = c.blockGasLimit
        dynamicBaseFee = c.dynamicBaseFee
        minimumBaseFee = c.baseFee.amount
        creditDelaySeconds = c.creditDelaySeconds
        creditDelayThreshold = c.creditDelayThreshold
        creditFeeBasisPoints = min(c.creditFeeBasisPoints, 10_000)
        checkoutFeeBasisPoints = min(c.checkoutFeeBasisPoints, 10_000)
        let price = PriceModel(usdcUnitsPerNative: c.priceUSDCUnitsPerNative)
        executor = MessageExecutor(
            transfers: TransfersContractModel(
                deployment: c.deployment,
                operators: [c.operatorAddress: c.operatorAddress], price: price,
                feeTiers: c.feeTiers),
            quoter: QuoterModel(deployment: c.deployment, price: price, feeTiers: c.feeTiers),
            usdc: USDCTokenModel(address: c.deployment.usdc))
    }

    /// The base fee after a block with `baseFee` that used `gasUsed` (EIP-1559, elasticity 2, denominator 8),
    /// floored at ``minimumBaseFee``; unchanged when the base fee is fixed.
    func baseFee(after baseFee: UInt256, gasUsed: UInt64) -> UInt256 {
        guard dynamicBaseFee else { return baseFee }
        let target = UInt256(blockGasLimit / 2)
        guard !target.isZero else { return baseFee }
        let used = UInt256(gasUsed)
        let next: UInt256
        if used > target {
            let (scaled, overflow) = baseFee.multipliedReportingOverflow(by: used - target)
            let delta = overflow ? baseFee : max(scaled / target / 8, UInt256(1))
            let (sum, carry) = baseFee.addingReportingOverflow(delta)
            next = carry ? .max : sum
        } else {
            let (scaled, overflow) = baseFee.multipliedReportingOverflow(by: target - used)
            let delta = overflow ? baseFee : scaled / target / 8
            next = delta > baseFee ? .zero : baseFee - delta
        }
        return max(next, minimumBaseFee)
    }
}
