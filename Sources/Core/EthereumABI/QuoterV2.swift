public import EthereumPrimitives

/// Uniswap v3 `QuoterV2.quoteExactOutputSingle`: how much wrapped native currency buys an exact USDC amount.
///
/// Not a `view` function (it reverts internally), so it is called with `eth_call`.
public enum QuoterV2 {
    /// `quoteExactOutputSingle((address,address,uint256,uint24,uint160))`.
    public static let quoteExactOutputSingleSignature = "quoteExactOutputSingle((address,address,uint256,uint24,uint160))"
    /// Its selector, `0xbd21704a`.
    public static let quoteExactOutputSingleSelector = ABI.selector(quoteExactOutputSingleSignature)

    static let paramsType = ABIType.tuple([.address, .address, .uint(bits: 256), .uint(bits: 24), .uint(bits: 160)])
    static let resultTypes: [ABIType] = [.uint(bits: 256), .uint(bits: 160), .uint(bits: 32), .uint(bits: 256)]

    /// The quote request: buy exactly `amount` of `tokenOut` with `tokenIn` through the `fee` pool.
    public struct Params: Equatable, Sendable {
        /// The token paid (wrapped native).
        public var tokenIn: Address
        /// The token bought (USDC).
        public var tokenOut: Address
        /// Exact output amount in `tokenOut` units.
        public var amount: UInt256
        /// Pool fee tier (100, 500, 3000, 10000).
        public var fee: UInt32
        /// Price limit; 0 for none.
        public var sqrtPriceLimitX96: UInt256

        /// Creates a request with no price limit unless given.
        public init(tokenIn: Address, tokenOut: Address, amount: UInt256, fee: UInt32, sqrtPriceLimitX96: UInt256 = .zero) {
            self.tokenIn = tokenIn
            self.tokenOut = tokenOut
            self.amount = amount
            self.fee = fee
            self.sqrtPriceLimitX96 = sqrtPriceLimitX96
        }
    }

    /// The quote: `amountIn` is what the swap would consume.
    public struct Quote: Equatable, Sendable {
        /// Input needed, in `tokenIn` units (wei for wrapped native).
        public var amountIn: UInt256
        /// Pool price after the swap.
        public var sqrtPriceX96After: UInt256
        /// Ticks crossed.
        public var initializedTicksCrossed: UInt32
        /// The quoter's gas estimate for the swap.
        public var gasEstimate: UInt256

        /// Creates a quote.
        public init(amountIn: UInt256, sqrtPriceX96After: UInt256, initializedTicksCrossed: UInt32, gasEstimate: UInt256) {
            self.amountIn = amountIn
            self.sqrtPriceX96After = sqrtPriceX96After
            self.initializedTicksCrossed = initializedTicksCrossed
            self.gasEstimate = gasEstimate
        }
    }

    /// Calldata for `quoteExactOutputSingle(params)`.
    public static func encodeQuoteExactOutputSingle(_ params: Params) -> [UInt8] {
        ABI.encodeCall(
            selector: quoteExactOutputSingleSelector,
            [
                .tuple([
                    .address(params.tokenIn), .address(params.tokenOut), .uint(params.amount),
                    .uint(UInt256(UInt64(params.fee))), .uint(params.sqrtPriceLimitX96),
                ])
            ])
    }

    /// Decodes a `quoteExactOutputSingle` call (the sandbox's quoter reads it).
    public static func decodeQuoteExactOutputSingle(_ calldata: [UInt8]) throws(ABIError) -> Params {
        let values = try ABI.decodeCall(selector: quoteExactOutputSingleSelector, [paramsType], from: calldata)
        guard case .tuple(let c)? = values.first, c.count == 5, case .address(let tokenIn) = c[0],
            case .address(let tokenOut) = c[1], case .uint(let amount) = c[2], case .uint(let fee) = c[3],
            case .uint(let limit) = c[4], let fee64 = fee.uint64
        else { throw .typeMismatch(field: "params", expected: paramsType.description) }
        return Params(
            tokenIn: tokenIn, tokenOut: tokenOut, amount: amount, fee: UInt32(truncatingIfNeeded: fee64),
            sqrtPriceLimitX96: limit)
    }

    /// Encodes a quote as the function's return data.
    public static func encodeQuote(_ quote: Quote) -> [UInt8] {
        ABI.encode([
            .uint(quote.amountIn), .uint(quote.sqrtPriceX96After),
            .uint(UInt256(UInt64(quote.initializedTicksCrossed))), .uint(quote.gasEstimate),
        ])
    }

    /// Decodes the return data of `quoteExactOutputSingle`.
    public static func decodeQuote(_ data: [UInt8]) throws(ABIError) -> Quote {
        let values = try ABI.decode(resultTypes, from: data, field: "quote")
        guard values.count == 4, case .uint(let amountIn) = values[0], case .uint(let price) = values[1],
            case .uint(let ticks) = values[2], case .uint(let gas) = values[3], let ticks64 = ticks.uint64
        else { throw .typeMismatch(field: "quote", expected: "(uint256,uint160,uint32,uint256)") }
        return Quote(
            amountIn: amountIn, sqrtPriceX96After: price,
            initializedTicksCrossed: UInt32(truncatingIfNeeded: ticks64), gasEstimate: gas)
    }
}
