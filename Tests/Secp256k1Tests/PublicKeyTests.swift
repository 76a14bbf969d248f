import SigningKeys
import EthereumPrimitives
import Secp256k1
import TestSupport
import Testing

@Suite("PublicKey")
struct PublicKeyTests {
    static let uncompressed = hexBytes(
        "4bc2a31265153f07e70e0bab08724e6b85e217f8cd628ceb62974247bb493382"
            + "ce28cab79ad7119ee1ad3ebcdb98a16805211530ecc6cfefa1b88e6dff99232a")
    static let compressed = hexBytes("024bc2a31265153f07e70e0bab08724e6b85e217f8cd628ceb62974247bb493382")

    @Test("the example key's public key matches eth-keys in both forms")
    func exampleKeyForms() throws {
        let publicKey = try EIP155Example.key().publicKey
        #expect(publicKey.uncompressed == Self.uncompressed)
        #expect(publicKey.compressed == Self.compressed)
        #expect(publicKey.uncompressedWithTag == [0x04] + Self.uncompressed)
        #expect(publicKey.address.checksummed == EIP155Example.address)
    }

    @Test("parses compressed and uncompressed forms to the same key")
    func parsesBothForms() throws {
        let fromCompressed = try PublicKey(serialized: Self.compressed)
        let fromUncompressed = try PublicKey(serialized: [0x04] + Self.uncompressed)
        #expect(fromCompressed == fromUncompressed)
        #expect(fromCompressed.uncompressed == Self.uncompressed)
    }

    @Test("rejects wrong lengths and points not on the curve")
    func rejectsInvalid() {
        #expect(throws: Secp256k1Error.invalidPublicKey(length: 64)) { try PublicKey(serialized: Self.uncompressed) }
        var offCurve = [0x04] + Self.uncompressed
        offCurve[64] ^= 0x01
        #expect(throws: Secp256k1Error.invalidPublicKey(length: 65)) { try PublicKey(serialized: offCurve) }
        #expect(throws: Secp256k1Error.invalidPublicKey(length: 33)) {
            try PublicKey(serialized: [0x02] + [UInt8](repeating: 0, count: 31) + [0x05])  // x = 5 is on no point
        }
    }
}
