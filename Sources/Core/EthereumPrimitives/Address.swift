/// A 20-byte Ethereum account address.
///
/// Parsing follows EIP-55: an all-lower-case or all-upper-case address is accepted as is; a mixed-case
/// address must carry a correct checksum, otherwise ``PrimitiveError/invalidChecksum(field:found:expected:)``.
/// Equality is on the bytes, so case never matters once parsed.
public struct Address: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 20 address bytes.
    public let bytes: [UInt8]

    /// The zero address `0x000…0`.
    public static let zero = Address(uncheckedBytes: [UInt8](repeating: 0, count: 20))

    /// Wraps exactly 20 bytes.
    public init(_ bytes: [UInt8], field: String = "address") throws(PrimitiveError) {
        guard bytes.count == 20 else { throw .wrongLength(field: field, expected: 20, found: bytes.count) }
        self.bytes = bytes
    }

    /// Wraps bytes already known to be 20 long (a slice of a hash, a decoded ABI word).
    public init(uncheckedBytes bytes: [UInt8]) {
        precondition(bytes.count == 20, "Address needs 20 bytes — caller bug")
        self.bytes = bytes
    }

    /// Parses `0x` + 40 hex digits, enforcing the EIP-55 checksum when the digits are mixed-case.
    public init(hex: String, field: String = "address") throws(PrimitiveError) {
        let parsed = try Address(Hex.decode(hex, field: field), field: field)
        let letters = hex.dropFirst(2).filter(\.isLetter)
        let mixedCase = letters.contains(where: \.isUppercase) && letters.contains(where: \.isLowercase)
        if mixedCase, parsed.checksummed.dropFirst(2) != hex.dropFirst(2) {
            throw .invalidChecksum(field: field, found: hex, expected: parsed.checksummed)
        }
        self = parsed
    }

    /// The address whose public key is `uncompressedPublicKey` (64 bytes `x ‖ y`, without the `0x04` tag):
    /// the last 20 bytes of its Keccak-256.
    public init(publicKey uncompressedPublicKey: [UInt8]) throws(PrimitiveError) {
        guard uncompressedPublicKey.count == 64 else {
            throw .wrongLength(field: "public key", expected: 64, found: uncompressedPublicKey.count)
        }
        self.init(uncheckedBytes: Array(Keccak256.hash(uncompressedPublicKey).bytes[12...]))
    }

    /// Lower-case `0x` hex.
    public var lowercased: String { Hex.encode(bytes) }

    /// The EIP-55 mixed-case checksummed form.
    public var checksummed: String {
        let lower = Hex.encode(bytes, prefix: false)
        let hash = Keccak256.hash(Array(lower.utf8)).bytes
        var out = "0x"
        for (index, character) in lower.enumerated() {
            let nibble = index % 2 == 0 ? hash[index / 2] >> 4 : hash[index / 2] & 0x0f
            out.append(nibble >= 8 ? Character(character.uppercased()) : character)
        }
        return out
    }

    /// The checksummed form.
    public var description: String { checksummed }

    /// Orders by bytes, so sorted lists of addresses are stable.
    public static func < (lhs: Address, rhs: Address) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}
