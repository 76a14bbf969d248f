/// Hex encoding and strict decoding of byte strings and quantities.
///
/// Byte strings (`DATA` in the execution-apis spelling) are `0x` followed by an even number of hex digits,
/// either case. Quantities (`QUANTITY`) are `0x` followed by lower-case digits without leading zeros
/// (`0x0` for zero); ``decodeQuantity(_:field:)`` refuses any other form.
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Lower-case hex of `bytes`, with a `0x` prefix unless `prefix` is false.
    public static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes, prefix: Bool = true) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount * 2 + 2)
        if prefix { out.append(contentsOf: [0x30, 0x78]) }
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `0x…` hex into bytes.
    ///
    /// `field` names the value in errors. - Parameter requirePrefix: when false, a missing `0x` is tolerated (for
    /// files from other tools).
    public static func decode(_ string: String, field: String = "hex", requirePrefix: Bool = true)
        throws(PrimitiveError) -> [UInt8]
    {
        let utf8 = Array(string.utf8)
        var start = 0
        if utf8.count >= 2, utf8[0] == 0x30, utf8[1] == 0x78 || utf8[1] == 0x58 {
            start = 2
        } else if requirePrefix {
            throw .missingHexPrefix(field: field)
        }
        let digitCount = utf8.count - start
        guard digitCount % 2 == 0 else { throw .oddHexLength(field: field, digits: digitCount) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digitCount / 2)
        var index = start
        while index < utf8.count {
            let high = try nibble(utf8[index], field: field, offset: index - start)
            let low = try nibble(utf8[index + 1], field: field, offset: index + 1 - start)
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// Decodes a canonical execution-apis quantity (`0x0`, `0x1f`, never `0x01` or `0x`) into at most 32
    /// big-endian bytes without leading zeros.
    public static func decodeQuantity(_ string: String, field: String) throws(PrimitiveError) -> [UInt8] {
        let utf8 = Array(string.utf8)
        guard utf8.count >= 3, utf8[0] == 0x30, utf8[1] == 0x78 else {
            throw .nonCanonicalQuantity(field: field, found: string)
        }
        let body = utf8[2...]
        if body.count > 1, body.first == 0x30 { throw .nonCanonicalQuantity(field: field, found: string) }
        if body.contains(where: { $0 >= 0x41 && $0 <= 0x46 }) {
            throw .nonCanonicalQuantity(field: field, found: string)
        }
        for (offset, character) in body.enumerated() {
            _ = try nibble(character, field: field, offset: offset)  // offsets as written, before padding
        }
        guard body.count <= 64 else { throw .overflow(field: field, limit: "2^256 − 1") }
        let padded = (body.count % 2 == 1 ? "0" : "") + String(decoding: body, as: UTF8.self)
        let bytes = try decode(padded, field: field, requirePrefix: false)
        return bytes == [0] ? [] : bytes
    }

    /// Encodes big-endian bytes as a canonical quantity (`0x0` for empty or zero).
    public static func encodeQuantity(_ bigEndian: [UInt8]) -> String {
        guard let first = bigEndian.firstIndex(where: { $0 != 0 }) else { return "0x0" }
        var text = encode(bigEndian[first...], prefix: false)
        if text.first == "0" { text.removeFirst() }
        return "0x" + text
    }

    private static func nibble(_ c: UInt8, field: String, offset: Int) throws(PrimitiveError) -> UInt8 {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default:
            throw .invalidHexCharacter(field: field, character: Character(Unicode.Scalar(c)), offset: offset)
        }
    }
}
