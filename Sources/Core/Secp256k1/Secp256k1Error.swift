/// Why a key, signature or recovery was refused.
public enum Secp256k1Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not 32 bytes, zero, or not below the curve order n.
    case invalidPrivateKey
    /// Bytes that do not encode a point on the curve, or of the wrong length.
    case invalidPublicKey(length: Int)
    /// r or s is zero or not below n, or the recovery id is not 0 or 1.
    case invalidSignature(reason: String)
    /// s is above n/2: Ethereum accepts only low-s signatures (EIP-2).
    case highS
    /// No public key could be recovered from the signature and digest.
    case recoveryFailed
    /// A BIP-32 tweak produced an invalid key (probability about 2^-127).
    case invalidTweak

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .invalidPrivateKey: return "private key is not a valid secp256k1 scalar (32 bytes, 0 < k < n)"
        case .invalidPublicKey(let length): return "\(length) bytes do not encode a secp256k1 public key"
        case .invalidSignature(let reason): return "invalid signature: \(reason)"
        case .highS: return "signature s value is above n/2 (EIP-2 requires low-s)"
        case .recoveryFailed: return "no public key recovers from this signature and digest"
        case .invalidTweak: return "key derivation produced an invalid key"
        }
    }
}
