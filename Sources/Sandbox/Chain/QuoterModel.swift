import BundleFormat
import EthereumABI
import EthereumPrimitives

/// Uniswap's QuoterV2 `quoteExactOutputSingle` at the sandbox price (``PriceModel``).
///
/// Reverts without data, as a call into a missing pool does, unless `tokenIn` is the wrapped native token,
/// `tokenOut` is USDC and `fee` is a tier with a pool; reverts `Error("AS")` for a zero amount (the pool's
/// `amountSpecified != 0` check, re-thrown by the quoter). Other selectors and any value sent revert without data.
/// `sqrtPriceX96After` is not modelled (2^96); `gasEstimate` is ``GasSchedule/quote``.
struct QuoterModel: Sendable {
    let deployment: Deployment
    let price: PriceModel
    let feeTiers: [UInt32]

    func execute(_ message: Message) -> ExecutionResult {
        let intrinsic = GasSchedule.intrinsic(data: message.data, accessList: message.accessList)
        let revertGas = intrinsic + GasSchedule.revertOverhead
        guard message.value.isZero else { return .revert([], gas: revertGas) }  // not payable
        let params: QuoterV2.Params
        do {
            params = try QuoterV2.decodeQuoteExactOutputSingle(message.data)
        } catch {
            return .revert([], gas: revertGas)
        }
        guard params.tokenIn == deployment.wrappedNative, params.tokenOut == deployment.usdc,
            feeTiers.contains(params.fee)
        else { return .revert([], gas: revertGas) }
        guard !params.amount.isZero else { return .revert(ContractRevert.error("AS").revertData, gas: revertGas) }
        guard let amountIn = price.amountIn(usdcOut: params.amount, feeTier: params.fee) else {
            return .revert(ContractRevert.panic(code: UInt256(0x11)).revertData, gas: revertGas)
        }
        let quote = QuoterV2.Quote(amountIn: amountIn, sqrtPriceX96After: UInt256(limbs: (0, 1 << 32, 0, 0)),
                                   initializedTicksCrossed: 1, gasEstimate: UInt256(GasSchedule.quote))
        return .success(QuoterV2.encodeQuote(quote), gas: intrinsic + GasSchedule.quote)
    }
}

/// Routes a message to the contract at its address, or executes a plain value transfer.
struct MessageExecutor: Sendable {
    let transfers: TransfersContractModel
    let quoter: QuoterModel

    func execute(_ message: Message, timestamp: UInt64, isProcessed: (IntentKey) -> Bool) -> ExecutionResult {
        if message.to == transfers.deployment.transfers {
            return transfers.execute(message, timestamp: timestamp, isProcessed: isProcessed)
        }
        if message.to == quoter.deployment.quoterV2 { return quoter.execute(message) }
        let gas = GasSchedule.intrinsic(data: message.data, accessList: message.accessList)
        return .success(gas: gas, transfers: [(message.from, message.to, message.value)])
    }
}
