/// The one mutation engine of the fuzzing harness: deterministic, seeded, shared by every target.
///
/// Each mutant stacks 1–6 of: bit flips, random or interesting bytes, byte insertion and deletion, range
/// duplication, splices and chunk copies between corpus files, dictionary tokens (numbers such as `1e400`, `-0`,
/// `18446744073709551616`; CBOR and RLP heads declaring huge lengths; 32-byte ABI words), a number in text replaced
/// by an interesting one, integer overwrites, deep nesting, long runs and truncation.
public struct Mutator: Sendable {
    /// The inputs mutants are derived from (never empty: an empty corpus gets one empty input).
    public let corpus: [[UInt8]]
    /// Tokens inserted or overwritten whole: the common ones plus the target's own.
    public let dictionary: [[UInt8]]
    /// Mutants are cut to this many bytes.
    public let maxLength: Int
    /// How the target nests (`[` for JSON, `0x81` for CBOR, …), repeated to build deep structures.
    public let nesting: [[UInt8]]

    /// An engine over `corpus`, with `dictionary` added to ``Mutator/commonTokens``.
    public init(corpus: [[UInt8]], dictionary: [[UInt8]] = [], nesting: [[UInt8]] = [], maxLength: Int = 1 << 16) {
        self.corpus = corpus.isEmpty ? [[]] : corpus
        self.dictionary = Self.commonTokens + dictionary
        self.maxLength = max(maxLength, 1)
        self.nesting = nesting.isEmpty ? [Array("[".utf8), [0x81], [0xC1]] : nesting
    }

    /// The next input to try: usually a stacked mutation of a corpus file, sometimes a short random string.
    public func next(using rng: inout FuzzRandom) -> [UInt8] {
        if rng.oneIn(64) { return (0..<rng.below(48)).map { _ in rng.byte() } }
        var bytes = rng.pick(corpus) ?? []
        let steps = rng.oneIn(4) ? 1 + rng.below(6) : 1 + rng.below(2)
        for _ in 0..<steps { mutate(&bytes, using: &rng) }
        if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        return bytes
    }

    /// Applies one mutation chosen at random.
    public func mutate(_ bytes: inout [UInt8], using rng: inout FuzzRandom) {
        let position = rng.below(bytes.count + 1)
        switch rng.below(16) {
        case 0 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] ^= UInt8(1) << UInt8(rng.below(8))
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = rng.byte()
        case 2 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = rng.pick(Self.interestingBytes) ?? 0
        case 3:
            bytes.insert(contentsOf: (0..<(1 + rng.below(8))).map { _ in rng.byte() }, at: position)
        case 4 where !bytes.isEmpty:
            let start = min(position, bytes.count - 1)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + rng.below(16)))
        case 5 where !bytes.isEmpty:
            let start = rng.below(bytes.count)
            let chunk = Array(bytes[start..<min(bytes.count, start + 1 + rng.below(64))])
            bytes.insert(contentsOf: chunk, at: position)
        case 6:
            let other = rng.pick(corpus) ?? []
            bytes = Array(bytes[..<position]) + Array(other[rng.below(other.count + 1)...])
        case 7:
            let other = rng.pick(corpus) ?? []
            let start = rng.below(other.count + 1)
            bytes.insert(contentsOf: other[start..<min(other.count, start + rng.below(128))], at: position)
        case 8:
            bytes.insert(contentsOf: rng.pick(dictionary) ?? [], at: position)
        case 9:
            let token = rng.pick(dictionary) ?? []
            bytes.replaceSubrange(position..<min(bytes.count, position + token.count), with: token)
        case 10:
            replaceNumber(&bytes, at: position, using: &rng)
        case 11:
            bytes.removeSubrange(position...)
        case 12:
            let value = rng.pick(Self.interestingIntegers) ?? 0
            let width = [1, 2, 4, 8][rng.below(4)]
            let word = (0..<width).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * (width - 1 - $0))) }
            bytes.replaceSubrange(position..<min(bytes.count, position + width), with: word)
        case 13:
            let opener = rng.pick(nesting) ?? [0x5B]
            let depth = [8, 64, 300, 2_000][rng.below(4)]
            bytes.insert(contentsOf: Array([[UInt8]](repeating: opener, count: depth).joined()), at: position)
        case 14:
            let fill = rng.oneIn(2) ? UInt8(ascii: "a") : rng.pick(Self.interestingBytes) ?? 0
            bytes.insert(contentsOf: [UInt8](repeating: fill, count: [33, 256, 4_096, 70_000][rng.below(4)]), at: position)
        default:
            guard bytes.count > 1 else { return bytes.append(rng.byte()) }
            bytes.swapAt(rng.below(bytes.count), rng.below(bytes.count))
        }
    }

    /// Replaces the run of number characters at or after `position` with an interesting number.
    private func replaceNumber(_ bytes: inout [UInt8], at position: Int, using rng: inout FuzzRandom) {
        let isNumberByte = { (byte: UInt8) in (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E }
        guard let start = bytes[position...].firstIndex(where: isNumberByte) ?? bytes.firstIndex(where: isNumberByte)
        else { return bytes.insert(contentsOf: rng.pick(Self.interestingNumbers) ?? [], at: position) }
        let end = bytes[start...].firstIndex { !isNumberByte($0) && $0 != 0x65 && $0 != 0x45 && $0 != 0x2B } ?? bytes.endIndex
        bytes.replaceSubrange(start..<end, with: rng.pick(Self.interestingNumbers) ?? [])
    }

    /// Single bytes that sit on boundaries (signs, CBOR and RLP heads, control and format characters).
    public static let interestingBytes: [UInt8] = [
        0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x22, 0x2C, 0x2D, 0x30, 0x3A, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F,
        0x80, 0x81, 0x9F, 0xA0, 0xB7, 0xB8, 0xBF, 0xC0, 0xC1, 0xF6, 0xF7, 0xF8, 0xF9, 0xFB, 0xFF,
        0x18, 0x19, 0x1A, 0x1F, 0x3F, 0x5F, 0x7E, 0xD8, 0xFE,
    ]

    /// Integers written big-endian over 1, 2, 4 or 8 bytes.
    public static let interestingIntegers: [UInt64] = [
        0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF,
        0x1_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000, .max,
    ]

    /// Numbers as text: overflow, underflow, negative zero, exponents, fractions, leading zeros.
    public static let interestingNumbers: [[UInt8]] = [
        "0", "-0", "-1", "1", "00", "01", "0.0", "-0.0", "1.5", "0.000000000001", "1e400", "-1e400", "1E308", "1e-400",
        "1e+2", "2e0", "18446744073709551615", "18446744073709551616", "-18446744073709551616", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "4294967295", "4294967296", "65535", "65536", "2147483648",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935",
        "115792089237316195423570985008687907853269984665640564039457584007913129639936",
        "99999999999999999999999999999999999999999999999999999999999999999999999999999999999",
        "1.7976931348623157e308", "-",
    ].map { Array($0.utf8) }

    /// Tokens every target gets: the numbers, JSON literals, escapes, hostile characters, huge-length heads.
    public static let commonTokens: [[UInt8]] =
        interestingNumbers
        + [
            "null", "true", "false", "[]", "{}", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\\u202e",
            "\u{202E}", "\u{200B}", "\u{1B}[2J", "\r", "\u{FEFF}", "\u{85}", "NaN", "Infinity", "0x", "0x0", "0x00",
            "0X", "0xzz", "ur:", "/", "-", ",", ":", "\"a\":", "\"\\", "\\\"",
            "0x" + String(repeating: "f", count: 64), "0x" + String(repeating: "0", count: 130),
        ].map { Array($0.utf8) }
        + [
            [0x5B] + [UInt8](repeating: 0xFF, count: 8), [0x9B] + [UInt8](repeating: 0xFF, count: 8),
            [0xBB] + [UInt8](repeating: 0xFF, count: 8), [0x7B] + [UInt8](repeating: 0xFF, count: 8),
            [0x1B] + [UInt8](repeating: 0xFF, count: 8), [0x3B] + [UInt8](repeating: 0xFF, count: 8),
            [0x5A, 0xFF, 0xFF, 0xFF, 0xFF], [0xF9, 0x7C, 0x00], [0xFB, 0x7F, 0xF8, 0, 0, 0, 0, 0, 0], [0xD8, 0x25],
            [0xBF] + [UInt8](repeating: 0xFF, count: 8), [0xFF] + [UInt8](repeating: 0xFF, count: 8),
            [0xB9, 0xFF, 0xFF], [0xF9, 0xFF, 0xFF], [0xB8, 0x00], [0xB8, 0x01, 0x00], [0x81, 0x00], [0x80], [0xC0],
            [UInt8](repeating: 0xFF, count: 32), [UInt8](repeating: 0, count: 31) + [0x20],
            [UInt8](repeating: 0, count: 24) + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
            [UInt8](repeating: 0, count: 23) + [0x01] + [UInt8](repeating: 0, count: 8),
            [0x80] + [UInt8](repeating: 0, count: 31),
        ]
}
