import EthereumPrimitives
import EthereumTransactions

extension SandboxState {
    /// Validates a raw transaction as geth's pool does and adds it to the pool (`eth_sendRawTransaction`).
    ///
    /// Order, as in geth (`txpool/validation.go`, `legacypool.add`): decode; EIP-155 protection (the RPC layer);
    /// already known; chain id and signature; block gas limit; intrinsic gas; fee cap against the next base fee
    /// (geth checks this when executing; the sandbox refuses at once); nonce too low; balance against
    /// `value + gasLimit × maxFee`, with the sender's other pooled transactions; replacement with a 10% bump of
    /// both fee caps. A nonce gap is accepted and waits in the pool until the gap is filled.
    mutating func admit(_ raw: [UInt8], rules: ChainRules) throws(RPCFailure) -> PoolTransaction {
        guard !raw.isEmpty else { throw .server("typed transaction too short") }
        let decoded: DecodedTransaction
        do {
            decoded = try DecodedTransaction(rawTransaction: raw)
        } catch {
            throw Self.decodingFailure(error)
        }
        if case .legacy(let legacy) = decoded, legacy.replayProtection == .none { throw .unprotected }
        let hash = decoded.transactionHash.hash
        if mined[hash] != nil || pooled(hash) != nil { throw .alreadyKnown }
        let signedChain: ChainID? =
            switch decoded {
            case .eip1559(let signed): signed.transaction.chainID
            case .legacy(let signed): if case .eip155(let chain) = signed.replayProtection { chain } else { nil }
            }
        if let signedChain, signedChain != rules.chainID {
            throw .invalidChainID(have: signedChain.value, want: rules.chainID.value)
        }
        let from: Address
        do { from = try decoded.recoverSender() } catch {
            throw .invalidSender("invalid transaction v, r, s values")
        }
        var tx = PoolTransaction(decoded: decoded, from: from, arrival: arrivals)
        try checkStateless(tx, rules: rules)
        try checkAgainstState(tx)
        arrivals += 1
        tx.arrival = arrivals
        pool[from, default: [:]][tx.nonce] = tx
        return tx
    }

    private func checkStateless(_ tx: PoolTransaction, rules: ChainRules) throws(RPCFailure) {
        if tx.gasLimit > rules.blockGasLimit { throw .exceedsBlockGasLimit }
        let intrinsic = GasSchedule.intrinsic(data: tx.data, accessList: tx.accessList)
        if tx.gasLimit < intrinsic { throw .intrinsicGasTooLow(gas: tx.gasLimit, needed: intrinsic) }
        if tx.maxFeePerGas < nextBaseFee {
            throw .feeCapBelowBaseFee(from: tx.from, maxFee: tx.maxFeePerGas, baseFee: nextBaseFee)
        }
    }

    private func checkAgainstState(_ tx: PoolTransaction) throws(RPCFailure) {
        let next = account(tx.from).nonce
        if tx.nonce < next { throw .nonceTooLow(next: next, tx: tx.nonce) }
        let balance = account(tx.from).balance
        guard let cost = tx.maximumCost else {
            throw .server("insufficient funds for gas * price + value: balance \(balance), tx cost exceeds 2^256")
        }
        if balance < cost { throw .insufficientFunds(balance: balance, cost: cost) }
        let others = (pool[tx.from] ?? [:]).values.filter { $0.nonce != tx.nonce }
        var queued = UInt256.zero
        for other in others {
            let (sum, overflow) = queued.addingReportingOverflow(other.maximumCost ?? .max)
            queued = overflow ? .max : sum
        }
        let (need, overflow) = queued.addingReportingOverflow(cost)
        if overflow || balance < need {
            throw .insufficientFunds(balance: balance, queued: queued, cost: cost, need: overflow ? .max : need)
        }
        if let old = pool[tx.from]?[tx.nonce], !Self.isAcceptableReplacement(tx, of: old) {
            throw .replacementUnderpriced
        }
    }

    /// geth's `list.Add` rule: both caps strictly higher, and each at least 10% above the old one.
    static func isAcceptableReplacement(_ new: PoolTransaction, of old: PoolTransaction) -> Bool {
        guard new.maxFeePerGas > old.maxFeePerGas, new.maxPriorityFeePerGas > old.maxPriorityFeePerGas else {
            return false
        }
        func threshold(_ value: UInt256) -> UInt256 {
            let (scaled, overflow) = value.multipliedReportingOverflow(by: UInt256(110))
            return overflow ? .max : scaled / 100
        }
        return new.maxFeePerGas >= threshold(old.maxFeePerGas)
            && new.maxPriorityFeePerGas >= threshold(old.maxPriorityFeePerGas)
    }

    /// geth-like texts for bytes that do not decode.
    static func decodingFailure(_ error: TransactionError) -> RPCFailure {
        switch error {
        case .emptyInput: return .server("typed transaction too short")
        case .unsupportedTransactionType: return .typeNotSupported
        case .priorityFeeExceedsMaxFee: return .tipAboveFeeCap
        case .highS, .invalidSignature, .invalidYParity, .invalidLegacyV:
            return .server("invalid transaction v, r, s values")
        case .contractCreationNotSupported: return .server("contract creation is not supported by the sandbox")
        default: return .server("rlp: \(error)")
        }
    }
}
