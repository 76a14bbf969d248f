public import EthereumPrimitives
import StrictJSON

/// The answer of `eth_feeHistory`: base fees and priority-fee percentiles of recent blocks.
public struct FeeHistory: Hashable, Sendable {
    /// The number of the first block covered.
    public var oldestBlock: UInt64
    /// Base fee per gas of each block covered, plus one more: the base fee of the block after the newest.
    public var baseFeePerGas: [Wei]
    /// Fraction of each block's gas limit used, as the literal JSON number text (not needed for money).
    public var gasUsedRatio: [String]
    /// For each block, the priority fee per gas at each requested percentile; empty when none were requested.
    public var reward: [[Wei]]

    /// Creates a history from its parts.
    public init(oldestBlock: UInt64, baseFeePerGas: [Wei], gasUsedRatio: [String], reward: [[Wei]]) {
        self.oldestBlock = oldestBlock
        self.baseFeePerGas = baseFeePerGas
        self.gasUsedRatio = gasUsedRatio
        self.reward = reward
    }

    /// The base fee of the next block (the last element), when there is one.
    public var nextBaseFee: Wei? { baseFeePerGas.last }

    /// Reads and cross-checks a result: `baseFeePerGas` has one more entry than `gasUsedRatio`, and `reward`, when
    /// present, one row per block with `percentileCount` entries.
    init(percentileCount: Int, reader: ResultReader) throws(RPCError) {
        let method = "eth_feeHistory"
        var members = try reader.members()
        oldestBlock = try members.field("oldestBlock").uint64()
        baseFeePerGas = try members.array("baseFeePerGas").map { item throws(RPCError) in try item.wei() }
        gasUsedRatio = try members.array("gasUsedRatio").map { item throws(RPCError) in try item.numberText() }
        guard baseFeePerGas.count == gasUsedRatio.count + 1 else {
            throw .malformedResponse(
                method: method,
                reason: "\(baseFeePerGas.count) base fees for \(gasUsedRatio.count) blocks (expected one more)")
        }
        var rows: [[Wei]] = []
        if let rewardRows = try members.optional("reward", { member throws(RPCError) in try member.elements() }) {
            for (block, row) in rewardRows.enumerated() {
                let fees = try row.elements().map { item throws(RPCError) in try item.wei() }
                guard fees.count == percentileCount else {
                    throw .malformedResponse(
                        method: method,
                        reason: "reward[\(block)] has \(fees.count) entries for \(percentileCount) percentiles")
                }
                rows.append(fees)
            }
            guard rows.count == gasUsedRatio.count else {
                throw .malformedResponse(
                    method: method, reason: "\(rows.count) reward rows for \(gasUsedRatio.count) blocks")
            }
        }
        reward = rows
    }
}
