public import EthereumPrimitives

/// How ``FeeEstimator`` turns a fee history into EIP-1559 fees.
///
/// - Priority fee: the median, over the blocks of the history, of the reward in column ``rewardColumn`` (the
///   index of the percentile you requested, e.g. `0` for `[50]`), raised to ``minimumPriorityFee``.
/// - Max fee: the next block's base fee grown by the largest EIP-1559 increase for ``headroomBlocks`` blocks in a
///   row, plus the priority fee. The transaction stays includable as long as the base fee does not outgrow that.
public struct FeePolicy: Hashable, Sendable {
    /// The default cap on ``headroomBlocks``: six full blocks in a row is ×2.03, the "twice the base fee" margin
    /// wallets commonly use; more would raise the balance the sender must hold (`gasLimit × maxFeePerGas + value`)
    /// for little gain, since a transaction priced out by a spike only waits and can be re-signed.
    public static let defaultMaximumHeadroomBlocks = 6

    /// Index into each block's reward row.
    public var rewardColumn: Int
    /// The smallest tip to offer, whatever recent blocks paid.
    public var minimumPriorityFee: Wei
    /// Number of consecutive maximal base-fee increases to survive.
    public var headroomBlocks: Int

    /// Creates a policy.
    public init(rewardColumn: Int = 0, minimumPriorityFee: Wei, headroomBlocks: Int = defaultMaximumHeadroomBlocks) {
        precondition(rewardColumn >= 0 && headroomBlocks >= 0, "negative fee policy parameter — caller bug")
        self.rewardColumn = rewardColumn
        self.minimumPriorityFee = minimumPriorityFee
        self.headroomBlocks = headroomBlocks
    }

    /// The blocks until a deadline, `ceil(seconds / secondsPerBlock)`, capped at `maximum`.
    ///
    /// A charge's deadline bounds how long the transaction is useful; beyond the cap the extra margin is not worth
    /// the balance it locks up (see ``defaultMaximumHeadroomBlocks``).
    public static func headroomBlocks(
        secondsUntilDeadline seconds: UInt64,
        secondsPerBlock: UInt64,
        maximum: Int = defaultMaximumHeadroomBlocks
    ) -> Int {
        precondition(secondsPerBlock > 0 && maximum >= 0, "invalid block time or cap — caller bug")
        let blocks = seconds / secondsPerBlock + (seconds % secondsPerBlock == 0 ? 0 : 1)
        return blocks >= UInt64(maximum) ? maximum : Int(blocks)
    }
}

/// Fees for an EIP-1559 transaction, all in wei per gas.
public struct FeeSuggestion: Hashable, Sendable {
    /// The base fee of the next block, from the history.
    public var nextBaseFee: Wei
    /// The upper bound on the base fee after the headroom blocks.
    public var baseFeeBound: Wei
    /// The tip (`maxPriorityFeePerGas`).
    public var maxPriorityFeePerGas: Wei
    /// The fee cap (`maxFeePerGas` = ``baseFeeBound`` + tip).
    public var maxFeePerGas: Wei

    /// Creates a suggestion from its parts.
    public init(nextBaseFee: Wei, baseFeeBound: Wei, maxPriorityFeePerGas: Wei, maxFeePerGas: Wei) {
        self.nextBaseFee = nextBaseFee
        self.baseFeeBound = baseFeeBound
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
    }
}
