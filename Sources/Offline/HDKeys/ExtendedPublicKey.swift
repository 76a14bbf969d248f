public import Secp256k1

/// A BIP-32 extended public key (serialisation only: this package derives private keys).
public struct ExtendedPublicKey: Hashable, Sendable {
    /// The public key at this node.
    public let publicKey: PublicKey
    /// The 32-byte chain code.
    public let chainCode: [UInt8]
    /// 0 for the master key, 1 for its children, and so on.
    public let depth: UInt8
    /// The first 4 bytes of the parent's HASH160 (0 for the master key), big-endian.
    public let parentFingerprint: UInt32
    /// The child number this key was derived with (hardened ones include 2^31).
    public let childNumber: UInt32

    /// The Base58Check `xpub…` string (mainnet version 0x0488B21E).
    public var serializedXpub: String {
        Base58Check.encode(
            Self.serialize(
                version: 0x0488_B21E, depth: depth, parentFingerprint: parentFingerprint, childNumber: childNumber,
                chainCode: chainCode, key: publicKey.compressed))
    }

    /// The 78-byte BIP-32 layout: version ‖ depth ‖ parent fingerprint ‖ child number ‖ chain code ‖ key
    /// (33 bytes: `00 ‖ k` or a compressed point).
    static func serialize(
        version: UInt32, depth: UInt8, parentFingerprint: UInt32, childNumber: UInt32, chainCode: [UInt8],
        key: [UInt8]
    ) -> [UInt8] {
        precondition(chainCode.count == 32 && key.count == 33, "BIP-32 field sizes — caller bug")
        return bigEndian(version) + [depth] + bigEndian(parentFingerprint) + bigEndian(childNumber) + chainCode + key
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) }
    }
}
