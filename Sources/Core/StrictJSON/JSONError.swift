/// Why a byte string is not the strict JSON that ``JSON/parse(_:maxDepth:)`` accepts.
///
/// Offsets are 0-based byte offsets into the parsed input.
public enum JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended inside a value.
    case unexpectedEnd(expected: String)
    /// A byte that cannot start or continue the value being read.
    case unexpectedByte(offset: Int, found: UInt8, expected: String)
    /// A number that breaks the RFC 8259 grammar (leading zeros, a bare `.`, `+1`, `NaN`…).
    case invalidNumber(offset: Int)
    /// An unknown escape, a bad `\u` sequence or an unpaired UTF-16 surrogate.
    case invalidEscape(offset: Int)
    /// A raw control character (below U+0020) inside a string.
    case controlCharacterInString(offset: Int)
    /// A string whose bytes are not valid UTF-8.
    case invalidUTF8(offset: Int)
    /// An object that names the same key twice (which value wins is implementation-defined, so refuse).
    case duplicateKey(String, offset: Int)
    /// Arrays and objects nested deeper than the limit.
    case tooDeep(limit: Int)
    /// Bytes other than whitespace after the top-level value.
    case trailingData(offset: Int)

    /// A one-line explanation with the offset.
    public var description: String {
        switch self {
        case .unexpectedEnd(let expected):
            return "JSON ended early: expected \(expected)"
        case .unexpectedByte(let offset, let found, let expected):
            return "JSON byte \(offset): found \(Self.show(found)), expected \(expected)"
        case .invalidNumber(let offset):
            return "JSON byte \(offset): malformed number"
        case .invalidEscape(let offset):
            return "JSON byte \(offset): invalid escape sequence"
        case .controlCharacterInString(let offset):
            return "JSON byte \(offset): unescaped control character in a string"
        case .invalidUTF8(let offset):
            return "JSON byte \(offset): string is not valid UTF-8"
        case .duplicateKey(let key, let offset):
            return "JSON byte \(offset): duplicate key \"\(key)\""
        case .tooDeep(let limit):
            return "JSON nests deeper than \(limit) levels"
        case .trailingData(let offset):
            return "JSON byte \(offset): unexpected data after the document"
        }
    }

    private static func show(_ byte: UInt8) -> String {
        if byte >= 0x20, byte < 0x7f { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16)
        return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
