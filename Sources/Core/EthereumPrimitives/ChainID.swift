/// An EIP-155 chain id; the names and symbols of the three chains OpenRouter's purchases support are in ``KnownChain``.
public struct ChainID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The numeric id.
    public let value: UInt64

    /// Wraps a numeric chain id.
    public init(_ value: UInt64) { self.value = value }

    /// Ethereum mainnet (1).
    public static let ethereum = ChainID(1)
    /// Polygon PoS (137).
    public static let polygon = ChainID(137)
    /// Base (8453).
    public static let base = ChainID(8453)

    /// Parses a ``KnownChain`` option name (`base`, `ethereum` or `mainnet`, `polygon`) or a decimal id.
    public init?(name: String) {
        if let known = KnownChain.entry(named: name) {
            self = known.chainID
            return
        }
        guard let value = UInt64(name), value > 0 else { return nil }
        self.init(value)
    }

    /// The chain's common name from ``KnownChain``, when it is one of the three.
    public var name: String? { KnownChain.entry(for: self)?.name }

    /// The symbol of the chain's native currency from ``KnownChain`` (POL on Polygon), ETH for other chains.
    public var nativeSymbol: String { KnownChain.entry(for: self)?.nativeSymbol ?? "ETH" }

    /// "Base (8453)", or the bare number for other chains.
    public var description: String { name.map { "\($0) (\(value))" } ?? String(value) }

    /// Orders by numeric id.
    public static func < (lhs: ChainID, rhs: ChainID) -> Bool { lhs.value < rhs.value }
}
