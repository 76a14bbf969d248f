import SigningKeys
import TerminalText
public import EthereumPrimitives

/// Everything that can go wrong reading, unlocking or writing a V3 keystore file.
///
/// Field names are JSON paths (`crypto.kdfparams.n`). No case ever carries key material or the password.
public enum KeystoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes at all.
    case emptyFile
    /// The file is larger than ``KeystoreLimits/maximumFileBytes``.
    case fileTooLarge(bytes: Int, limit: Int)
    /// The bytes are not a JSON object.
    case malformedJSON(reason: String)
    /// A required field is absent.
    case missingField(String)
    /// A field this reader does not know (strict reading).
    case unexpectedField(String)
    /// A field has the wrong JSON type, bad hex, or the wrong byte length.
    case invalidField(field: String, reason: String)
    /// `version` is not 3.
    case unsupportedVersion(found: Int)
    /// `crypto.cipher` is not `aes-128-ctr`.
    case unsupportedCipher(found: String)
    /// `crypto.kdf` is neither `scrypt` nor `pbkdf2`.
    case unsupportedKDF(found: String)
    /// `crypto.kdfparams.prf` is not `hmac-sha256`.
    case unsupportedPRF(found: String)
    /// A KDF parameter lies outside ``KeystoreLimits`` (a hostile or broken file).
    case kdfParameterOutOfBounds(field: String, found: Int, allowed: String)
    /// Scrypt parameters the spec allows but RFC 7914 (and so BoringSSL/OpenSSL) refuses: N ≥ 2^(16·r).
    case scryptParametersRefused(n: Int, r: Int, p: Int, reason: String)
    /// The key-derivation function itself failed.
    case kdfFailed(kdf: String, reason: String)
    /// The MAC does not match: wrong password, or a file altered after it was written.
    case wrongPassword
    /// The MAC matched but the plaintext is not a valid secp256k1 private key.
    case invalidPrivateKey
    /// The decrypted key belongs to another address than the file declares.
    case addressMismatch(declared: Address, derived: Address)
    /// The file declares no `address`, and the caller needs one (to pick an account before unlocking).
    case missingAddress
    /// The file declares the zero address, which no usable key has.
    case zeroAddress
    /// AES-128-CTR refused its key or IV (a library bug for validated inputs).
    case cipherFailed(reason: String)
    /// The keystore could not be serialised to JSON.
    case encodingFailed(reason: String)

    /// A one-line explanation naming the field, what was found and what was expected.
    public var description: String {
        switch self {
        case .emptyFile: return "keystore file is empty"
        case .fileTooLarge(let bytes, let limit): return "keystore file has \(bytes) bytes; at most \(limit) allowed"
        case .malformedJSON(let reason): return "keystore file is not a JSON object: \(reason.escapedForTerminal)"
        case .missingField(let field): return "keystore field \(field.escapedForTerminal) is missing"
        case .unexpectedField(let field): return "keystore field \(field.escapedForTerminal) is not part of the V3 format"
        case .invalidField(let field, let reason):
            return "keystore field \(field.escapedForTerminal): \(reason.escapedForTerminal)"
        case .unsupportedVersion(let found): return "keystore version \(found) is not supported; expected 3"
        case .unsupportedCipher(let found):
            return "keystore cipher '\(found.escapedForTerminal)' is not supported; expected aes-128-ctr"
        case .unsupportedKDF(let found):
            return "keystore kdf '\(found.escapedForTerminal)' is not supported; expected scrypt or pbkdf2"
        case .unsupportedPRF(let found):
            return "keystore pbkdf2 prf '\(found.escapedForTerminal)' is not supported; expected hmac-sha256"
        case .kdfParameterOutOfBounds(let field, let found, let allowed):
            return
                "keystore field \(field.escapedForTerminal) = \(found) is outside the accepted bounds (\(allowed))"
        case .scryptParametersRefused(let n, let r, let p, let reason):
            return
                "scrypt parameters n=\(n), r=\(r), p=\(p) are refused by the scrypt implementation: \(reason.escapedForTerminal)"
        case .kdfFailed(let kdf, let reason): return "\(kdf) key derivation failed: \(reason.escapedForTerminal)"
        case .wrongPassword: return "wrong password (keystore MAC mismatch)"
        case .invalidPrivateKey: return "keystore decrypts to bytes that are not a valid secp256k1 private key"
        case .addressMismatch(let declared, let derived):
            return "keystore declares address \(declared) but its key belongs to \(derived)"
        case .missingAddress: return "keystore file declares no address"
        case .zeroAddress: return "keystore file declares the zero address"
        case .cipherFailed(let reason): return "AES-128-CTR failed: \(reason.escapedForTerminal)"
        case .encodingFailed(let reason): return "keystore could not be encoded: \(reason.escapedForTerminal)"
        }
    }
}
