import Keystore
import Secp256k1
import Testing
import TestSupport

/// The KDFs against RFC 7914's printed vectors (§11 PBKDF2-HMAC-SHA256, §12 scrypt); only the first 32 bytes
/// of each derived key are used by keystores, so only those are compared.
@Suite("Keystore key derivation")
struct KeystoreKDFTests {
    static func derive(_ kdf: KeystoreKDF, _ password: String) throws -> [UInt8] {
        try kdf.deriveKey(password: SecretBytes(Array(password.utf8))).withUnsafeBytes { Array($0) }
    }

    @Test(
        "scrypt matches RFC 7914 §12",
        arguments: [
            ("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"),
            ("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"),
        ])
    func matchesScryptVectors(password: String, salt: String, n: Int, r: Int, p: Int, expected: String) throws {
        let kdf = KeystoreKDF.scrypt(try ScryptParameters(n: n, r: r, p: p, dklen: 64, salt: Array(salt.utf8)))
        #expect(try Self.derive(kdf, password) == hexBytes(expected))
    }

    @Test("PBKDF2-HMAC-SHA256 matches RFC 7914 §11 with a single round")
    func matchesPBKDF2Vector() throws {
        let kdf = KeystoreKDF.pbkdf2(try PBKDF2Parameters(c: 1, dklen: 64, salt: Array("salt".utf8)))
        #expect(
            try Self.derive(kdf, "passwd")
                == hexBytes("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"))
    }

    @Test("with r = 1, N = 2^15 is accepted and N = 2^16 refused by name (RFC 7914: N < 2^(16·r))")
    func enforcesRFC7914Rule() throws {
        let accepted = KeystoreKDF.scrypt(try ScryptParameters(n: 1 << 15, r: 1, p: 1, salt: [1, 2, 3]))
        #expect(try Self.derive(accepted, "pw").count == 32)
        let refused = KeystoreKDF.scrypt(try ScryptParameters(n: 1 << 16, r: 1, p: 1, salt: [1, 2, 3]))
        #expect {
            try Self.derive(refused, "pw")
        } throws: { error in
            guard case KeystoreError.scryptParametersRefused(n: 65536, r: 1, p: 1, _) = error else { return false }
            return true
        }
    }
}
