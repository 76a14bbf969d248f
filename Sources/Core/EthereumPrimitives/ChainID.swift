/// An EIP-155 chain id, with the names of the three chains OpenRouter's crypto purchases support.
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

    /// Parses `base`, `ethereum`, `polygon` (or `mainnet`) or a decimal id.
    public init?(name: String) {
        switch name.lowercased() {
        case "base": self = .base
        case "ethereum", "mainnet": self = .ethereum
        case "polygon": self = .polygon
        default:
            guard let value = UInt64(name), value > 0 else { return nil }
            self.init(value)
        }
    }

    /// The chain's common name, when it is one of the three.
    public var name: String? {
        switch value {
        case 1: return "Ethereum"
        case 137: return "Polygon"
        case 8453: return "Base"
        default: return nil
        }
    }

    /// The symbol of the chain's native currency (POL on Polygon, ETH elsewhere).
    public var nativeSymbol: String { value == 137 ? "POL" : "ETH" }

    /// "Base (8453)", or the bare number for other chains.
    public var description: String { name.map { "\($0) (\(value))" } ?? String(value) }

    /// Orders by numeric id.
    public static func < (lhs: ChainID, rhs: ChainID) -> Bool { lhs.value < rhs.value }
}
