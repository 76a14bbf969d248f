import SigningKeys
import EthereumPrimitives
import Foundation
import Keystore
import Secp256k1
import Testing
import TestSupport

/// Writing keystores and reading them back, with light KDF costs so the suite stays fast in debug builds.
@Suite("Keystore encryption round trips")
struct KeystoreRoundTripTests {
    static let lightSettings: [KeystoreKDFSettings] = [.scrypt(n: 1 << 10, r: 8, p: 1), .pbkdf2(rounds: 1000)]

    @Test("encrypt then decrypt returns the same key", arguments: lightSettings)
    func roundTrips(settings: KeystoreKDFSettings) throws {
        let key = PrivateKey.generate()
        let file = try KeystoreFile.encrypt(key, password: "pässwörd", kdf: settings)
        let reopened = try KeystoreFile(jsonData: file.encode())
        #expect(reopened == file)
        let decrypted = try reopened.decrypt(password: "pässwörd")
        #expect(decrypted.secret.constantTimeEquals(key.secret))
        #expect(reopened.address == key.address)
    }

    @Test("the written JSON has geth's shape: lower-case address without 0x, version 3, a v4 UUID")
    func writesGethShape() throws {
        let key = PrivateKey.generate()
        let file = try KeystoreFile.encrypt(key, password: "pw", kdf: .scrypt(n: 1 << 10, r: 8, p: 1))
        let object = try #require(try JSONSerialization.jsonObject(with: file.encode()) as? [String: Any])
        #expect(Set(object.keys) == ["address", "crypto", "id", "version"])
        #expect(object["address"] as? String == String(key.address.lowercased.dropFirst(2)))
        #expect(object["version"] as? Int == 3)
        let id = try #require(object["id"] as? String)
        let characters = Array(id)
        #expect(id == id.lowercased() && UUID(uuidString: id) != nil)
        #expect(characters[14] == "4" && "89ab".contains(characters[19]))
        let crypto = try #require(object["crypto"] as? [String: Any])
        #expect(crypto["cipher"] as? String == "aes-128-ctr")
        #expect(crypto["kdf"] as? String == "scrypt")
        let parameters = try #require(crypto["kdfparams"] as? [String: Any])
        #expect(Set(parameters.keys) == ["dklen", "n", "p", "r", "salt"])
        #expect((parameters["salt"] as? String)?.count == 64)
    }

    @Test("injected salt and IV are used as given")
    func usesInjectedSaltAndIV() throws {
        let salt = [UInt8](repeating: 0x11, count: 16)
        let iv = [UInt8](repeating: 0x22, count: 16)
        let file = try KeystoreFile.encrypt(
            PrivateKey.generate(), password: "pw", kdf: .pbkdf2(rounds: 10), salt: salt, iv: iv)
        #expect(file.crypto.kdf.salt == salt)
        #expect(file.crypto.iv == iv)
    }

    @Test("a wrong password is reported as such")
    func refusesWrongPassword() throws {
        let file = try KeystoreFile.encrypt(PrivateKey.generate(), password: "right", kdf: .pbkdf2(rounds: 10))
        #expect(throws: KeystoreError.wrongPassword) { try file.decrypt(password: "wrong") }
    }

    @Test("a flipped ciphertext or MAC bit is caught by the MAC before decryption", arguments: ["ciphertext", "mac"])
    func refusesTamperedFile(field: String) throws {
        let file = try KeystoreFile.encrypt(PrivateKey.generate(), password: "pw", kdf: .pbkdf2(rounds: 10))
        var ciphertext = file.crypto.ciphertext
        var mac = file.crypto.mac
        if field == "ciphertext" { ciphertext[5] ^= 0x01 } else { mac[31] ^= 0x80 }
        let tampered = KeystoreFile(
            id: try #require(UUID(uuidString: file.id)), address: file.address,
            crypto: try KeystoreCrypto(iv: file.crypto.iv, ciphertext: ciphertext, kdf: file.crypto.kdf, mac: mac))
        #expect(throws: KeystoreError.wrongPassword) { try tampered.decrypt(password: "pw") }
    }

    @Test("a file whose address was swapped for another account's is refused after unlocking")
    func refusesSwappedAddress() throws {
        let key = PrivateKey.generate()
        let other = PrivateKey.generate().address
        let file = try KeystoreFile.encrypt(key, password: "pw", kdf: .pbkdf2(rounds: 10))
        let swapped = KeystoreFile(id: try #require(UUID(uuidString: file.id)), address: other, crypto: file.crypto)
        #expect(throws: KeystoreError.addressMismatch(declared: other, derived: key.address)) {
            try swapped.decrypt(password: "pw")
        }
    }

    @Test("settings outside the bounds are refused when writing too")
    func refusesOutOfBoundsSettings() {
        #expect(
            throws: KeystoreError.kdfParameterOutOfBounds(
                field: "crypto.kdfparams.c", found: 0, allowed: "1…10000000")
        ) {
            try KeystoreFile.encrypt(PrivateKey.generate(), password: "pw", kdf: .pbkdf2(rounds: 0))
        }
    }

    @Test("descriptions of keys, secrets and errors never contain the key bytes")
    func redactsSecrets() throws {
        let key = PrivateKey.generate()
        let hex = key.secret.withUnsafeBytes { Hex.encode($0, prefix: false) }
        let file = try KeystoreFile.encrypt(key, password: "pw", kdf: .pbkdf2(rounds: 10))
        let texts = ["\(try file.decrypt(password: "pw"))", "\(key.secret)", "\(file)"]
        for text in texts { #expect(!text.contains(hex)) }
    }
}
