/// Bytewords (BCR-2020-012): bytes as four-letter words, with a CRC-32 appended as four more.
///
/// `standard` separates words with spaces, `uri` with hyphens; `minimal` writes only each word's first and
/// last letter, which is what UR bodies use. Every encoding carries the big-endian CRC-32 of the payload;
/// decoding verifies and removes it.
public enum Bytewords {
    /// How words are written.
    public enum Style: String, Sendable, CaseIterable {
        /// `able acid also …`
        case standard
        /// `able-acid-also-…`
        case uri
        /// `aeadao…` (first and last letter of each word)
        case minimal
    }

    /// Encodes `bytes` followed by their CRC-32.
    public static func encode(_ bytes: [UInt8], style: Style) -> String {
        let all = bytes + CRC32.checksumBytes(bytes)
        switch style {
        case .standard: return all.map { words[Int($0)] }.joined(separator: " ")
        case .uri: return all.map { words[Int($0)] }.joined(separator: "-")
        case .minimal: return all.map { minimalWords[Int($0)] }.joined()
        }
    }

    /// Decodes `text` in `style`, verifies the trailing CRC-32 and returns the payload without it.
    ///
    /// Letters are matched without regard to case (UR in QR codes is upper case). Full words must be spelt
    /// exactly; a payload must be at least one byte long (so at least five words in all), as in bc-ur.
    public static func decode(_ text: String, style: Style) throws(QRTransportError) -> [UInt8] {
        let letters = Array(text.lowercased().utf8)
        var bytes: [UInt8] = []
        switch style {
        case .standard, .uri:
            let separator: UInt8 = style == .standard ? 0x20 : 0x2D
            let tokens = letters.isEmpty ? [] : letters.split(separator: separator, omittingEmptySubsequences: false)
            for (index, token) in tokens.enumerated() {
                bytes.append(try decodeWord(Array(token), index: index))
            }
        case .minimal:
            guard letters.count % 2 == 0 else { throw .bytewordsOddLength(letterCount: letters.count) }
            for index in stride(from: 0, to: letters.count, by: 2) {
                bytes.append(try decodeWord([letters[index], letters[index + 1]], index: index / 2))
            }
        }
        guard bytes.count >= 5 else { throw .bytewordsTooShort(byteCount: bytes.count) }
        let payload = Array(bytes.dropLast(4))
        let found = bytes.suffix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let expected = CRC32.checksum(payload)
        guard found == expected else { throw .bytewordsChecksumMismatch(expected: expected, found: found) }
        return payload
    }

    /// The two-letter forms, in byte order.
    static let minimalWords: [String] = words.map { String([$0.first, $0.last].compactMap { $0 }) }

    /// Byte for (first letter, last letter), −1 where no word matches.
    private static let lookup: [Int16] = {
        var table = [Int16](repeating: -1, count: 26 * 26)
        for (byte, word) in words.enumerated() {
            let utf8 = Array(word.utf8)
            table[Int(utf8[0] - 0x61) * 26 + Int(utf8[3] - 0x61)] = Int16(byte)
        }
        return table
    }()

    /// Decodes one lower-case word of 2 (minimal) or 4 letters.
    private static func decodeWord(_ word: [UInt8], index: Int) throws(QRTransportError) -> UInt8 {
        let invalid = QRTransportError.bytewordsInvalidWord(word: String(decoding: word, as: UTF8.self), index: index)
        guard word.count == 2 || word.count == 4, let first = word.first, let last = word.last,
            (0x61...0x7A).contains(first), (0x61...0x7A).contains(last)
        else { throw invalid }
        let entry = lookup[Int(first - 0x61) * 26 + Int(last - 0x61)]
        guard entry >= 0 else { throw invalid }
        let byte = UInt8(truncatingIfNeeded: entry)
        // The first and last letters identify the word; a four-letter word must also match in the middle.
        if word.count == 4, Array(words[Int(byte)].utf8) != word { throw invalid }
        return byte
    }
}
