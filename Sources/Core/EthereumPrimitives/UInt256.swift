/// An unsigned 256-bit integer: every EVM word, wei value and token amount.
///
/// Four 64-bit limbs, least significant first. Arithmetic operators trap on overflow like Swift's own
/// integers (a programmer error); code that handles outside data uses the `…ReportingOverflow` forms or the
/// throwing ``checkedAdding(_:field:)`` / ``checkedMultiplying(_:field:)``.
public struct UInt256: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// Limbs, least significant first.
    public private(set) var limbs: (UInt64, UInt64, UInt64, UInt64)

    /// Zero.
    public static let zero = UInt256(0)
    /// 2^256 − 1.
    public static let max = UInt256(limbs: (.max, .max, .max, .max))

    /// Creates a value from limbs, least significant first.
    public init(limbs: (UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }

    /// Widens a 64-bit value.
    public init(_ value: UInt64) { limbs = (value, 0, 0, 0) }

    /// Creates a value from an integer literal (non-negative, at most 64 bits).
    public init(integerLiteral value: UInt64) { self.init(value) }

    /// Reads at most 32 big-endian bytes; leading zeros are allowed here (ABI words, padded keys).
    public init(bigEndian bytes: some Collection<UInt8>, field: String = "value") throws(PrimitiveError) {
        guard bytes.count <= 32 else { throw .overflow(field: field, limit: "2^256 − 1 (32 bytes)") }
        var words: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.reversed().enumerated() {
            words[index / 8] |= UInt64(byte) << (8 * UInt64(index % 8))
        }
        limbs = (words[0], words[1], words[2], words[3])
    }

    /// Parses a canonical `0x` quantity.
    public init(quantity: String, field: String) throws(PrimitiveError) {
        try self.init(bigEndian: Hex.decodeQuantity(quantity, field: field), field: field)
    }

    /// The 32-byte big-endian form (an ABI word).
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in [limbs.3, limbs.2, limbs.1, limbs.0] {
            withUnsafeBytes(of: word.bigEndian) { out.append(contentsOf: $0) }
        }
        return out
    }

    /// The big-endian form without leading zeros (RLP's integer encoding; zero is empty).
    public var minimalBigEndianBytes: [UInt8] {
        let full = bigEndianBytes
        guard let first = full.firstIndex(where: { $0 != 0 }) else { return [] }
        return Array(full[first...])
    }

    /// The canonical `0x` quantity.
    public var quantity: String { Hex.encodeQuantity(minimalBigEndianBytes) }

    /// The value as a `UInt64` when it fits.
    public var uint64: UInt64? { limbs.1 == 0 && limbs.2 == 0 && limbs.3 == 0 ? limbs.0 : nil }

    /// Whether the value is zero.
    public var isZero: Bool { self == .zero }

    /// Number of significant bits.
    public var bitWidth: Int {
        let words = self.words
        for index in stride(from: 3, through: 0, by: -1) where words[index] != 0 {
            return index * 64 + 64 - words[index].leadingZeroBitCount
        }
        return 0
    }

    /// Limbs as an array, least significant first.
    var words: [UInt64] { [limbs.0, limbs.1, limbs.2, limbs.3] }

    init(words: [UInt64]) { limbs = (words[0], words[1], words[2], words[3]) }

    /// Decimal digits.
    public var description: String { decimalString }

    /// Compares numerically.
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        if lhs.limbs.3 != rhs.limbs.3 { return lhs.limbs.3 < rhs.limbs.3 }
        if lhs.limbs.2 != rhs.limbs.2 { return lhs.limbs.2 < rhs.limbs.2 }
        if lhs.limbs.1 != rhs.limbs.1 { return lhs.limbs.1 < rhs.limbs.1 }
        return lhs.limbs.0 < rhs.limbs.0
    }

    /// Numeric equality.
    public static func == (lhs: UInt256, rhs: UInt256) -> Bool {
        lhs.limbs.0 == rhs.limbs.0 && lhs.limbs.1 == rhs.limbs.1 && lhs.limbs.2 == rhs.limbs.2
            && lhs.limbs.3 == rhs.limbs.3
    }

    /// Hashes the limbs.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(limbs.0)
        hasher.combine(limbs.1)
        hasher.combine(limbs.2)
        hasher.combine(limbs.3)
    }
}
