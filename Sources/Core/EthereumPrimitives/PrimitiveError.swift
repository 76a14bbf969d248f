/// Everything that can be wrong with a primitive value read from outside: hex, addresses, quantities, amounts.
///
/// Every case names the field it was found in, so a message reads "transaction.to: …".
public enum PrimitiveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A hex string lacks its `0x` prefix.
    case missingHexPrefix(field: String)
    /// A hex string has an odd number of digits where bytes were expected.
    case oddHexLength(field: String, digits: Int)
    /// A character that is not a hex digit, at a 0-based offset after the prefix.
    case invalidHexCharacter(field: String, character: Character, offset: Int)
    /// A byte string of the wrong size.
    case wrongLength(field: String, expected: Int, found: Int)
    /// A mixed-case address whose EIP-55 checksum does not match.
    case invalidChecksum(field: String, found: String, expected: String)
    /// A quantity that is not in canonical form (leading zeros, empty, upper-case digits).
    case nonCanonicalQuantity(field: String, found: String)
    /// A value that does not fit in 256 bits (or in the named smaller type).
    case overflow(field: String, limit: String)
    /// A decimal amount that cannot be read.
    case invalidDecimal(field: String, found: String, reason: String)

    /// A one-line explanation that names the field, what was found and what was expected.
    public var description: String {
        switch self {
        case .missingHexPrefix(let field):
            return "\(field): expected a 0x-prefixed hex string"
        case .oddHexLength(let field, let digits):
            return "\(field): expected an even number of hex digits, found \(digits)"
        case .invalidHexCharacter(let field, let character, let offset):
            return "\(field): '\(character)' at offset \(offset) is not a hex digit"
        case .wrongLength(let field, let expected, let found):
            return "\(field): expected \(expected) bytes, found \(found)"
        case .invalidChecksum(let field, let found, let expected):
            return "\(field): EIP-55 checksum mismatch: found \(found), expected \(expected)"
        case .nonCanonicalQuantity(let field, let found):
            return "\(field): '\(found)' is not a canonical quantity (0x, lower-case, no leading zeros)"
        case .overflow(let field, let limit):
            return "\(field): value exceeds \(limit)"
        case .invalidDecimal(let field, let found, let reason):
            return "\(field): '\(found)' is not a valid amount: \(reason)"
        }
    }
}
