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
    init(json: JSONValue, percentileCount: Int, reader: ResultReader) throws(RPCError) {
        let members = try reader.object(json, "result")
        oldestBlock = try reader.uint64(reader.required(members, "oldestBlock"), "oldestBlock")
        var baseFees: [Wei] = []
        for (index, item) in try reader.array(reader.required(members, "baseFeePerGas"), "baseFeePerGas").enumerated() {
            baseFees.append(try reader.wei(item, "baseFeePerGas[\(index)]"))
        }
        baseFeePerGas = baseFees
        var ratios: [String] = []
        for (index, item) in try reader.array(reader.required(members, "gasUsedRatio"), "gasUsedRatio").enumerated() {
            guard let text = item.numberText else {
                throw .wrongType(
                    method: reader.method, field: "gasUsedRatio[\(index)]", expected: "a number",
                    found: item.kindName)
            }
            ratios.append(text)
        }
        gasUsedRatio = ratios
        guard baseFeePerGas.count == gasUsedRatio.count + 1 else {
            throw .malformedResponse(
                method: reader.method,
                reason: "\(baseFeePerGas.count) base fees for \(gasUsedRatio.count) blocks (expected one more)")
        }
        var rows: [[Wei]] = []
        if let rewardValue = reader.optional(members, "reward") {
            for (block, row) in try reader.array(rewardValue, "reward").enumerated() {
                var fees: [Wei] = []
                for (column, item) in try reader.array(row, "reward[\(block)]").enumerated() {
                    fees.append(try reader.wei(item, "reward[\(block)][\(column)]"))
                }
                guard fees.count == percentileCount else {
                    throw .malformedResponse(
                        method: reader.method,
                        reason: "reward[\(block)] has \(fees.count) entries for \(percentileCount) percentiles")
                }
                rows.append(fees)
            }
            guard rows.count == gasUsedRatio.count else {
                throw .malformedResponse(
                    method: reader.method, reason: "\(rows.count) reward rows for \(gasUsedRatio.count) blocks")
            }
        }
        reward = rows
    }
}
