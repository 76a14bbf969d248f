public import SigningKeys
public import Foundation
public import Secp256k1

extension KeystoreFile {
    /// Protects `key` with `password` in a new V3 keystore.
    ///
    /// Defaults follow geth: scrypt n = 2^18, r = 8, p = 1, a fresh 32-byte salt, a fresh 16-byte IV, a random
    /// (version 4) UUID, and the key's address recorded in lower case without `0x`.
    ///
    /// - Parameters:
    ///   - kdf: the KDF and its cost; ``KeystoreKDFSettings/light`` or PBKDF2 for tests.
    ///   - salt: the KDF salt; `nil` draws 32 random bytes (inject only in tests).
    ///   - iv: the 16-byte AES-CTR IV; `nil` draws it at random (inject only in tests).
    ///   - id: the file's UUID.
    public static func encrypt(
        _ key: PrivateKey,
        password: SecretBytes,
        kdf: KeystoreKDFSettings = .standard,
        salt: [UInt8]? = nil,
        iv: [UInt8]? = nil,
        id: UUID = UUID()
    ) throws(KeystoreError) -> KeystoreFile {
        let parameters = try kdf.parameters(salt: salt ?? randomBytes(32))
        let iv = iv ?? randomBytes(16)
        guard iv.count == 16 else {
            throw .invalidField(field: "crypto.cipherparams.iv", reason: "expected 16 bytes, found \(iv.count)")
        }
        let derivedKey = try parameters.deriveKey(password: password)
        // Encrypt straight from the key's storage: no unwiped copy of the plaintext.
        let ciphertext = try key.secret.withUnsafeBytes { secret in
            Result { () throws(KeystoreError) in try aes128CTR(secret, derivedKey: derivedKey, iv: iv) }
        }.get()
        let crypto = try KeystoreCrypto(
            iv: iv, ciphertext: ciphertext, kdf: parameters,
            mac: mac(derivedKey: derivedKey, ciphertext: ciphertext))
        return KeystoreFile(id: id, address: key.address, crypto: crypto)
    }

    /// Protects `key` with a password given as text (its UTF-8 bytes).
    public static func encrypt(
        _ key: PrivateKey,
        password: String,
        kdf: KeystoreKDFSettings = .standard,
        salt: [UInt8]? = nil,
        iv: [UInt8]? = nil,
        id: UUID = UUID()
    ) throws(KeystoreError) -> KeystoreFile {
        try encrypt(key, password: SecretBytes(Array(password.utf8)), kdf: kdf, salt: salt, iv: iv, id: id)
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
