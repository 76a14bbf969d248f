import Foundation
import QRTransport
import TestSupport
import Testing

@Suite("QR encode → PNG → read → zbar")
struct QRRoundTripTests {
    /// Deterministic binary payload that always contains NUL and bytes that are invalid UTF-8.
    static func payload(_ count: Int, seed: String) -> [UInt8] {
        var bytes = Vectors.makeMessage(count, seed: seed)
        let hostile: [UInt8] = [0x00, 0xFF, 0xC3, 0x28, 0x80, 0xFE, 0x00]
        for (index, byte) in hostile.enumerated() where index < bytes.count {
            bytes[index * bytes.count / hostile.count] = byte
        }
        return bytes
    }

    static let cases: [(Int, QRErrorCorrection)] = [
        (1, .low), (17, .high), (100, .medium), (400, .low), (700, .quartile), (1200, .low), (1273, .high),
        (2953, .low),
    ]

    @Test("binary payloads survive byte-exact through PNG in memory", arguments: cases)
    func roundTripsThroughPNGData(count: Int, level: QRErrorCorrection) throws {
        let bytes = Self.payload(count, seed: "png-\(count)-\(level)")
        #expect(bytes.contains(0) && String(validating: bytes, as: UTF8.self) == nil || count < 2)
        let matrix = try QREncoder.encode(bytes, errorCorrection: level)
        let png = try PNGCodec.encode(try matrix.image(scale: 3))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let image = try PNGCodec.decode(png)
        #expect(image == (try matrix.image(scale: 3)))
        #expect(try QRDecoder().decodeSingle(image) == bytes)
    }

    @Test("a PNG file round trip decodes at 2, 3 and 4 pixels per module", arguments: [2, 3, 4])
    func roundTripsThroughFile(scale: Int) throws {
        let bytes = Self.payload(500, seed: "file-\(scale)")
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("qrtransport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("frame.png").path
        let matrix = try QREncoder.encode(bytes, errorCorrection: .medium)
        try PNGCodec.write(try matrix.image(scale: scale), toFile: path)
        let image = try PNGCodec.read(fromFile: path)
        #expect(image.width == (matrix.size + 8) * scale)
        #expect(try QRDecoder().decode(image) == [bytes])
    }

    @Test("400 bytes at level L need version 13 (69×69 modules); 401…425 too, 426 needs 14")
    func versionFor400Bytes() throws {
        // ISO/IEC 18004 Table 7, byte mode, level L: version 12 holds 367 bytes, 13 holds 425.
        let matrix = try QREncoder.encode(Self.payload(400, seed: "v"), errorCorrection: .low)
        #expect(matrix.version == 13 && matrix.size == 69)
        #expect(try QREncoder.encode(Self.payload(367, seed: "v"), errorCorrection: .low).version == 12)
        #expect(try QREncoder.encode(Self.payload(425, seed: "v"), errorCorrection: .low).version == 13)
        #expect(try QREncoder.encode(Self.payload(426, seed: "v"), errorCorrection: .low).version == 14)
    }

    @Test("finds two codes side by side in one image")
    func decodesSeveralCodes() throws {
        let first = Self.payload(60, seed: "left")
        let second = Self.payload(90, seed: "right")
        let left = try QREncoder.encode(first).image(scale: 4)
        let right = try QREncoder.encode(second).image(scale: 4)
        var canvas = try GrayImage(
            width: left.width + right.width, height: max(left.height, right.height), filledWith: 255)
        canvas.draw(left, atX: 0, y: 0)
        canvas.draw(right, atX: left.width, y: 0)
        let found = try QRDecoder().decode(canvas)
        #expect(Set(found) == Set([first, second]))
    }

    @Test("a blank image holds no code")
    func blankImage() throws {
        let blank = try GrayImage(width: 200, height: 100, filledWith: 255)
        #expect(try QRDecoder().decode(blank).isEmpty)
        #expect(throws: QRTransportError.qrCodeCount(found: 0)) { try QRDecoder().decodeSingle(blank) }
    }
}
