import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC

extension CheckoutPreparer {
    /// What the one batch read.
    struct ChainState {
        var nonce: UInt64
        var balance: Wei
        var tokenBalance: UInt256?
        var fees: FeeSuggestion
        /// The gas estimate of the payment, or why the simulation refused it.
        var simulation: Result<UInt64, PreparationError>
    }

    /// ERC-20 `balanceOf(address)`.
    static let balanceOfSelector = ABI.selector("balanceOf(address)")

    /// The one batch: chain id, pending nonce, fee history, native balance, token balance (token payments only),
    /// `eth_call` and `eth_estimateGas` of `payment` — one HTTP request.
    func read(_ request: PaymentRequest, payment: CallRequest) async throws(PreparationError) -> ChainState {
        let chainID = Eth.chainID()
        let nonce = Eth.transactionCount(of: sender, at: .pending)
        let history = Eth.feeHistory(blockCount: 10, newestBlock: .latest, rewardPercentiles: [50])
        let balance = Eth.balance(of: sender, at: .latest)
        let simulation = Eth.call(payment, at: .pending)
        let estimate = Eth.estimateGas(payment)
        let policy = feePolicy(request)
        if let token = request.token {
            let call = CallRequest(to: token, data: ABI.encodeCall(selector: Self.balanceOfSelector, [.address(sender)]))
            let r:
                (
                    Result<ChainID, RPCError>, Result<UInt64, RPCError>, Result<FeeHistory, RPCError>, Result<Wei, RPCError>,
                    Result<[UInt8], RPCError>, Result<[UInt8], RPCError>, Result<UInt64, RPCError>
                )
            do {
                r = try await rpc.batchResults(
                    chainID, nonce, history, balance, Eth.call(call, at: .latest), simulation, estimate)
            } catch { throw .rpc(error) }
            try Self.checkChain(r.0, request)
            var state = try Self.state(nonce: r.1, balance: r.3, history: r.2, policy: policy)
            do { state.tokenBalance = try Self.decodeBalance(r.4) } catch { throw .rpc(error) }
            state.simulation = Self.judge(call: r.5, estimate: r.6, token: token)
            return state
        }
        let r:
            (
                Result<ChainID, RPCError>, Result<UInt64, RPCError>, Result<FeeHistory, RPCError>, Result<Wei, RPCError>,
                Result<[UInt8], RPCError>, Result<UInt64, RPCError>
            )
        do { r = try await rpc.batchResults(chainID, nonce, history, balance, simulation, estimate) } catch {
            throw .rpc(error)
        }
        try Self.checkChain(r.0, request)
        var state = try Self.state(nonce: r.1, balance: r.3, history: r.2, policy: policy)
        state.simulation = Self.judge(call: r.4, estimate: r.5, token: nil)
        return state
    }

    /// The chain first: every other answer means nothing on another chain.
    static func checkChain(_ answer: Result<ChainID, RPCError>, _ request: PaymentRequest) throws(PreparationError) {
        let node: ChainID
        do { node = try answer.get() } catch { throw .rpc(error) }
        guard node == request.chainID else { throw .wrongChain(expected: request.chainID, node: node) }
    }

    /// Fee headroom for the blocks until the request expires (a bare URI: the bundle's 24 h, so the cap).
    func feePolicy(_ request: PaymentRequest) -> FeePolicy {
        let until = request.expiresAt ?? now.addingReportingOverflow(CheckoutBundle.uriValiditySeconds).partialValue
        return FeePolicy(
            minimumPriorityFee: minimumPriorityFee,
            headroomBlocks: FeePolicy.headroomBlocks(
                secondsUntilDeadline: until > now ? until - now : 0, secondsPerBlock: max(secondsPerBlock, 1)))
    }

    static func state(
        nonce: Result<UInt64, RPCError>, balance: Result<Wei, RPCError>, history: Result<FeeHistory, RPCError>,
        policy: FeePolicy
    ) throws(PreparationError) -> ChainState {
        do {
            let fees = try FeeEstimator.suggest(from: try history.get(), policy: policy)
            return ChainState(
                nonce: try nonce.get(), balance: try balance.get(), tokenBalance: nil, fees: fees, simulation: .success(0))
        } catch { throw .rpc(error) }
    }

    /// `balanceOf`'s answer: exactly one 32-byte word.
    static func decodeBalance(_ result: Result<[UInt8], RPCError>) throws(RPCError) -> UInt256 {
        let data = try result.get()
        guard data.count == 32, let values = try? ABI.decode([.uint(bits: 256)], from: data),
            case .uint(let value)? = values.first
        else {
            throw .malformedResponse(
                method: "eth_call(balanceOf)",
                reason: "expected one 32-byte word, found \(data.count) bytes (is the token contract deployed on this chain?)")
        }
        return value
    }

    /// The simulation's verdict: a revert (from either call) is named with its reason; a token `transfer` that
    /// returns `false` is refused; otherwise the gas estimate.
    static func judge(
        call: Result<[UInt8], RPCError>, estimate: Result<UInt64, RPCError>, token: Address?
    ) -> Result<UInt64, PreparationError> {
        func named(_ error: RPCError) -> PreparationError {
            if case .node(let node) = error, let data = node.revertData {
                return .simulationReverted(ContractRevert(revertData: data))
            }
            return .rpc(error)
        }
        switch call {
        case .failure(let error): return .failure(named(error))
        case .success(let data):
            // A token that returns a bool must return true; one that returns nothing (pre-ERC-20 style) is accepted.
            if let token, data.count == 32, data.allSatisfy({ $0 == 0 }) { return .failure(.transferReturnedFalse(token: token)) }
        }
        return estimate.mapError(named)
    }
}
