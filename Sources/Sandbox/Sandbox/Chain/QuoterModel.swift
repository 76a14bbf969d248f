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
        let quote = QuoterV2.Quote(
            amountIn: amountIn, sqrtPriceX96After: UInt256(limbs: (0, 1 << 32, 0, 0)),
            initializedTicksCrossed: 1, gasEstimate: UInt256(GasSchedule.quote))
        return .success(QuoterV2.encodeQuote(quote), gas: intrinsic + GasSchedule.quote)
    }
}

/// The one price function of the sandbox, used by both the QuoterV2 and the Transfers contract's swap, so a
/// quote is exactly what the swap consumes.
///
/// `amountIn = ⌈ ⌈usdcOut × 10^18 / price⌉ × 10^6 / (10^6 − feeTier) ⌉` wei, where `price` is USDC units per
/// whole native unit: the exact-output amount at the pool price, grossed up by the pool fee (in hundredths of a
/// basis point, as Uniswap v3 counts it), rounded up as an exact-output swap rounds.
struct PriceModel: Sendable, Equatable {
    /// USDC units (6 decimals) one whole native unit (10^18 wei) buys.
    let usdcUnitsPerNative: UInt256

    /// The wei an exact-output swap for `usdcOut` units consumes through the `feeTier` pool; nil on overflow.
    func amountIn(usdcOut: UInt256, feeTier: UInt32) -> UInt256? {
        guard !usdcUnitsPerNative.isZero, feeTier < 1_000_000 else { return nil }
        let (scaled, overflow) = usdcOut.multipliedReportingOverflow(by: .powerOfTen(18))
        guard !overflow else { return nil }
        let beforeFee = Self.divideRoundingUp(scaled, by: usdcUnitsPerNative)
        let (grossed, overflow2) = beforeFee.multipliedReportingOverflow(by: UInt256(1_000_000))
        guard !overflow2 else { return nil }
        return Self.divideRoundingUp(grossed, by: UInt256(1_000_000 - UInt64(feeTier)))
    }

    private static func divideRoundingUp(_ dividend: UInt256, by divisor: UInt256) -> UInt256 {
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        return remainder.isZero ? quotient : quotient + 1
    }
}
