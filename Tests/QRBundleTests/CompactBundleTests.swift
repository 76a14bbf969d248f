import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import QRBundle
import QRTransport
import TestSupport
import Testing

/// The unsigned bundles of `formats/` through the compact CBOR form and back.
@Suite struct CompactBundleTests {
    static let examples: [String] = {
        let folder = Fixtures.formats.appendingPathComponent("unsigned-bundle/v1/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    static func bundle(_ name: String) throws -> UnsignedBundle {
        try UnsignedBundle(jsonData: Fixtures.repositoryFile("formats/unsigned-bundle/v1/examples/\(name)"))
    }

    @Test("the examples folder is not empty")
    func examplesExist() {
        #expect(Self.examples.count >= 2)
    }

    @Test("compact → bundle gives the same transaction, signing hash, intent and canonical JSON", arguments: examples)
    func roundTrip(name: String) throws {
        let original = try Self.bundle(name)
        let compact = try CompactBundle(bundle: original)
        let decoded = try CompactBundle(ur: UR(parsing: compact.ur.string.uppercased())).bundle
        #expect(decoded.transaction == original.transaction)
        #expect(decoded.signingHash == original.signingHash)
        #expect(decoded.charge.intent == original.charge.intent)
        #expect(decoded.charge.id == original.charge.id)
        #expect(decoded.quote == original.quote)
        #expect(decoded.fees == original.fees)
        #expect(decoded.canonicalJSON() == (try Fixtures.repositoryFile("formats/unsigned-bundle/v1/examples/\(name)")))
        #expect(compact.reproducesCanonicalJSON)
    }

    @Test("a typical bundle fits 400 bytes and one QR code of version 16 or lower at level L", arguments: examples)
    func fitsOneFrame(name: String) throws {
        let compact = try CompactBundle(bundle: Self.bundle(name))
        let text = compact.ur.string.uppercased()
        let matrix = try QREncoder.encode(alphanumeric: text, errorCorrection: .low)
        #expect(compact.cbor.count <= 400, "\(compact.cbor.count) bytes")
        #expect(matrix.version <= 16, "version \(matrix.version)")
        print("measured \(name): compact \(compact.cbor.count) bytes, \(text.count) characters, version \(matrix.version)-L")
    }
}
