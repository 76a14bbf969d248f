import EthereumPrimitives
import EthereumTransactions

/// The transaction object of `eth_call` and `eth_estimateGas`, as read from the request.
struct CallArguments: Sendable {
    var from: Address?
    var to: Address
    var gas: UInt64?
    /// `maxFeePerGas`, or `gasPrice`.
    var feeCap: UInt256?
    var tipCap: UInt256?
    var value: UInt256 = .zero
    var data: [UInt8] = []
    var accessList: [AccessListEntry] = []
}

extension SandboxState {
    /// `eth_call`: executes against the current state in a block with `timestamp`; nothing is changed.
    ///
    /// As geth: without fees no gas is bought; with a fee cap it must reach the base fee, and the sender must hold
    /// `gas × feeCap + value` (gas defaults to the block gas limit); a revert is code 3 with its data.
    func call(_ call: CallArguments, rules: ChainRules, timestamp: UInt64) throws(RPCFailure) -> [UInt8] {
        let gas = call.gas ?? rules.blockGasLimit
        let result = try simulate(call, gas: gas, rules: rules, timestamp: timestamp)
        if result.gasRequired > gas { throw .outOfGas }
        switch result.status {
        case .success(let returnData): return returnData
        case .reverted(let data): throw .reverted(data)
        }
    }

    /// `eth_estimateGas`: the gas the call needs, or its revert; the sender must afford the value transferred,
    /// and with a fee cap, the gas too.
    func estimateGas(_ call: CallArguments, rules: ChainRules, timestamp: UInt64) throws(RPCFailure) -> UInt64 {
        let from = call.from ?? .zero
        let balance = account(from).balance
        if call.value > balance { throw .insufficientFundsForTransfer }
        var allowance = call.gas ?? rules.blockGasLimit
        if let feeCap = call.feeCap, !feeCap.isZero {
            let affordable = (balance - call.value) / feeCap
            if let affordable64 = affordable.uint64 { allowance = min(allowance, affordable64) }
        }
        let result = try simulate(call, gas: nil, rules: rules, timestamp: timestamp)
        if case .reverted(let data) = result.status { throw .reverted(data) }
        if result.gasRequired > allowance { throw .gasRequiredExceedsAllowance(allowance) }
        return result.gasRequired
    }

    /// Runs the message after the fee and balance checks of geth's state transition (`gas` nil skips buying gas).
    private func simulate(_ call: CallArguments, gas: UInt64?, rules: ChainRules, timestamp: UInt64)
        throws(RPCFailure) -> ExecutionResult
    {
        let from = call.from ?? .zero
        if let feeCap = call.feeCap {
            if let tip = call.tipCap, tip > feeCap { throw .tipAboveFeeCap }
            if feeCap < nextBaseFee { throw .feeCapBelowBaseFee(from: from, maxFee: feeCap, baseFee: nextBaseFee) }
        }
        if let gas {
            let (gasCost, overflow) = UInt256(gas).multipliedReportingOverflow(by: call.feeCap ?? .zero)
            let (want, carry) = gasCost.addingReportingOverflow(call.value)
            let have = account(from).balance
            if overflow || carry || have < want {
                throw .insufficientFunds(address: from, have: have, want: overflow || carry ? .max : want)
            }
        }
        let message = Message(from: from, to: call.to, value: call.value, data: call.data, accessList: call.accessList)
        let (processed, tokens) = (self.processed, tokenBalances)
        return rules.executor.execute(
            message, timestamp: timestamp, isProcessed: { processed.contains($0) },
            tokenBalance: { tokens[$0] ?? .zero })
    }
}
