import EthereumPrimitives

/// Coinbase's Transfers contract (commerce-onchain-payment-protocol): the one call ColdCredits makes, its
/// custom errors and its `Transferred` event.
public enum TransfersContract {
    /// `swapAndTransferUniswapV3Native(TransferIntent,uint24)`.
    public static let swapAndTransferSignature =
        "swapAndTransferUniswapV3Native(\(TransferIntent.abiType),uint24)"
    /// Its selector, `0x8bf122da`.
    public static let swapAndTransferSelector = ABI.selector(swapAndTransferSignature)

    /// The Uniswap v3 pool fee tiers, in hundredths of a basis point.
    public static let feeTiers: [UInt32] = [100, 500, 3000, 10000]

    /// Encodes `swapAndTransferUniswapV3Native(intent, poolFeesTier)` calldata.
    public static func encodeSwapAndTransfer(intent: TransferIntent, poolFeesTier: UInt32) -> [UInt8] {
        ABI.encodeCall(selector: swapAndTransferSelector, [intent.abiValue, .uint(UInt256(UInt64(poolFeesTier)))])
    }

    /// Decodes `swapAndTransferUniswapV3Native` calldata exactly: right selector, canonical encoding, no
    /// trailing bytes, a fee tier that fits uint24.
    public static func decodeSwapAndTransfer(_ calldata: [UInt8]) throws(ABIError) -> (
        intent: TransferIntent, poolFeesTier: UInt32
    ) {
        let values = try ABI.decodeCall(
            selector: swapAndTransferSelector,
            [TransferIntent.abiType, .uint(bits: 24)], from: calldata)
        guard values.count == 2, case .uint(let tier) = values[1], let tier64 = tier.uint64 else {
            throw .typeMismatch(field: "poolFeesTier", expected: "uint24")
        }
        return (try TransferIntent(abiValue: values[0]), UInt32(truncatingIfNeeded: tier64))  // ≤ 2^24 by decoding
    }
}
