/// CRC-32/ISO-HDLC (the zlib `crc32`), the checksum of Bytewords and of multipart UR messages.
///
/// Polynomial `0xEDB88320` (reflected), initial value and final XOR `0xFFFFFFFF`. UR writes the value
/// big-endian ("network order") after the bytes it covers (BCR-2020-012).
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }

    /// The CRC-32 of `bytes`.
    public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = (crc >> 8) ^ table[Int((crc ^ UInt32(byte)) & 0xFF)]
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC-32 of `bytes` as four big-endian bytes, as UR appends it.
    public static func checksumBytes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        bigEndianBytes(checksum(bytes))
    }

    /// `value` as four big-endian bytes.
    static func bigEndianBytes(_ value: UInt32) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
            UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
        ]
    }
}
