import EthereumPrimitives
import StrictJSON

extension RPCServer {
    /// `eth_feeHistory(blockCount, newestBlock, rewardPercentiles?)`, computed as geth does: per block the base fee, the gas used ratio, and for each percentile the effective tip of the transaction at which the cumulative gas used (transactions sorted by tip) reaches that share of the block's gas; zeros for an empty block.
    ///
    /// The base fee list has one more entry: the next block's.
    func feeHistory(_ p: RPCParams) throws(RPCFailure) -> JSONValue {
        guard let requested = try p.quantity(0).uint64 else { throw p.invalid(0, "block count too large") }
        let selector = try p.block(1)
        var percentiles: [UInt256] = []  // percent × 10^4 (100% = 1_000_000), exact
        if p.has(2) {
            for element in try p.argument(2).elements() {
                let invalid = RPCFailure.invalidParams("invalid reward percentile: \(JSON.serializedString(element.value))")
                guard let text = try? element.numberText() else { throw invalid }
                let scaled: UInt256
                do { scaled = try DecimalAmount.parse(text, decimals: 4, field: "percentile") } catch { throw invalid }
                guard scaled <= UInt256(1_000_000), scaled >= (percentiles.last ?? .zero) else { throw invalid }
                percentiles.append(scaled)
            }
        }
        return try node.withState { (state: inout SandboxState) throws(RPCFailure) -> JSONValue in
            let newest = Self.number(selector, state)
            guard newest <= state.latest.number else { throw .server("header not found") }
            let count = min(requested, 1024, newest + 1)
            guard count > 0 else { return .object(["oldestBlock": RPCRendering.quantity(UInt64(0))]) }
            let oldest = newest + 1 - count
            var baseFees: [JSONValue] = []
            var ratios: [JSONValue] = []
            var rewards: [JSONValue] = []
            for number in oldest...newest {
                guard let block = state.block(number) else { throw .server("header not found") }
                baseFees.append(RPCRendering.quantity(block.baseFee))
                let ratio = UInt256(block.gasUsed) * UInt256.powerOfTen(9) / UInt256(max(block.gasLimit, 1))
                ratios.append(.number(DecimalAmount.format(ratio, decimals: 9)))
                rewards.append(.array(Self.rewards(block, percentiles, state).map { RPCRendering.quantity($0) }))
            }
            let next = state.block(newest + 1)?.baseFee ?? state.nextBaseFee
            baseFees.append(RPCRendering.quantity(next))
            var result: [String: JSONValue] = [
                "oldestBlock": RPCRendering.quantity(oldest), "baseFeePerGas": .array(baseFees),
                "gasUsedRatio": .array(ratios),
            ]
            if p.has(2) { result["reward"] = .array(rewards) }
            return .object(result)
        }
    }

    private static func rewards(_ block: ChainBlock, _ percentiles: [UInt256], _ state: SandboxState) -> [UInt256] {
        let sorted = block.transactions.compactMap { state.mined[$0] }
            .map { (tip: $0.transaction.effectiveTip(baseFee: block.baseFee), gas: $0.receipt.gasUsed) }
            .sorted { $0.tip < $1.tip }
        guard let first = sorted.first else { return percentiles.map { _ in .zero } }
        var index = 0
        var cumulative = UInt256(first.gas)
        return percentiles.map { percentile in
            let threshold = UInt256(block.gasUsed) * percentile / UInt256(1_000_000)
            while cumulative < threshold, index < sorted.count - 1 {
                index += 1
                cumulative = cumulative + UInt256(sorted[index].gas)
            }
            return sorted[index].tip
        }
    }
}
