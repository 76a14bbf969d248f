internal import CSecp256k1
public import EthereumPrimitives

/// An ECDSA signature with its recovery bit, in the portable `(r, s, yParity)` form Ethereum serialises.
///
/// Every signature this type holds is low-s (s ≤ n/2), as EIP-2 requires: libsecp256k1 only produces
/// such signatures, and ``init(r:s:yParity:)`` refuses others.
public struct RecoverableSignature: Hashable, Sendable {
    /// r, 32 bytes big-endian.
    public let r: [UInt8]
    /// s, 32 bytes big-endian, at most n/2.
    public let s: [UInt8]
    /// The recovery id: 0 or 1 (the parity of the nonce point's y).
    public let yParity: UInt8

    /// Validates the components: 32-byte r and s in 1..<n, s ≤ n/2, yParity 0 or 1.
    ///
    /// Shorter r or s (as RLP's minimal integers give) are left-padded.
    public init(r: [UInt8], s: [UInt8], yParity: UInt8) throws(Secp256k1Error) {
        guard r.count <= 32, s.count <= 32 else { throw .invalidSignature(reason: "r or s longer than 32 bytes") }
        guard yParity <= 1 else { throw .invalidSignature(reason: "recovery id \(yParity) is not 0 or 1") }
        let paddedR = [UInt8](repeating: 0, count: 32 - r.count) + r
        let paddedS = [UInt8](repeating: 0, count: 32 - s.count) + s
        guard paddedR.contains(where: { $0 != 0 }), paddedS.contains(where: { $0 != 0 }) else {
            throw .invalidSignature(reason: "r or s is zero")
        }
        guard paddedR.lexicographicallyPrecedes(Self.order), paddedS.lexicographicallyPrecedes(Self.order) else {
            throw .invalidSignature(reason: "r or s is not below the curve order")
        }
        guard !Self.halfOrder.lexicographicallyPrecedes(paddedS) else { throw .highS }
        self.r = paddedR
        self.s = paddedS
        self.yParity = yParity
    }

    /// Parses the 65-byte `r ‖ s ‖ v` form of `eth_sign`/OpenZeppelin, with v = 27/28 (or 0/1).
    public init(rsv bytes: [UInt8]) throws(Secp256k1Error) {
        guard bytes.count == 65 else { throw .invalidSignature(reason: "expected 65 bytes r‖s‖v, found \(bytes.count)") }
        let v = bytes[64]
        guard v == 0 || v == 1 || v == 27 || v == 28 else { throw .invalidSignature(reason: "v = \(v), expected 27 or 28") }
        try self.init(r: Array(bytes[0..<32]), s: Array(bytes[32..<64]), yParity: v >= 27 ? v - 27 : v)
    }

    /// The 65-byte `r ‖ s ‖ v` form with v = 27 + yParity.
    public var rsv: [UInt8] { r + s + [27 + yParity] }

    /// Recovers the public key that made this signature over `digest`.
    public func recoverPublicKey(digest: Hash32) throws(Secp256k1Error) -> PublicKey {
        var signature = secp256k1_ecdsa_recoverable_signature()
        guard
            secp256k1_ecdsa_recoverable_signature_parse_compact(
                Context.verification, &signature, r + s,
                Int32(yParity)) == 1
        else {
            throw .invalidSignature(reason: "r or s is not below the curve order")
        }
        var point = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(Context.verification, &point, &signature, digest.bytes) == 1 else {
            throw .recoveryFailed
        }
        return PublicKey(point: point)
    }

    /// Recovers the signer's address for `digest`.
    public func recoverAddress(digest: Hash32) throws(Secp256k1Error) -> Address {
        try recoverPublicKey(digest: digest).address
    }

    /// The curve order n, big-endian.
    static let order: [UInt8] = [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
        0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
    ]
    /// n/2 rounded down, big-endian: the largest s Ethereum accepts.
    static let halfOrder: [UInt8] = [
        0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
    ]
}
