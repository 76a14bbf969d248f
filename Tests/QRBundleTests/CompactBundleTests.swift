import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import QRBundle
import QRTransport
import TestSupport
import Testing

/// The unsigned bundles of `formats/` through the compact CBOR form and back, and what the reader refuses.
@Suite struct CompactBundleTests {
    @Test("the examples folder is not empty")
    func examplesExist() {
        #expect(Examples.unsignedNames.count >= 2)
    }

    @Test(
        "compact → bundle gives the same transaction, signing hash, intent and canonical JSON",
        arguments: Examples.unsignedNames)
    func roundTrip(name: String) throws {
        let original = try Examples.unsigned(name)
        let compact = try CompactBundle(bundle: original)
        let decoded = try CompactBundle(ur: UR(parsing: compact.ur.string.uppercased())).bundle
        #expect(decoded.transaction == original.transaction)
        #expect(decoded.signingHash.hex == (try Examples.recordedSigningHash(name)))
        #expect(decoded.charge.intent == original.charge.intent)
        #expect(decoded.charge.id == original.charge.id)
        #expect(decoded.quote == original.quote)
        #expect(decoded.fees == original.fees)
        #expect(decoded.canonicalJSON() == (try Examples.unsignedData(name)))
        #expect(compact.reproducesCanonicalJSON)
    }

    @Test(
        "a typical bundle fits 400 bytes and one QR code of version 16 or lower at level L",
        arguments: Examples.unsignedNames)
    func fitsOneFrame(name: String) throws {
        let compact = try CompactBundle(bundle: Examples.unsigned(name))
        let text = compact.ur.string.uppercased()
        let matrix = try QREncoder.encode(alphanumeric: text, errorCorrection: .low)
        #expect(compact.cbor.count <= 400, "\(compact.cbor.count) bytes")
        #expect(matrix.version <= 16, "version \(matrix.version)")
        let frames = try QRFrames(ur: compact.ur, density: QRDensity())
        #expect(frames.isSinglePart)
        print(
            "measured \(name): coldcredits-bundle \(compact.cbor.count) bytes, \(text.count) characters, 1 frame, "
                + "version \(matrix.version)-L"
        )
    }

    @Test("a changed field makes the fingerprint disagree")
    func tamperedFieldIsCaught() throws {
        let compact = try CompactBundle(bundle: Examples.unsigned("sandbox-polygon.json"))
        let item = try CBOR.decode(compact.cbor)
        // tx.nonce (field 10, item 0) from 42 to 43.
        let tampered = Examples.replacing(item, at: [10, 0], with: .unsigned(43))
        #expect {
            try CompactBundle(cbor: tampered.encoded)
        } throws: { error in
            guard case .fingerprintMismatch = error as? QRBundleError else { return false }
            return (error as? QRBundleError)?.kind == "signingHashMismatch"
        }
    }

    /// Rows: (what is wrong, path of the item to replace, replacement, expected error kind).
    static let rejections: [(String, [Int], CBOR, String)] = [
        ("version 2", [0], .unsigned(2), "unsupportedVersion"),
        ("short fingerprint", [1], .bytes([1, 2, 3]), "invalidField"),
        (
            "refund written although it equals the sender", [9, 4],
            .bytes(hexBytes("9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")), "invalidField"
        ),
        ("Coinbase prefix written out", [9, 9], .bytes(TransferIntent.coinbasePrefix), "invalidField"),
        ("small integer as a bignum", [10, 2], .tagged(2, .bytes([0, 0, 0, 0, 0, 0, 0, 0, 42])), "invalidField"),
        ("quote tier written although it equals the call's", [11, 0], .unsigned(3000), "invalidField"),
        ("undefined spelling code 3", [14], .unsigned(3), "invalidField"),
        ("canonical time written as text", [3], .text("2099-12-31T23:00:00Z"), "invalidField"),
        ("fee tier above uint24", [10, 5], .unsigned(1 << 24), "invalidField"),
        ("a 19-byte contract", [6], .bytes([UInt8](repeating: 1, count: 19)), "invalidField"),
    ]

    @Test("non-canonical or malformed fields are refused by name", arguments: rejections.indices)
    func rejectsMalformedField(row: Int) throws {
        let (_, path, replacement, kind) = Self.rejections[row]
        let compact = try CompactBundle(bundle: Examples.unsigned("sandbox-polygon.json"))
        let tampered = Examples.replacing(try CBOR.decode(compact.cbor), at: path, with: replacement)
        #expect {
            try CompactBundle(cbor: tampered.encoded)
        } throws: { error in
            (error as? QRBundleError)?.kind == kind
        }
    }

    @Test("an array of the wrong length and trailing bytes are refused")
    func rejectsWrongShape() throws {
        let compact = try CompactBundle(bundle: Examples.unsigned("sample-a-base.json"))
        guard case .array(let items) = try CBOR.decode(compact.cbor) else { Issue.record("not an array"); return }
        #expect(throws: QRBundleError.wrongFieldCount(field: "coldcredits-bundle", expected: 15, found: 14)) {
            try CompactBundle(cbor: CBOR.array(Array(items.dropLast())).encoded)
        }
        #expect(throws: QRBundleError.transport(.cborTrailingBytes(offset: compact.cbor.count, count: 1))) {
            try CompactBundle(cbor: compact.cbor + [0])
        }
        #expect(throws: QRBundleError.unexpectedType(expected: ["coldcredits-bundle"], found: "bytes")) {
            try CompactBundle(ur: UR(bytes: compact.cbor))
        }
    }

    @Test("a bundle whose calldata is not the charge's intent has no compact form")
    func refusesCalldataOtherThanTheIntent() throws {
        var bundle = try Examples.unsigned("sandbox-polygon.json")
        bundle.transaction.data += [0]
        #expect {
            try CompactBundle(bundle: bundle)
        } throws: { error in
            (error as? QRBundleError)?.kind == "qrNotRepresentable"
        }
    }

    @Test("a UUID charge id travels as 16 bytes and comes back in the same spelling")
    func uuidChargeID() throws {
        let data = try Examples.unsignedData("sample-a-base.json")
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\"sample-a\"", with: "\"3f2a9c1e-7b4d-4e8f-9a01-23456789abcd\"")
        let bundle = try IntentBundle(jsonData: Data(text.utf8))
        let compact = try CompactBundle(bundle: bundle)
        let plain = try CompactBundle(bundle: Examples.unsigned("sample-a-base.json"))
        #expect(compact.cbor.count == plain.cbor.count - 9 + 17)  // "sample-a" (1 + 8) → 16 bytes (1 + 16)
        #expect(try CompactBundle(cbor: compact.cbor).bundle.charge.id == "3f2a9c1e-7b4d-4e8f-9a01-23456789abcd")
        #expect(compact.reproducesCanonicalJSON)
    }

    @Test("a charge with an extra API field still round-trips its transaction, but not its JSON byte for byte")
    func extraChargeFieldIsReported() throws {
        let data = try Examples.unsignedData("sample-a-base.json")
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "\"id\": \"sample-a\",", with: "\"id\": \"sample-a\",\n    \"pricing\": \"x\",")
        let bundle = try IntentBundle(jsonData: Data(text.utf8))
        let compact = try CompactBundle(bundle: bundle)
        #expect(!compact.reproducesCanonicalJSON)
        #expect(try CompactBundle(cbor: compact.cbor).bundle.signingHash == bundle.signingHash)
    }
}
