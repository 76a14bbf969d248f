internal import CSecp256k1
public import EthereumPrimitives
public import Secp256k1

/// A secp256k1 private key.
///
/// Its bytes live in ``SecretBytes`` (zeroed on release) and are never printed.
///
/// Signing takes a 32-byte digest exactly as supplied — never arbitrary data — so no hash is applied behind
/// the caller's back. Nonces are RFC 6979 (libsecp256k1's default), so signatures are deterministic and
/// match eth-account's; libsecp256k1 always returns low-s signatures, as Ethereum requires.
public struct PrivateKey: Sendable, CustomStringConvertible {
    /// The 32 secret bytes.
    public let secret: SecretBytes

    /// Validates and adopts 32 key bytes (0 < k < n).
    public init(_ secret: SecretBytes) throws(Secp256k1Error) {
        guard secret.count == 32 else { throw .invalidPrivateKey }
        let valid = secret.withBytes { secp256k1_ec_seckey_verify(SigningContext.shared.pointer, $0) == 1 }
        guard valid else { throw .invalidPrivateKey }
        self.secret = secret
    }

    /// A fresh key from the system's cryptographic random source (getrandom on Linux).
    public static func generate() -> PrivateKey {
        var generator = SystemRandomNumberGenerator()
        while true {
            var bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let candidate = SecretBytes(bytes)
            SecretBytes.wipe(&bytes)
            if let key = try? PrivateKey(candidate) { return key }  // retry: probability ~2^-128
        }
    }

    /// The matching public key.
    public var publicKey: PublicKey {
        var point = secp256k1_pubkey()
        let created = secret.withBytes { secp256k1_ec_pubkey_create(SigningContext.shared.pointer, &point, $0) }
        guard created == 1 else { fatalError("pubkey_create failed on a verified key — library bug") }
        var out = [UInt8](repeating: 0, count: 65)
        var length = 65
        guard
            secp256k1_ec_pubkey_serialize(
                SigningContext.shared.pointer, &out, &length, &point, UInt32(SECP256K1_EC_UNCOMPRESSED)) == 1, length == 65
        else { fatalError("secp256k1_ec_pubkey_serialize failed on a derived key — library bug") }
        return PublicKey(derivedUncompressed: Array(out[1...]))
    }

    /// The Ethereum address of this key.
    public var address: Address { publicKey.address }

    /// Signs a 32-byte digest (a transaction's signing hash, an EIP-191 message hash) as supplied.
    public func sign(digest: Hash32) -> RecoverableSignature {
        var signature = secp256k1_ecdsa_recoverable_signature()
        let signed = secret.withBytes {
            secp256k1_ecdsa_sign_recoverable(SigningContext.shared.pointer, &signature, digest.bytes, $0, nil, nil)
        }
        guard signed == 1 else { fatalError("secp256k1_ecdsa_sign_recoverable failed on a verified key — library bug") }
        var compact = [UInt8](repeating: 0, count: 64)
        var recoveryID: Int32 = 0
        secp256k1_ecdsa_recoverable_signature_serialize_compact(SigningContext.shared.pointer, &compact, &recoveryID, &signature)
        guard
            let result = try? RecoverableSignature(
                r: Array(compact[0..<32]), s: Array(compact[32...]),
                yParity: UInt8(truncatingIfNeeded: recoveryID))
        else {
            fatalError("libsecp256k1 produced a signature outside Ethereum's rules — library bug")
        }
        return result
    }

    /// `(self + tweak) mod n`, as BIP-32 child derivation needs.
    /// - Throws: ``Secp256k1Error/invalidTweak`` when the tweak is ≥ n or the sum is zero.
    public func adding(tweak: [UInt8]) throws(Secp256k1Error) -> PrivateKey {
        guard tweak.count == 32 else { throw .invalidTweak }
        var sum = secret.withBytes { Array($0) }
        defer { SecretBytes.wipe(&sum) }
        guard secp256k1_ec_seckey_tweak_add(SigningContext.shared.pointer, &sum, tweak) == 1 else { throw .invalidTweak }
        return try PrivateKey(SecretBytes(sum))
    }

    /// Never shows the key.
    public var description: String { "PrivateKey(redacted)" }
}
