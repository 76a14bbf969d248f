import EthereumTransactions
import EthereumABI
import Foundation
import BundleFormat
public import EthereumPrimitives

/// What the cold machine is willing to sign: per-chain pins and limits, purchase limits, and who must approve.
///
/// Without a policy file the built-in ``Policy/default`` applies: the three OpenRouter chains, the Transfers
/// contracts and Coinbase operator of docs/protocol.md, native USDC only, $500 per purchase and $2,000 per rolling
/// 24 hours, and conservative gas limits. A policy file (format `coldcredits.policy` v1, schema in
/// `formats/policy/v1/`) replaces it whole — e.g. to pin a test network's contract and operator.
public struct Policy: Equatable, Sendable {
    /// Rules for one chain.
    public struct ChainRules: Equatable, Sendable {
        /// The chain.
        public var chainID: ChainID
        /// The only Transfers contract a transaction may call.
        public var transfers: Address
        /// Operators whose intents are accepted.
        public var operators: [Address]
        /// Allowed recipient currencies (USDC).
        public var recipientCurrencies: [Address]
        /// Allowed recipients; empty means any.
        public var recipients: [Address]
        /// Most native value a transaction may carry, in wei.
        public var maxValue: Wei
        /// Highest gas limit.
        public var maxGasLimit: UInt64
        /// Highest max fee per gas, in wei.
        public var maxFeePerGas: Wei
        /// Highest priority fee per gas, in wei.
        public var maxPriorityFeePerGas: Wei
        /// Highest worst-case network fee (gas limit × max fee), in wei.
        public var maxNetworkFee: Wei
        /// The least the cold machine believes one native coin is worth, in USDC units (6 decimals): the value a
        /// transaction carries, priced at this floor, may not exceed the purchase plus ``Policy/valueMarginPercent``.
        public var nativePriceFloorUSDUnits: UInt256
        /// Tokens a checkout payment may transfer, each counted as a 6-decimal dollar token against the purchase
        /// limits (built-in: the chain's native USDC; empty: none).
        public var paymentTokens: [Address]
        /// Checkout deposit addresses pinned by the policy (empty: none pinned; see ``Policy/unpinnedRecipients``).
        public var paymentRecipients: [Address]

        /// Creates chain rules; `paymentTokens` defaults to the chain's built-in USDC, if it has one.
        public init(
            chainID: ChainID, transfers: Address, operators: [Address], recipientCurrencies: [Address],
            recipients: [Address] = [], maxValue: Wei, maxGasLimit: UInt64, maxFeePerGas: Wei,
            maxPriorityFeePerGas: Wei, maxNetworkFee: Wei, nativePriceFloorUSDUnits: UInt256,
            paymentTokens: [Address]? = nil, paymentRecipients: [Address] = []
        ) {
            self.paymentTokens = paymentTokens ?? KnownChain.entry(for: chainID).map { [$0.usdc] } ?? []
            self.paymentRecipients = paymentRecipients
            self.chainID = chainID
            self.transfers = transfers
            self.operators = operators
            self.recipientCurrencies = recipientCurrencies
            self.recipients = recipients
            self.maxValue = maxValue
            self.maxGasLimit = maxGasLimit
            self.maxFeePerGas = maxFeePerGas
            self.maxPriorityFeePerGas = maxPriorityFeePerGas
            self.maxNetworkFee = maxNetworkFee
            self.nativePriceFloorUSDUnits = nativePriceFloorUSDUnits
        }
    }

    /// M-of-N approvals required before signing (threshold 0: none).
    public struct Approvals: Equatable, Sendable {
        /// Which payments need the quorum.
        public enum Scope: String, Equatable, Sendable, CaseIterable {
            /// Every payment (the default).
            case everyPayment = "every-payment"
            /// Only payments to a recipient the policy does not pin (an intent's `recipients`, a checkout's
            /// `paymentRecipients`; an empty list pins nobody).
            case unpinnedRecipients = "unpinned-recipients"
        }

        /// Whether a payment whose recipient is (or is not) pinned needs the quorum.
        public func requires(recipientPinned: Bool) -> Bool {
            threshold > 0 && (requiredFor == .everyPayment || !recipientPinned)
        }

        /// How many distinct approvers must sign.
        public var threshold: Int
        /// Who may approve.
        public var approvers: [Address]
        /// Which payments need the quorum.
        public var requiredFor: Scope
        /// Creates an approval rule.
        public init(threshold: Int, approvers: [Address], requiredFor: Scope = .everyPayment) {
            self.threshold = threshold
            self.approvers = approvers
            self.requiredFor = requiredFor
        }
    }

    /// What happens to a checkout payment whose recipient the policy does not pin.
    public enum UnpinnedRecipients: String, Equatable, Sendable, CaseIterable {
        /// Signed after the operator compares the address on another device (the default).
        case allow
        /// Refused.
        case refuse
    }

    /// Per-chain rules; a chain without rules is not allowed.
    public var chains: [ChainRules]
    /// Largest single purchase in USDC units (6 decimals).
    public var maxPurchaseUSDUnits: UInt256
    /// Largest total signed within any 24 hours, in USDC units.
    public var maxDailyUSDUnits: UInt256
    /// Refuse intents whose deadline is less than this many seconds away.
    public var deadlineMarginSeconds: UInt64
    /// Whether `--yes` may skip the typed confirmation.
    public var allowUnattended: Bool
    /// Most rungs `--fee-ladder` may add.
    public var maxFeeLadderSteps: Int
    /// Approvals required before signing.
    public var approvals: Approvals
    /// How far above the purchase the native value may be worth at the chain's price floor, in percent.
    public var valueMarginPercent: UInt64
    /// What happens to a checkout payment to a recipient no chain rule pins.
    public var unpinnedRecipients: UnpinnedRecipients = .allow

    /// Creates a policy.
    public init(
        chains: [ChainRules], maxPurchaseUSDUnits: UInt256, maxDailyUSDUnits: UInt256,
        deadlineMarginSeconds: UInt64, allowUnattended: Bool, maxFeeLadderSteps: Int, approvals: Approvals,
        valueMarginPercent: UInt64 = Policy.defaultValueMarginPercent
    ) {
        self.chains = chains
        self.maxPurchaseUSDUnits = maxPurchaseUSDUnits
        self.maxDailyUSDUnits = maxDailyUSDUnits
        self.deadlineMarginSeconds = deadlineMarginSeconds
        self.allowUnattended = allowUnattended
        self.maxFeeLadderSteps = maxFeeLadderSteps
        self.approvals = approvals
        self.valueMarginPercent = valueMarginPercent
    }

    /// The rules for `chainID`, if the chain is allowed.
    public func rules(for chainID: ChainID) -> ChainRules? { chains.first { $0.chainID == chainID } }

    /// The value margin a policy file that names none gets: 10 % over the purchase at the floor price.
    public static let defaultValueMarginPercent: UInt64 = 10

    /// The built-in price floor of a chain's native coin in USDC units, from ``KnownChain``: ETH $1,000, POL $0.10.
    ///
    /// Deliberately far below market prices, so an honest swap never trips it; a treasury tightens it in its own
    /// policy file. Nil for chains without a built-in deployment (their policy file must name a floor).
    public static func builtInPriceFloor(for chainID: ChainID) -> UInt256? {
        KnownChain.entry(for: chainID)?.priceFloorUSDCUnits
    }

    /// The built-in conservative policy.
    public static let `default`: Policy = {
        func gwei(_ value: UInt64) -> Wei { Wei(UInt256(value) * UInt256.powerOfTen(9)) }
        func milliEther(_ value: UInt64) -> Wei { Wei(UInt256(value) * UInt256.powerOfTen(15)) }
        let limits: [(ChainID, Wei, Wei, Wei, Wei)] = [
            // chain, max value, max fee/gas, max priority fee/gas, max network fee
            (.ethereum, milliEther(500), gwei(300), gwei(20), milliEther(50)),
            (.base, milliEther(500), gwei(50), gwei(5), milliEther(5)),
            (.polygon, milliEther(5_000_000), gwei(3_000), gwei(500), milliEther(2_000)),
        ]
        let chains = limits.compactMap { chain, value, fee, priority, networkFee -> ChainRules? in
            guard let deployment = Deployment.builtIn(for: chain) else { return nil }
            return ChainRules(
                chainID: chain, transfers: deployment.transfers, operators: [Deployment.coinbaseOperator],
                recipientCurrencies: [deployment.usdc], maxValue: value, maxGasLimit: 1_000_000,
                maxFeePerGas: fee, maxPriorityFeePerGas: priority, maxNetworkFee: networkFee,
                nativePriceFloorUSDUnits: builtInPriceFloor(for: chain) ?? UInt256(1))
        }
        return Policy(
            chains: chains, maxPurchaseUSDUnits: 500_000_000, maxDailyUSDUnits: 2_000_000_000,
            deadlineMarginSeconds: 300, allowUnattended: false, maxFeeLadderSteps: 5,
            approvals: Approvals(threshold: 0, approvers: []))
    }()
}
