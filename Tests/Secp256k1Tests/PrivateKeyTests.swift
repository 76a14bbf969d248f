import SigningKeys
import EthereumPrimitives
import Secp256k1
import TestSupport
import Testing

/// Shared inputs: the EIP-155 example key and its published signature (decimal r and s from the EIP).
enum EIP155Example {
    static let keyBytes = [UInt8](repeating: 0x46, count: 32)
    static let address = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"
    static let signingHash = "0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"
    static let r = "0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
    static let s = "0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"

    static func key() throws -> PrivateKey { try PrivateKey(SecretBytes(keyBytes)) }
    static func digest() throws -> Hash32 { try Hash32(hex: signingHash) }
}

/// The curve order n, big-endian.
let curveOrder = hexBytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")

@Suite("PrivateKey")
struct PrivateKeyTests {
    @Test("the EIP-155 example key has the address the EIP's sender has")
    func exampleKeyAddress() throws {
        #expect(try EIP155Example.key().address.checksummed == EIP155Example.address)
    }

    @Test("keys 1 and n − 1 are valid and have their well-known addresses")
    func boundaryKeys() throws {
        let one = try PrivateKey(SecretBytes([UInt8](repeating: 0, count: 31) + [1]))
        #expect(one.address.checksummed == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        var nMinusOne = curveOrder
        nMinusOne[31] -= 1
        #expect(
            try PrivateKey(SecretBytes(nMinusOne)).address.checksummed == "0x80C0dbf239224071c59dD8970ab9d542E3414aB2")
    }

    @Test(
        "rejects zero, n, above n, all-ones and wrong lengths",
        arguments: [
            [UInt8](repeating: 0, count: 32), curveOrder,
            hexBytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142"),
            [UInt8](repeating: 0xff, count: 32), [UInt8](repeating: 0x46, count: 31),
            [UInt8](repeating: 0x46, count: 33), [],
        ])
    func rejectsInvalidKey(bytes: [UInt8]) {
        #expect(throws: Secp256k1Error.invalidPrivateKey) { try PrivateKey(SecretBytes(bytes)) }
    }

    @Test("signing is deterministic (RFC 6979) and reproduces the EIP-155 example's r and s")
    func reproducesEIP155Signature() throws {
        let signature = try EIP155Example.key().sign(digest: EIP155Example.digest())
        #expect(Hex.encode(signature.r) == EIP155Example.r)
        #expect(Hex.encode(signature.s) == EIP155Example.s)
        #expect(signature.yParity == 0)  // v = 37 = 1·2 + 35 + 0
        #expect(try EIP155Example.key().sign(digest: EIP155Example.digest()) == signature)
    }

    @Test("sign then recover returns the signer, for fresh random keys and digests")
    func signRecoverRoundTrip() throws {
        for round in 0..<16 {
            let key = PrivateKey.generate()
            let digest = Keccak256.hash(Array("message \(round)".utf8))
            let signature = key.sign(digest: digest)
            #expect(try signature.recoverAddress(digest: digest) == key.address)
            #expect(try signature.recoverPublicKey(digest: digest) == key.publicKey)
            // Low-s by construction: s ≤ n/2 means the top bit of s is clear.
            #expect(signature.s[0] < 0x80)
        }
    }

    @Test("a signature recovers a different address for a different digest")
    func recoverWrongDigest() throws {
        let key = try EIP155Example.key()
        let signature = key.sign(digest: try EIP155Example.digest())
        let other = Keccak256.hash([0x01])
        #expect(try signature.recoverAddress(digest: other) != key.address)
    }

    @Test("adding a tweak adds modulo n; tweaks of n or that zero the key are refused")
    func tweak() throws {
        let key = try EIP155Example.key()
        let plusOne = try key.adding(tweak: [UInt8](repeating: 0, count: 31) + [1])
        #expect(plusOne.address.checksummed == "0x5a17650BE84F28Ed583e93E6ed0C99b1D1FC1b34")
        #expect(throws: Secp256k1Error.invalidTweak) { try key.adding(tweak: curveOrder) }
        #expect(throws: Secp256k1Error.invalidTweak) { try key.adding(tweak: [1]) }
        // n − k: the sum is n ≡ 0, not a key.
        var negated = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for index in stride(from: 31, through: 0, by: -1) {
            let difference = Int(curveOrder[index]) - 0x46 - borrow
            negated[index] = UInt8((difference + 256) % 256)
            borrow = difference < 0 ? 1 : 0
        }
        #expect(throws: Secp256k1Error.invalidTweak) { try key.adding(tweak: negated) }
    }

    @Test("keys and secrets never print their bytes")
    func redaction() throws {
        let key = try EIP155Example.key()
        #expect(!"\(key)".contains("46"))
        #expect("\(key.secret)" == "SecretBytes(32 bytes, redacted)")
        #expect(String(reflecting: key.secret) == "SecretBytes(32 bytes, redacted)")
    }

    @Test("secrets compare by value")
    func secretEquality() {
        #expect(SecretBytes([1, 2, 3]).constantTimeEquals(SecretBytes([1, 2, 3])))
        #expect(!SecretBytes([1, 2, 3]).constantTimeEquals(SecretBytes([1, 2, 4])))
        #expect(!SecretBytes([1, 2, 3]).constantTimeEquals(SecretBytes([1, 2])))
        var copy: [UInt8] = [9, 9]
        SecretBytes.wipe(&copy)
        #expect(copy.isEmpty)
    }
}
