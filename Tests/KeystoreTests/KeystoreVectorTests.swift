import SigningKeys
import EthereumPrimitives
import Foundation
import Keystore
import Secp256k1
import Testing
import TestSupport

/// go-ethereum's keystore test data (accounts/keystore/testdata), committed under Tests/Vectors/keystore.
@Suite("go-ethereum keystore vectors")
struct KeystoreVectorTests {
    static let fastV3Vectors = ["31_byte_key", "30_byte_key"]

    @Test("v3 vectors with short plaintexts decrypt to the left-padded key", arguments: fastV3Vectors)
    func decryptsShortPlaintextVectors(name: String) throws {
        let vector = try V3Vector(name)
        let key = try vector.file.decrypt(password: vector.password)
        key.secret.withUnsafeBytes { #expect(Array($0) == vector.expectedKey) }
        #expect(vector.file.crypto.ciphertext.count < 32)
    }

    @Test("RFC 7914-violating scrypt vector is refused by name, not by a crash")
    func refusesWikipageScryptVector() throws {
        let vector = try V3Vector("wikipage_test_vector_scrypt")
        let salt = hexBytes("ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19")
        #expect(vector.file.crypto.kdf == .scrypt(try ScryptParameters(n: 262_144, r: 1, p: 8, salt: salt)))
        #expect(
            throws: KeystoreError.scryptParametersRefused(
                n: 262_144, r: 1, p: 8, reason: "RFC 7914 requires N < 2^(16·r) = 2^16; BoringSSL and OpenSSL enforce it"
            )
        ) {
            try vector.file.decrypt(password: vector.password)
        }
    }

    @Test("very-light-scrypt.json opens with the empty password and declares its key's address")
    func decryptsVeryLightScrypt() throws {
        let file = try KeystoreFile(jsonData: Fixtures.vector("keystore/very-light-scrypt.json"))
        let key = try file.decrypt(password: "")
        #expect(key.address == (try Address(hex: "0x45dea0fb0bba44f4fcf290bba71fd57d7117cbb8")))
    }

    @Test("very-light-scrypt.json refuses the password \"bad\" as a wrong password")
    func refusesBadPasswordOnVeryLightScrypt() throws {
        let file = try KeystoreFile(jsonData: Fixtures.vector("keystore/very-light-scrypt.json"))
        #expect(throws: KeystoreError.wrongPassword) { try file.decrypt(password: "bad") }
    }

    @Test(
        "loadable key-directory fixtures decrypt with foobar to their address",
        arguments: [
            (
                "UTC--2016-03-22T12-57-55.920751759Z--7ef5a6135f1fd6a02593eedc869c6d41d934aef8",
                "0x7ef5a6135f1fd6a02593eedc869c6d41d934aef8"
            ),
            ("aaa", "0xf466859ead1932d743d622cb74fc058882e8648a"),
            ("zzz", "0x289d485d9771714cce91d3393d764e1311907acc"),
            ("foo/fd9bd350f08ee3c0c19b85a8e16114a11a60aa4e", "0xfd9bd350f08ee3c0c19b85a8e16114a11a60aa4e"),
        ])
    func decryptsDirectoryFixtures(name: String, address: String) throws {
        let file = try KeystoreFile(jsonData: Fixtures.vector("keystore/keystore/\(name)"))
        let expected = try Address(hex: address)
        #expect(try file.requireAddress() == expected)
        #expect(try file.decrypt(password: "foobar").address == expected)
    }

    @Test("an empty file is refused as empty")
    func refusesEmptyFixture() throws {
        let data = try Fixtures.vector("keystore/keystore/empty")
        #expect(throws: KeystoreError.emptyFile) { try KeystoreFile(jsonData: data) }
    }

    @Test("random bytes are refused as malformed JSON")
    func refusesGarbageFixture() throws {
        let data = try Fixtures.vector("keystore/keystore/garbage")
        #expect {
            try KeystoreFile(jsonData: data)
        } throws: { error in
            guard case KeystoreError.malformedJSON = error else { return false }
            return true
        }
    }

    @Test("a file without address cannot be picked as an account, though it still unlocks")
    func noAddressFixtureHasNoAccount() throws {
        let file = try KeystoreFile(jsonData: Fixtures.vector("keystore/keystore/no-address"))
        #expect(throws: KeystoreError.missingAddress) { try file.requireAddress() }
        #expect(
            try file.decrypt(password: "foobar").address
                == (try Address(hex: "0xf466859ead1932d743d622cb74fc058882e8648a")))
    }

    @Test("a file declaring the zero address is refused")
    func refusesZeroAddressFixture() throws {
        let data = try Fixtures.vector("keystore/keystore/zero")
        #expect(throws: KeystoreError.zeroAddress) { try KeystoreFile(jsonData: data) }
    }

    @Test("encrypting with a vector's salt, IV, KDF and id reproduces that vector")
    func reproducesVeryLightScryptByEncryption() throws {
        let original = try KeystoreFile(jsonData: Fixtures.vector("keystore/very-light-scrypt.json"))
        let key = try original.decrypt(password: "")
        let uuid = try #require(UUID(uuidString: original.id))
        let rebuilt = try KeystoreFile.encrypt(
            key, password: "", kdf: .scrypt(n: 2, r: 8, p: 1), salt: original.crypto.kdf.salt,
            iv: original.crypto.iv, id: uuid)
        #expect(rebuilt == original)
        #expect(rebuilt.crypto.mac == hexBytes("39990c1684557447940d4c69e06b1b82b2aceacb43f284df65c956daf3046b85"))
    }
}

/// One entry of v3_test_vector.json.
struct V3Vector {
    let file: KeystoreFile
    let password: String
    let expectedKey: [UInt8]

    init(_ name: String) throws {
        let all = try #require(try Fixtures.vectorJSON("keystore/v3_test_vector.json") as? [String: Any])
        let entry = try #require(all[name] as? [String: Any])
        let json = try #require(entry["json"])
        file = try KeystoreFile(jsonData: JSONSerialization.data(withJSONObject: json))
        password = try #require(entry["password"] as? String)
        let priv = hexBytes(try #require(entry["priv"] as? String))
        expectedKey = [UInt8](repeating: 0, count: 32 - priv.count) + priv
    }
}
