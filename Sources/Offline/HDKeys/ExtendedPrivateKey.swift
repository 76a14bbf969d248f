public import SigningKeys
import Crypto
import Foundation
public import Secp256k1

/// A BIP-32 extended private key: a secp256k1 key plus its chain code and position in the tree.
///
/// Only private derivation is offered (hardened and normal); the key and chain code stay in ``SecretBytes``.
public struct ExtendedPrivateKey: Sendable, CustomStringConvertible {
    /// The private key at this node.
    public let privateKey: PrivateKey
    /// The 32-byte chain code (secret: with it and any child key, the parent key can be recovered).
    public let chainCode: SecretBytes
    /// 0 for the master key, 1 for its children, and so on.
    public let depth: UInt8
    /// The first 4 bytes of the parent's HASH160 (0 for the master key), big-endian.
    public let parentFingerprint: UInt32
    /// The child number this key was derived with (hardened ones include 2^31); 0 for the master key.
    public let childNumber: UInt32

    /// The master key of `seed`: HMAC-SHA512(key: "Bitcoin seed", seed) split into key ‖ chain code.
    /// - Throws: ``HDKeysError/invalidSeedLength(found:)`` outside 16…64 bytes;
    ///   ``HDKeysError/invalidMasterKey`` when the left half is zero or ≥ n.
    public init(seed: SecretBytes) throws(HDKeysError) {
        guard (16...64).contains(seed.count) else { throw .invalidSeedLength(found: seed.count) }
        var digest = seed.withUnsafeBytes { Self.hmacSHA512(key: Array("Bitcoin seed".utf8), data: $0) }
        defer { SecretBytes.wipe(&digest) }
        do {
            privateKey = try PrivateKey(SecretBytes(Array(digest[0..<32])))
        } catch {
            throw .invalidMasterKey
        }
        chainCode = SecretBytes(Array(digest[32..<64]))
        (depth, parentFingerprint, childNumber) = (0, 0, 0)
    }

    private init(privateKey: PrivateKey, chainCode: SecretBytes, depth: UInt8, parent: UInt32, child: UInt32) {
        self.privateKey = privateKey
        self.chainCode = chainCode
        self.depth = depth
        self.parentFingerprint = parent
        self.childNumber = child
    }

    /// The public key at this node.
    public var publicKey: PublicKey { privateKey.publicKey }

    /// The first 4 bytes of HASH160(compressed public key), big-endian: children record it as their parent's.
    public var fingerprint: UInt32 {
        let hash = RIPEMD160.hash(Array(SHA256.hash(data: publicKey.compressed)))
        return hash[0..<4].reduce(0) { ($0 << 8) | UInt32($1) }
    }

    /// The child at `index` (≥ 2^31 for hardened): CKDpriv of BIP-32.
    /// - Throws: ``HDKeysError/invalidChildKey(index:)`` in the ~2^-127 case BIP-32 says to skip;
    ///   ``HDKeysError/depthExceeded`` below depth 255.
    public func derivedChild(_ index: UInt32) throws(HDKeysError) -> ExtendedPrivateKey {
        guard depth < UInt8.max else { throw .depthExceeded }
        let indexBytes = (0..<4).map { UInt8(truncatingIfNeeded: index >> (24 - 8 * $0)) }
        var data = [UInt8]()
        data.reserveCapacity(37)
        if index >= DerivationPath.hardenedOffset {
            data.append(0)
            privateKey.secret.withUnsafeBytes { data.append(contentsOf: $0) }
        } else {
            data.append(contentsOf: publicKey.compressed)
        }
        data.append(contentsOf: indexBytes)
        defer { SecretBytes.wipe(&data) }
        var digest = chainCode.withUnsafeBytes { Self.hmacSHA512(key: $0, data: data) }
        defer { SecretBytes.wipe(&digest) }
        var tweak = Array(digest[0..<32])
        defer { SecretBytes.wipe(&tweak) }
        let child: PrivateKey
        do {
            child = try privateKey.adding(tweak: tweak)  // fails when IL ≥ n or the sum is zero
        } catch {
            throw .invalidChildKey(index: index)
        }
        return ExtendedPrivateKey(
            privateKey: child, chainCode: SecretBytes(Array(digest[32..<64])), depth: depth + 1,
            parent: fingerprint, child: index)
    }

    /// Applies every component of `path` in turn; call it on the master key.
    public func derived(_ path: DerivationPath) throws(HDKeysError) -> ExtendedPrivateKey {
        var key = self
        for index in path.components { key = try key.derivedChild(index) }
        return key
    }

    /// The matching extended public key.
    public var extendedPublicKey: ExtendedPublicKey {
        ExtendedPublicKey(
            publicKey: publicKey, chainCode: chainCode.withUnsafeBytes { Array($0) }, depth: depth,
            parentFingerprint: parentFingerprint, childNumber: childNumber)
    }

    /// The Base58Check `xprv…` string (mainnet version 0x0488ADE4).
    ///
    /// It is the secret in full: for tests and deliberate exports only; the intermediate buffers of the encoding
    /// are not wiped.
    public func serializedXprv() -> String {
        let key = privateKey.secret.withUnsafeBytes { [0] + Array($0) }
        return Base58Check.encode(
            ExtendedPublicKey.serialize(
                version: 0x0488_ADE4, depth: depth, parentFingerprint: parentFingerprint, childNumber: childNumber,
                chainCode: chainCode.withUnsafeBytes { Array($0) }, key: key))
    }

    /// Never shows the key.
    public var description: String {
        "ExtendedPrivateKey(depth \(depth), child \(DerivationPath.describe(childNumber)), redacted)"
    }

    static func hmacSHA512(key: some ContiguousBytes, data: some DataProtocol) -> [UInt8] {
        Array(HMAC<SHA512>.authenticationCode(for: data, using: SymmetricKey(data: key)))
    }
}
