import EthereumPrimitives
import EthereumRPC
import Testing

@Suite("FeeEstimator")
struct FeeEstimatorTests {
    private func history(baseFees: [UInt64], rewards: [[UInt64]]) -> FeeHistory {
        FeeHistory(
            oldestBlock: 100, baseFeePerGas: baseFees.map { Wei(UInt256($0)) },
            gasUsedRatio: Array(repeating: "0.5", count: max(baseFees.count - 1, 0)),
            reward: rewards.map { $0.map { Wei(UInt256($0)) } })
    }

    // Expected values computed with Python integers: b = b + max(1, b // 8), k times.
    @Test(
        "bounds the base fee by the EIP-1559 maximum increase per block",
        arguments: [
            (UInt64(1_000_000_000), 0, UInt64(1_000_000_000)), (1_000_000_000, 1, 1_125_000_000),
            (1_000_000_000, 4, 1_601_806_640), (1_000_000_000, 6, 2_027_286_528), (7, 3, 10),
            (100_000_000_000, 1, 112_500_000_000), (0, 2, 2),
        ]
    )
    func boundsBaseFee(base: UInt64, blocks: Int, expected: UInt64) throws {
        #expect(try FeeEstimator.baseFeeBound(UInt256(base), blocks: blocks) == UInt256(expected))
    }

    @Test("takes the median reward of the chosen column and adds it to the bounded base fee")
    func suggestsFromMedian() throws {
        // Column 1 holds 5, 1, 9 → median 5; next base fee 1 gwei grown for 1 block → 1.125 gwei.
        let fees = history(
            baseFees: [900_000_000, 950_000_000, 980_000_000, 1_000_000_000],
            rewards: [[0, 5], [0, 1], [0, 9]])
        let suggestion = try FeeEstimator.suggest(
            from: fees, policy: FeePolicy(rewardColumn: 1, minimumPriorityFee: Wei(1), headroomBlocks: 1))
        #expect(suggestion.nextBaseFee == Wei(1_000_000_000))
        #expect(suggestion.baseFeeBound == Wei(1_125_000_000))
        #expect(suggestion.maxPriorityFeePerGas == Wei(5))
        #expect(suggestion.maxFeePerGas == Wei(1_125_000_005))
    }

    @Test("averages the two middle rewards of an even count, rounding down")
    func averagesEvenMedian() throws {
        let fees = history(baseFees: [1, 1, 1, 1, 10], rewards: [[3], [8], [1], [100]])
        let suggestion = try FeeEstimator.suggest(
            from: fees, policy: FeePolicy(minimumPriorityFee: Wei(0), headroomBlocks: 0))
        #expect(suggestion.maxPriorityFeePerGas == Wei(5))  // (3 + 8) / 2 = 5.5 → 5
        #expect(suggestion.maxFeePerGas == Wei(15))
    }

    @Test("raises the tip to the floor, also when no rewards were requested")
    func appliesFloor() throws {
        let floor = Wei(1_000_000)
        let low = try FeeEstimator.suggest(
            from: history(baseFees: [5, 5], rewards: [[0]]),
            policy: FeePolicy(minimumPriorityFee: floor, headroomBlocks: 0))
        #expect(low.maxPriorityFeePerGas == floor)
        let none = try FeeEstimator.suggest(
            from: history(baseFees: [5, 5], rewards: []),
            policy: FeePolicy(minimumPriorityFee: floor, headroomBlocks: 0))
        #expect(none.maxFeePerGas == Wei(1_000_005))
    }

    @Test("refuses an empty history or a missing reward column")
    func refusesUnusableHistory() {
        #expect(throws: RPCError.invalidFeeHistory(reason: "no base fees")) {
            try FeeEstimator.suggest(
                from: history(baseFees: [], rewards: []), policy: FeePolicy(minimumPriorityFee: Wei(1)))
        }
        #expect(throws: RPCError.self) {
            try FeeEstimator.suggest(
                from: history(baseFees: [1, 1], rewards: [[1]]),
                policy: FeePolicy(rewardColumn: 1, minimumPriorityFee: Wei(1)))
        }
    }

    @Test("reports overflow instead of wrapping")
    func reportsOverflow() {
        #expect(throws: RPCError.feeOverflow) { try FeeEstimator.baseFeeBound(.max, blocks: 1) }
        let huge = FeeHistory(oldestBlock: 0, baseFeePerGas: [Wei(.max)], gasUsedRatio: [], reward: [])
        #expect(throws: RPCError.feeOverflow) {
            try FeeEstimator.suggest(from: huge, policy: FeePolicy(minimumPriorityFee: Wei(1), headroomBlocks: 0))
        }
    }

    @Test(
        "counts blocks to the deadline, rounding up and capping",
        arguments: [(UInt64(0), UInt64(12), 0), (25, 12, 3), (24, 12, 2), (3600, 2, 6), (1, 2, 1)]
    )
    func countsHeadroomBlocks(seconds: UInt64, blockTime: UInt64, expected: Int) {
        #expect(FeePolicy.headroomBlocks(secondsUntilDeadline: seconds, secondsPerBlock: blockTime) == expected)
    }
}
