public import EthereumPrimitives

/// Integer-only EIP-1559 fee suggestions from `eth_feeHistory` (no floating point anywhere).
public enum FeeEstimator {
    /// Suggests fees from `history` under `policy` (see ``FeePolicy`` for the rules).
    /// - Throws: ``RPCError/invalidFeeHistory(reason:)`` when there is no next base fee or the reward column is
    ///   missing; ``RPCError/feeOverflow``.
    public static func suggest(from history: FeeHistory, policy: FeePolicy) throws(RPCError) -> FeeSuggestion {
        guard let nextBaseFee = history.nextBaseFee else { throw .invalidFeeHistory(reason: "no base fees") }
        var tips: [UInt256] = []
        for (block, row) in history.reward.enumerated() {
            guard policy.rewardColumn < row.count else {
                throw .invalidFeeHistory(
                    reason: "reward[\(block)] has \(row.count) columns, policy reads column \(policy.rewardColumn)")
            }
            tips.append(row[policy.rewardColumn].amount)
        }
        let median = tips.isEmpty ? UInt256.zero : try Self.median(tips)
        let priority = Swift.max(median, policy.minimumPriorityFee.amount)
        let bound = try baseFeeBound(nextBaseFee.amount, blocks: policy.headroomBlocks)
        let maxFee = try checked { () throws(PrimitiveError) in try bound.checkedAdding(priority, field: "maxFeePerGas")
        }
        return FeeSuggestion(
            nextBaseFee: nextBaseFee, baseFeeBound: Wei(bound), maxPriorityFeePerGas: Wei(priority),
            maxFeePerGas: Wei(maxFee))
    }

    /// The largest base fee `blocks` blocks after one whose base fee is `baseFee`.
    ///
    /// EIP-1559 sets `next = base + max(1, base × (gasUsed − target) / target / 8)`; with every block full
    /// (`gasUsed − target = target` at elasticity 2) each step adds `max(1, ⌊base / 8⌋)`: ×1.125, rounded as the
    /// protocol rounds. This bounds Ethereum exactly; Base (OP Stack, denominator 250, elasticity 6: at most 2 % a
    /// block) and Polygon PoS (denominator 64: at most 1.6 % a block) rise more slowly, so it bounds them too.
    public static func baseFeeBound(_ baseFee: UInt256, blocks: Int) throws(RPCError) -> UInt256 {
        var fee = baseFee
        for _ in 0..<Swift.max(blocks, 0) {
            let step = Swift.max(fee / 8, 1)
            fee = try checked { () throws(PrimitiveError) in try fee.checkedAdding(step, field: "baseFeeBound") }
        }
        return fee
    }

    /// The median of `values`; for an even count the mean of the two middle values, rounded down.
    static func median(_ values: [UInt256]) throws(RPCError) -> UInt256 {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        guard sorted.count % 2 == 0 else { return sorted[middle] }
        // (a + b) / 2 without overflow: a/2 + b/2 + (both odd ? 1 : 0).
        let (low, high) = (sorted[middle - 1], sorted[middle])
        let carry: UInt256 = (low % 2 == 1 && high % 2 == 1) ? 1 : 0
        return try checked { () throws(PrimitiveError) in
            try (low / 2).checkedAdding(high / 2, field: "median").checkedAdding(carry, field: "median")
        }
    }

    private static func checked<T>(_ body: () throws(PrimitiveError) -> T) throws(RPCError) -> T {
        do {
            return try body()
        } catch {
            throw .feeOverflow
        }
    }
}
