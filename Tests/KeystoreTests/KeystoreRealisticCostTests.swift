import SigningKeys
import EthereumPrimitives
import Keystore
import Secp256k1
import Testing
import TestSupport

/// Keystores with production KDF costs.
///
/// Each takes several seconds in a debug build (swift-crypto's BoringSSL is compiled at -O0 there), so this
/// suite is kept to two cases.
@Suite("Realistic-cost keystores (slow in debug builds)")
struct KeystoreRealisticCostTests {
    @Test("the wikipage PBKDF2 vector (c = 262,144) decrypts to its key, standing in for its scrypt twin")
    func decryptsWikipagePBKDF2Vector() throws {
        let vector = try V3Vector("wikipage_test_vector_pbkdf2")
        #expect(vector.file.crypto.kdf.name == "pbkdf2")
        let key = try vector.file.decrypt(password: vector.password)
        key.secret.withUnsafeBytes { #expect(Array($0) == vector.expectedKey) }
    }

    @Test("a keystore written with geth's standard scrypt cost (n = 2^18, r = 8, p = 1) opens again")
    func roundTripsStandardScrypt() throws {
        let key = PrivateKey.generate()
        let file = try KeystoreFile.encrypt(key, password: "correct horse")
        #expect(file.crypto.kdf == .scrypt(try ScryptParameters(n: 1 << 18, r: 8, p: 1, salt: file.crypto.kdf.salt)))
        #expect(file.crypto.kdf.salt.count == 32)
        #expect(try file.decrypt(password: "correct horse").address == key.address)
    }
}
