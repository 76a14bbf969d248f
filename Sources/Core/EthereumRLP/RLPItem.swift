/// Recursive Length Prefix serialisation (Ethereum Yellow Paper, appendix B): the namespace for
/// ``RLP/encode(_:)`` and the strict ``RLP/decode(_:)``.
public enum RLP {}

/// One RLP item: a byte string or a list of items.
public enum RLPItem: Equatable, Sendable {
    /// A byte string (integers are minimal big-endian byte strings; zero is empty).
    case bytes([UInt8])
    /// A list of items.
    case list([RLPItem])

    /// The byte string, or ``RLPError/unexpectedList(field:)`` when this is a list.
    public func bytesValue(field: String) throws(RLPError) -> [UInt8] {
        guard case .bytes(let bytes) = self else { throw .unexpectedList(field: field) }
        return bytes
    }

    /// The list's items, or ``RLPError/unexpectedString(field:)`` when this is a byte string.
    public func listValue(field: String) throws(RLPError) -> [RLPItem] {
        guard case .list(let items) = self else { throw .unexpectedString(field: field) }
        return items
    }

    /// Reads a canonical RLP integer of at most `maxBytes` bytes: no leading zero byte (zero is the empty
    /// string), as consensus rules require.
    public func integerBytes(field: String, maxBytes: Int = 32) throws(RLPError) -> [UInt8] {
        let bytes = try bytesValue(field: field)
        if bytes.first == 0 { throw .leadingZeroInInteger(field: field) }
        guard bytes.count <= maxBytes else { throw .integerTooLarge(field: field, maxBytes: maxBytes, found: bytes.count) }
        return bytes
    }

    /// Reads a canonical RLP integer that fits in 64 bits.
    public func uint64Value(field: String) throws(RLPError) -> UInt64 {
        try integerBytes(field: field, maxBytes: 8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Wraps an unsigned integer as its minimal big-endian byte string.
    public static func integer(_ value: UInt64) -> RLPItem {
        var bytes: [UInt8] = []
        var rest = value
        while rest > 0 {
            bytes.insert(UInt8(truncatingIfNeeded: rest), at: 0)
            rest >>= 8
        }
        return .bytes(bytes)
    }
}
