import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions

extension Preparer {
    /// What the first batch reads.
    struct ChainState {
        var nonce: UInt64
        var balance: Wei
        var fees: FeeSuggestion
        var quotes: [(tier: UInt32, amountIn: UInt256?)]
        var reasons: [String]
    }

    /// The order tiers are tried in (the official example's 500 first); the cheapest that quotes wins.
    static let tierPreference: [UInt32] = [500, 3000, 100, 10000]

    /// Batch 1: chain id, pending nonce, balance, fee history and the four quotes — one HTTP request.
    func readState(_ charge: Charge) async throws(PreparationError) -> ChainState {
        let needed: UInt256
        do { needed = try charge.intent.neededAmount() } catch { throw .overflow("recipient_amount + fee_amount") }
        func quote(_ tier: UInt32) -> RPCRequest<[UInt8]> {
            let params = QuoterV2.Params(
                tokenIn: deployment.wrappedNative, tokenOut: charge.intent.recipientCurrency,
                amount: needed, fee: tier)
            return Eth.call(CallRequest(to: deployment.quoterV2, data: QuoterV2.encodeQuoteExactOutputSingle(params)))
        }
        let tiers = Self.tierPreference
        let results:
            (
                Result<ChainID, RPCError>, Result<UInt64, RPCError>, Result<Wei, RPCError>, Result<FeeHistory, RPCError>,
                Result<[UInt8], RPCError>, Result<[UInt8], RPCError>, Result<[UInt8], RPCError>, Result<[UInt8], RPCError>
            )
        do {
            results = try await rpc.batchResults(
                Eth.chainID(), Eth.transactionCount(of: sender, at: .pending), Eth.balance(of: sender, at: .latest),
                Eth.feeHistory(blockCount: 10, newestBlock: .latest, rewardPercentiles: [50]),
                quote(tiers[0]), quote(tiers[1]), quote(tiers[2]), quote(tiers[3]))
        } catch { throw .rpc(error) }
        let chain: ChainID
        let nonce: UInt64
        let balance: Wei
        let history: FeeHistory
        do {
            chain = try results.0.get()
            nonce = try results.1.get()
            balance = try results.2.get()
            history = try results.3.get()
        } catch { throw .rpc(error) }
        guard chain == charge.chainID else { throw .wrongChain(expected: charge.chainID, node: chain) }
        let deadline = charge.intent.deadline.uint64 ?? .max
        let policy = FeePolicy(
            minimumPriorityFee: minimumPriorityFee,
            headroomBlocks: FeePolicy.headroomBlocks(
                secondsUntilDeadline: deadline > now ? deadline - now : 0,
                secondsPerBlock: secondsPerBlock))
        let fees: FeeSuggestion
        do { fees = try FeeEstimator.suggest(from: history, policy: policy) } catch { throw .rpc(error) }
        var quotes: [(tier: UInt32, amountIn: UInt256?)] = []
        var reasons: [String] = []
        for (tier, result) in zip(tiers, [results.4, results.5, results.6, results.7]) {
            switch result {
            case .success(let data):
                if let decoded = try? QuoterV2.decodeQuote(data), !decoded.amountIn.isZero {
                    quotes.append((tier, decoded.amountIn))
                } else {
                    quotes.append((tier, nil))
                    reasons.append("tier \(tier): malformed quote")
                }
            case .failure(let error):
                quotes.append((tier, nil))
                reasons.append("tier \(tier): \(Self.revertText(error))")
            }
        }
        return ChainState(nonce: nonce, balance: balance, fees: fees, quotes: quotes, reasons: reasons)
    }

    /// The tier with the smallest input; earlier tiers in ``tierPreference`` win ties.
    static func cheapest(_ quotes: [(tier: UInt32, amountIn: UInt256?)], reasons: [String]) throws(PreparationError)
        -> (UInt32, UInt256)
    {
        var best: (UInt32, UInt256)?
        for case let (tier, amount?) in quotes {
            if let current = best, current.1 <= amount { continue }
            best = (tier, amount)
        }
        guard let best else { throw .noQuote(reasons: reasons) }
        return best
    }

    /// `amount × (10000 + bps) / 10000`, rounded up.
    static func withSlippage(_ amount: UInt256, bps: UInt32) throws(PreparationError) -> UInt256 {
        let (scaled, overflow) = amount.multipliedReportingOverflow(by: UInt256(UInt64(10_000 + bps)))
        guard !overflow else { throw .overflow("value with slippage") }
        return (scaled + 9_999) / 10_000
    }

    /// Batch 2: `eth_call` (to decode a revert) and `eth_estimateGas` of the payment — one HTTP request.
    func simulate(calldata: [UInt8], value: UInt256) async throws(PreparationError) -> UInt64 {
        let call = CallRequest(from: sender, to: deployment.transfers, value: Wei(value), data: calldata)
        let results: (Result<[UInt8], RPCError>, Result<UInt64, RPCError>)
        do { results = try await rpc.batchResults(Eth.call(call, at: .pending), Eth.estimateGas(call)) } catch {
            throw .rpc(error)
        }
        if case .failure(let error) = results.0 {
            if case .node(let node) = error, let data = node.revertData {
                throw .simulationReverted(ContractRevert(revertData: data))
            }
            throw .rpc(error)
        }
        do { return try results.1.get() } catch {
            if case .node(let node) = error, let data = node.revertData {
                throw .simulationReverted(ContractRevert(revertData: data))
            }
            throw .rpc(error)
        }
    }

    static func revertText(_ error: RPCError) -> String {
        if case .node(let node) = error, let data = node.revertData { return ContractRevert(revertData: data).description }
        return error.description
    }
}
