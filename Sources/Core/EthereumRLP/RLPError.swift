/// Why an RLP input was refused.
///
/// Each strictness rule has its own case (the list follows alloy-rlp's `Error` and ethereum/tests'
/// `invalidRLPTest.json`); offsets are 0-based into the whole input.
public enum RLPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is empty.
    case emptyInput
    /// The input holds more than one item: `count` bytes remain after the first item ends at `offset`.
    case trailingBytes(offset: Int, count: Int)
    /// A header announces more bytes than the input (or the enclosing list) holds.
    case inputTooShort(offset: Int, needed: Int, available: Int)
    /// A single byte below 0x80 wrapped as a one-byte string (`0x81 0x00`…`0x81 0x7f`).
    case nonCanonicalSingleByte(offset: Int)
    /// The long form (0xb8–0xbf, 0xf8–0xff) used for a payload shorter than 56 bytes.
    case nonCanonicalSize(offset: Int)
    /// A long-form length that starts with a zero byte.
    case leadingZeroInLength(offset: Int)
    /// A long-form length that does not fit in a machine integer.
    case lengthOverflow(offset: Int)
    /// Nesting deeper than the decoder's limit.
    case depthLimitExceeded(limit: Int)
    /// A list where a byte string was expected.
    case unexpectedList(field: String)
    /// A byte string where a list was expected.
    case unexpectedString(field: String)
    /// An integer with a leading zero byte.
    case leadingZeroInInteger(field: String)
    /// An integer wider than its field allows.
    case integerTooLarge(field: String, maxBytes: Int, found: Int)

    /// A one-line explanation with the offset or field.
    public var description: String {
        switch self {
        case .emptyInput: return "RLP: empty input"
        case .trailingBytes(let offset, let count):
            return "RLP: \(count) trailing byte(s) after the item ending at offset \(offset)"
        case .inputTooShort(let offset, let needed, let available):
            return "RLP: item at offset \(offset) needs \(needed) byte(s), only \(available) available"
        case .nonCanonicalSingleByte(let offset): return "RLP: single byte below 0x80 wrapped as a string at offset \(offset)"
        case .nonCanonicalSize(let offset): return "RLP: long-form length for a payload under 56 bytes at offset \(offset)"
        case .leadingZeroInLength(let offset): return "RLP: length with a leading zero byte at offset \(offset)"
        case .lengthOverflow(let offset): return "RLP: length does not fit in an integer at offset \(offset)"
        case .depthLimitExceeded(let limit): return "RLP: nesting deeper than \(limit) levels"
        case .unexpectedList(let field): return "\(field): expected an RLP byte string, found a list"
        case .unexpectedString(let field): return "\(field): expected an RLP list, found a byte string"
        case .leadingZeroInInteger(let field): return "\(field): RLP integer with a leading zero byte"
        case .integerTooLarge(let field, let maxBytes, let found):
            return "\(field): RLP integer of \(found) bytes, at most \(maxBytes) allowed"
        }
    }
}
