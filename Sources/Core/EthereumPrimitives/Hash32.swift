/// A 32-byte value: a Keccak-256 digest, a storage key, a 32-byte signature component.
///
/// The invariant `bytes.count == 32` is checked by every public initialiser.
public struct Hash32: Hashable, Sendable, CustomStringConvertible {
    /// The 32 bytes, big-endian as written.
    public let bytes: [UInt8]

    /// Wraps exactly 32 bytes.
    /// - Throws: ``PrimitiveError/wrongLength(field:expected:found:)`` for any other count.
    public init(_ bytes: [UInt8], field: String = "hash") throws(PrimitiveError) {
        guard bytes.count == 32 else { throw .wrongLength(field: field, expected: 32, found: bytes.count) }
        self.bytes = bytes
    }

    /// Parses `0x` followed by 64 hex digits.
    public init(hex: String, field: String = "hash") throws(PrimitiveError) {
        try self.init(Hex.decode(hex, field: field), field: field)
    }

    /// Wraps bytes the caller has already sized; used by hash functions whose output is 32 bytes by construction.
    public init(uncheckedBytes bytes: [UInt8]) {
        precondition(bytes.count == 32, "Hash32 needs 32 bytes — caller bug")
        self.bytes = bytes
    }

    /// Lower-case `0x`-prefixed hex.
    public var hex: String { Hex.encode(bytes) }

    /// Same as ``hex``.
    public var description: String { hex }
}
