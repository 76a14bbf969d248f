internal import CSecp256k1
public import EthereumPrimitives

/// A secp256k1 public key (a curve point), as used for Ethereum addresses.
public struct PublicKey: Hashable, Sendable {
    /// The 64-byte uncompressed form without the `0x04` tag: `x ‖ y`, big-endian.
    public let uncompressed: [UInt8]

    /// Parses a 33-byte compressed (`02`/`03` ‖ x) or 65-byte uncompressed (`04` ‖ x ‖ y) key.
    public init(serialized bytes: [UInt8]) throws(Secp256k1Error) {
        guard bytes.count == 33 || bytes.count == 65 else { throw .invalidPublicKey(length: bytes.count) }
        var point = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(Context.verification, &point, bytes, bytes.count) == 1 else {
            throw .invalidPublicKey(length: bytes.count)
        }
        self.init(point: point)
    }

    /// Adopts the 64-byte `x ‖ y` of a point libsecp256k1 itself produced (the signer derives its public key).
    package init(derivedUncompressed bytes: [UInt8]) {
        precondition(bytes.count == 64, "a derived public key is 64 bytes — caller bug")
        uncompressed = bytes
    }

    init(point: secp256k1_pubkey) {
        var point = point
        var out = [UInt8](repeating: 0, count: 65)
        var length = 65
        guard
            secp256k1_ec_pubkey_serialize(
                Context.verification, &out, &length, &point,
                UInt32(SECP256K1_EC_UNCOMPRESSED)) == 1, length == 65
        else {
            fatalError("secp256k1_ec_pubkey_serialize failed on a parsed key — library bug")
        }
        uncompressed = Array(out[1...])
    }

    /// The 33-byte compressed form.
    public var compressed: [UInt8] {
        let yIsOdd = (uncompressed[63] & 1) == 1
        return [yIsOdd ? 0x03 : 0x02] + uncompressed[0..<32]
    }

    /// The 65-byte uncompressed form with the `0x04` tag.
    public var uncompressedWithTag: [UInt8] { [0x04] + uncompressed }

    /// The Ethereum address: the last 20 bytes of Keccak-256(x ‖ y).
    public var address: Address { Address(uncheckedBytes: Array(Keccak256.hash(uncompressed).bytes[12...])) }
}
