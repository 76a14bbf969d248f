import Foundation
import QRTransport
import TestSupport
import Testing

/// Cross-checks against QR codes that segno (a separate Python encoder) produced: `Fixtures/segno/generate.py`.
@Suite("Independent QR fixtures (segno)")
struct IndependentQRTests {
    private static func cases() throws -> [[String: Any]] {
        let data = try Fixtures.repositoryFile("Tests/QRTransportTests/Fixtures/segno/manifest.json")
        let manifest = try Vectors.object(try JSONSerialization.jsonObject(with: data), "manifest.json")
        return try Vectors.objects(manifest["cases"], "cases")
    }

    @Test("reads segno's 1-bit PNGs and decodes the binary payloads byte-exact")
    func decodesSegnoPNGs() throws {
        let cases = try Self.cases()
        #expect(cases.count == 3)
        for item in cases {
            let file = try Vectors.string(item["file"], "file")
            let path = Fixtures.repositoryRoot.appendingPathComponent("Tests/QRTransportTests/Fixtures/segno/\(file)")
            let image = try PNGCodec.read(fromFile: path.path)
            let version = try Vectors.int(item["version"], "version")
            let scale = try Vectors.int(item["scale"], "scale")
            #expect(image.width == (17 + 4 * version + 8) * scale, "\(file)")
            let payload = hexBytes(try Vectors.string(item["payload_hex"], "payload_hex"))
            #expect(try QRDecoder().decodeSingle(image) == payload, "\(file)")
        }
    }

    @Test("libqrencode picks the same version as segno for each payload and level")
    func sameVersionAsSegno() throws {
        for item in try Self.cases() {
            let level = try #require(QRErrorCorrection(rawValue: try Vectors.string(item["error"], "error")))
            let payload = hexBytes(try Vectors.string(item["payload_hex"], "payload_hex"))
            let matrix = try QREncoder.encode(payload, errorCorrection: level)
            #expect(matrix.version == (try Vectors.int(item["version"], "version")))
        }
    }
}
