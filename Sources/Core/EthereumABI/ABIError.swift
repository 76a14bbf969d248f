/// Why ABI data was refused.
///
/// Positions are byte offsets into the data after the selector.
public enum ABIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer bytes than a word or a length requires.
    case dataTooShort(field: String, offset: Int, needed: Int, available: Int)
    /// A dynamic offset or length that points outside the data or is not word-aligned.
    case invalidOffset(field: String, offset: Int, value: String)
    /// Non-zero bits where the type requires zero padding (an address's high bytes, a uint24's high bits,
    /// the tail of `bytes16` or of dynamic bytes).
    case dirtyPadding(field: String, offset: Int)
    /// A bool word other than 0 or 1.
    case invalidBool(field: String, offset: Int)
    /// A `string` that is not valid UTF-8.
    case invalidUTF8(field: String)
    /// Data that decodes but is not the canonical encoding (trailing bytes, gaps or reordered tails).
    case nonCanonicalEncoding(reason: String)
    /// Calldata whose selector is not the expected function.
    case unexpectedSelector(expected: String, found: String)
    /// A value that does not fit its declared type when encoding or converting.
    case valueOutOfRange(field: String, type: String)
    /// The value's shape does not match the type (a programmer error surfaced as data error).
    case typeMismatch(field: String, expected: String)

    /// A one-line explanation naming the field.
    public var description: String {
        switch self {
        case .dataTooShort(let field, let offset, let needed, let available):
            return "ABI \(field): needs \(needed) byte(s) at offset \(offset), only \(available) available"
        case .invalidOffset(let field, let offset, let value):
            return "ABI \(field): offset or length \(value) at \(offset) points outside the data"
        case .dirtyPadding(let field, let offset): return "ABI \(field): non-zero padding at offset \(offset)"
        case .invalidBool(let field, let offset): return "ABI \(field): bool at offset \(offset) is neither 0 nor 1"
        case .invalidUTF8(let field): return "ABI \(field): string is not valid UTF-8"
        case .nonCanonicalEncoding(let reason): return "ABI data is not canonically encoded: \(reason)"
        case .unexpectedSelector(let expected, let found): return "calldata selector \(found), expected \(expected)"
        case .valueOutOfRange(let field, let type): return "ABI \(field): value does not fit \(type)"
        case .typeMismatch(let field, let expected): return "ABI \(field): expected a value of type \(expected)"
        }
    }
}
