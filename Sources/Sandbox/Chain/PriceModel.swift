import EthereumPrimitives

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
