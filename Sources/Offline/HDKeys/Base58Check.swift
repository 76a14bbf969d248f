import Crypto

/// Base58Check encoding (Bitcoin alphabet, 4-byte double-SHA-256 checksum), as BIP-32 serialises extended keys.
///
/// Encoding only: this package exports keys for comparison, it never imports them.
enum Base58Check {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

    /// `payload ‖ SHA-256(SHA-256(payload))[0..<4]` in Base58.
    static func encode(_ payload: [UInt8]) -> String {
        let checksum = Array(SHA256.hash(data: Array(SHA256.hash(data: payload))).prefix(4))
        return base58(payload + checksum)
    }

    /// Plain Base58: each leading zero byte becomes a `1`, the rest is the big-endian number in base 58.
    static func base58(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix(while: { $0 == 0 }).count
        var digits = [UInt8]()  // base-58 digits, least significant first
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            for index in digits.indices {
                carry += Int(digits[index]) << 8
                digits[index] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        return String(repeating: "1", count: zeros) + String(digits.reversed().map { alphabet[Int($0)] })
    }
}
