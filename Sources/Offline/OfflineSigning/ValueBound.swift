import BundleFormat
public import EthereumPrimitives

/// What the cold machine's own price floor says about a transaction's native value.
///
/// `value × floor` is the least the value can be worth if the policy's floor is honest; it may not exceed the
/// purchase plus ``Policy/valueMarginPercent``. No online figure enters this computation.
public struct ValueBound: Sendable, Equatable {
    /// The least the value is worth at the floor, in USDC units (nil when the product overflows 256 bits).
    public let worthAtFloorUSDUnits: UInt256?
    /// The most the value may be worth at the floor: the purchase plus the margin, in USDC units.
    public let limitUSDUnits: UInt256
    /// The floor used, USDC units per native coin.
    public let floorUSDUnits: UInt256
    /// The margin over the purchase, in percent, that the limit allows.
    public let marginPercent: UInt64

    /// Prices `value` at `rules`' floor and compares it with `usdUnits` plus `marginPercent` %.
    public init(value: Wei, usdUnits: UInt256, rules: Policy.ChainRules, marginPercent: UInt64) {
        floorUSDUnits = rules.nativePriceFloorUSDUnits
        self.marginPercent = min(marginPercent, 1000)
        let (product, overflow) = value.amount.multipliedReportingOverflow(by: rules.nativePriceFloorUSDUnits)
        worthAtFloorUSDUnits = overflow ? nil : product / UInt256.powerOfTen(18)
        let (scaled, scaledOverflow) = usdUnits.multipliedReportingOverflow(by: UInt256(100 + self.marginPercent))
        limitUSDUnits = scaledOverflow ? UInt256.max : scaled / 100
    }

    /// Whether the value stays within the bound.
    public var isWithin: Bool {
        guard let worth = worthAtFloorUSDUnits else { return false }
        return worth <= limitUSDUnits
    }

    /// "10.10" (dollars, two decimals), or "more than 2^256 units" on overflow.
    public var worthAtFloorText: String {
        worthAtFloorUSDUnits.map(Self.dollars) ?? "an amount too large to compute"
    }

    /// The bound in dollars.
    public var limitText: String { Self.dollars(limitUSDUnits) }

    /// The floor in dollars.
    public var floorText: String { Self.dollars(floorUSDUnits) }

    /// USDC units as dollars and cents, truncated (the bound's figures are shown to the cent).
    static func dollars(_ units: UInt256) -> String {
        DecimalAmount.format(units / 10_000, decimals: 2, minimumFractionDigits: 2)
    }
}
