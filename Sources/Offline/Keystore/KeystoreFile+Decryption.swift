public import SigningKeys
import Crypto
import _CryptoExtras
import EthereumPrimitives
import Foundation
public import Secp256k1

extension KeystoreFile {
    /// Unlocks the key: derive, check the MAC in constant time, then decrypt.
    ///
    /// Order matters: nothing is decrypted unless `keccak256(dk[16..<32] ‖ ciphertext)` equals `crypto.mac`,
    /// so a wrong password or an altered file never yields bytes. A plaintext shorter than 32 bytes is
    /// left-padded with zeros (writers that dropped leading zero bytes; geth's `30_byte_key` vector).
    ///
    /// - Throws: ``KeystoreError/wrongPassword`` on a MAC mismatch;
    ///   ``KeystoreError/addressMismatch(declared:derived:)`` when the key does not belong to the declared
    ///   `address`; KDF errors for refused parameters.
    public func decrypt(password: SecretBytes) throws(KeystoreError) -> PrivateKey {
        let derivedKey = try crypto.kdf.deriveKey(password: password)
        guard Self.constantTimeEqual(Self.mac(derivedKey: derivedKey, ciphertext: crypto.ciphertext), crypto.mac)
        else { throw .wrongPassword }

        var plaintext = try Self.aes128CTR(crypto.ciphertext, derivedKey: derivedKey, iv: crypto.iv)
        defer { SecretBytes.wipe(&plaintext) }
        let secret = SecretBytes([UInt8](repeating: 0, count: 32 - plaintext.count) + plaintext)

        let key: PrivateKey
        do {
            key = try PrivateKey(secret)
        } catch {
            throw .invalidPrivateKey
        }
        if let address, key.address != address {
            throw .addressMismatch(declared: address, derived: key.address)
        }
        return key
    }

    /// Unlocks the key with a password given as text (its UTF-8 bytes, not normalised, as geth does).
    ///
    /// A `String` cannot be wiped; prefer ``decrypt(password:)-(SecretBytes)`` for passwords read from a file.
    public func decrypt(password: String) throws(KeystoreError) -> PrivateKey {
        try decrypt(password: SecretBytes(Array(password.utf8)))
    }

    /// Keccak-256 of `derivedKey[16..<32] ‖ ciphertext`.
    static func mac(derivedKey: SecretBytes, ciphertext: [UInt8]) -> [UInt8] {
        var hasher = Keccak256()
        derivedKey.withUnsafeBytes { hasher.update($0[16..<32]) }
        hasher.update(ciphertext)
        return hasher.finalize().bytes
    }

    /// AES-128-CTR with key `derivedKey[0..<16]` and the full 16-byte IV as the initial counter block
    /// (encryption and decryption are the same operation).
    static func aes128CTR(_ input: some DataProtocol, derivedKey: SecretBytes, iv: [UInt8])
        throws(KeystoreError) -> [UInt8]
    {
        do {
            let key = derivedKey.withUnsafeBytes { SymmetricKey(data: UnsafeRawBufferPointer(rebasing: $0[0..<16])) }
            var output = try AES._CTR.encrypt(input, using: key, nonce: AES._CTR.Nonce(nonceBytes: iv))
            let bytes = [UInt8](output)
            output.resetBytes(in: 0..<output.count)
            return bytes
        } catch {
            throw .cipherFailed(reason: "\(error)")
        }
    }

    /// Compares two byte strings in time that depends only on their lengths.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
