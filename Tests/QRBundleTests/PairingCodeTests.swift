import EthereumPrimitives
import Foundation
import QRBundle
import QRTransport
import Secp256k1
import SigningKeys
import Testing

/// Pairing by QR: a `crypto-hdkey` carries the public key, and the address is always hashed from it.
@Suite struct PairingCodeTests {
    static func key(_ byte: UInt8) throws -> PrivateKey {
        try PrivateKey(SecretBytes([UInt8](repeating: byte, count: 32)))
    }

    @Test("key → crypto-hdkey → PNG → zbar → the same address")
    func roundTripThroughPNG() throws {
        let key = try Self.key(0x46)
        let ur = try PairingCode.ur(for: key.publicKey, origin: nil, name: "ColdCredits sign")
        let png = try PairingCode.png(ur)
        let payloads = try QRDecoder().decode(PNGCodec.decode(png))
        #expect(payloads.count == 1)
        var collector = QRFrameCollector(acceptedTypes: PairingCode.urTypes)
        try collector.add(try #require(payloads.first), source: "test")
        let read = try #require(collector.result)
        #expect(read.type == "crypto-hdkey")
        #expect(try PairingCode.address(from: read) == key.address)
        #expect(key.address.checksummed == "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
    }

    @Test("an attacker's key in the code pairs the attacker's address, never a claimed one: the address is derived")
    func addressIsDerivedFromTheKey() throws {
        let honest = try Self.key(0x46)
        let other = try Self.key(0x22)
        let ur = try PairingCode.ur(for: other.publicKey, origin: nil, name: honest.address.checksummed)
        #expect(try PairingCode.address(from: ur) == other.address)
        #expect(try PairingCode.address(from: ur) != honest.address)
    }

    @Test("a code that is not a point on the curve, a private key or an unknown field is refused")
    func refusesBadCodes() throws {
        let key = try Self.key(0x46)
        var bytes = key.publicKey.compressed
        bytes[1...] = ArraySlice(repeating: 0xff, count: 32)  // x = 2^256 − 1 is not a field element
        let offCurve = try UR(type: "crypto-hdkey", cbor: CBOR.map([.init(.unsigned(3), .bytes(bytes))]).encoded)
        #expect(throws: QRBundleError.self) { try PairingCode.address(from: offCurve) }
        let privateFlag = try UR(
            type: "crypto-hdkey",
            cbor: CBOR.map([.init(.unsigned(2), .bool(true)), .init(.unsigned(3), .bytes(key.publicKey.compressed))]).encoded)
        #expect(throws: QRBundleError.self) { try PairingCode.address(from: privateFlag) }
        let unknown = try UR(
            type: "crypto-hdkey",
            cbor: CBOR.map([.init(.unsigned(3), .bytes(key.publicKey.compressed)), .init(.unsigned(11), .unsigned(1))])
                .encoded)
        #expect(throws: QRBundleError.self) { try PairingCode.address(from: unknown) }
        let wrongType = try UR(type: "crypto-account", cbor: CBOR.map([]).encoded)
        #expect(throws: QRBundleError.self) { try PairingCode.address(from: wrongType) }
    }

    @Test("the CBOR form decodes back with its origin and name")
    func cborRoundTrip() throws {
        let key = try Self.key(0x46)
        let origin = try CryptoKeypath(path: "m/44'/60'/0'/0/0", sourceFingerprint: 0x1234_5678)
        let hdkey = try CryptoHDKey(keyData: key.publicKey.compressed, origin: origin, name: "cold")
        let decoded = try CryptoHDKey(ur: hdkey.ur)
        #expect(decoded == hdkey)
    }
}
