import Crypto
import _CryptoExtras
import Foundation
public import Secp256k1

extension KeystoreKDF {
    /// Runs the KDF on `password` and returns the first 32 derived bytes (AES key ‖ MAC key).
    ///
    /// swift-crypto returns the key in a `SymmetricKey` (its storage is zeroed on release) and BoringSSL's
    /// `OPENSSL_free` cleanses the scrypt scratch space; swift-crypto's own temporary `Data` holding the
    /// derived key before it becomes a `SymmetricKey` is not wiped, which this package cannot change.
    public func deriveKey(password: SecretBytes) throws(KeystoreError) -> SecretBytes {
        let symmetricKey: SymmetricKey
        switch self {
        case .scrypt(let parameters):
            try KeystoreLimits.checkRFC7914(n: parameters.n, r: parameters.r, p: parameters.p)
            do {
                symmetricKey = try password.withUnsafeBytes { passwordBytes in
                    try KDF.Scrypt.deriveKey(
                        from: passwordBytes, salt: parameters.salt, outputByteCount: parameters.dklen,
                        rounds: parameters.n, blockSize: parameters.r, parallelism: parameters.p)
                }
            } catch {
                throw .kdfFailed(kdf: "scrypt", reason: "\(error)")
            }
        case .pbkdf2(let parameters):
            do {
                // `unsafeUncheckedRounds`: swift-crypto refuses fewer than 210,000 rounds through `rounds:`,
                // but keystores in the wild use fewer; ``KeystoreLimits`` bounds the count instead.
                symmetricKey = try password.withUnsafeBytes { passwordBytes in
                    try KDF.Insecure.PBKDF2.deriveKey(
                        from: passwordBytes, salt: parameters.salt, using: .sha256,
                        outputByteCount: parameters.dklen, unsafeUncheckedRounds: parameters.c)
                }
            } catch {
                throw .kdfFailed(kdf: "pbkdf2", reason: "\(error)")
            }
        }
        guard symmetricKey.bitCount >= 256 else {
            throw .kdfFailed(kdf: name, reason: "derived \(symmetricKey.bitCount / 8) bytes, need 32")
        }
        return symmetricKey.withUnsafeBytes { SecretBytes(Array($0.prefix(32))) }
    }
}
