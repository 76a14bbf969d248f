/// Integer base units ↔ decimal strings (wei ↔ "0.004", USDC units ↔ "99.00"), through ``ExactDecimal``.
///
/// No floating point is involved anywhere; a string with more fractional digits than the unit has is refused
/// rather than rounded.
public enum DecimalAmount {
    /// Formats `units` with `decimals` fractional digits, trimming trailing zeros but keeping at least
    /// `minimumFractionDigits` (so USD shows "12.50", ETH shows "0.004").
    public static func format(_ units: UInt256, decimals: Int, minimumFractionDigits: Int = 0) -> String {
        precondition(decimals >= 0 && decimals <= 77 && minimumFractionDigits <= decimals)
        return ExactDecimal(units: units, scale: decimals).formatted(minimumFractionDigits: minimumFractionDigits)
    }

    /// Parses `"12"`, `"12.5"`, `"0.004"` into base units with `decimals` fractional digits.
    /// - Throws: ``PrimitiveError/invalidDecimal(field:found:reason:)`` for signs, exponents, separators,
    ///   empty parts or more fractional digits than `decimals`; ``PrimitiveError/overflow(field:limit:)``.
    public static func parse(_ text: String, decimals: Int, field: String) throws(PrimitiveError) -> UInt256 {
        try ExactDecimal(decimal: text, scale: decimals, field: field).units
    }
}

/// An amount of a chain's native currency in wei (10^-18 ETH or POL).
public struct Wei: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The amount in wei.
    public var amount: UInt256

    /// Wraps an amount in wei.
    public init(_ amount: UInt256) { self.amount = amount }

    /// Parses a decimal number of ether (`"0.004"`).
    public init(ether text: String, field: String) throws(PrimitiveError) {
        amount = try DecimalAmount.parse(text, decimals: 18, field: field)
    }

    /// Parses a decimal number of gwei (`"1.5"`).
    public init(gwei text: String, field: String) throws(PrimitiveError) {
        amount = try DecimalAmount.parse(text, decimals: 9, field: field)
    }

    /// Exact decimal ether, for example `"0.004"`.
    public var etherString: String { DecimalAmount.format(amount, decimals: 18) }

    /// Exact decimal gwei, for example `"1.5"`.
    public var gweiString: String { DecimalAmount.format(amount, decimals: 9) }

    /// Ether with no unit; callers add the chain's symbol.
    public var description: String { etherString }

    /// Compares amounts.
    public static func < (lhs: Wei, rhs: Wei) -> Bool { lhs.amount < rhs.amount }
}

/// An ERC-20 token amount in its smallest units, with the token's decimals (6 for USDC).
public struct TokenAmount: Hashable, Sendable, CustomStringConvertible {
    /// Smallest units.
    public var units: UInt256
    /// Number of decimals of the token.
    public var decimals: Int

    /// Wraps an amount of smallest units.
    public init(units: UInt256, decimals: Int) {
        self.units = units
        self.decimals = decimals
    }

    /// Decimal with at least two fractional digits, for example `"99.00"`, `"0.123456"`.
    public var description: String {
        DecimalAmount.format(units, decimals: decimals, minimumFractionDigits: Swift.min(2, decimals))
    }
}
