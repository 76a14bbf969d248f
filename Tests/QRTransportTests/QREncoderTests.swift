import Foundation
import QRTransport
import TestSupport
import Testing

@Suite("QR encoder limits, rendering and errors")
struct QREncoderTests {
    @Test("refuses what does not fit, naming size, level and version")
    func rejectsOversizedPayloads() throws {
        let tooBig = [UInt8](repeating: 0xA5, count: 2954)
        #expect(throws: QRTransportError.payloadTooLarge(byteCount: 2954, errorCorrection: .low, maxVersion: 40)) {
            try QREncoder.encode(tooBig, errorCorrection: .low)
        }
        #expect(throws: QRTransportError.payloadTooLarge(byteCount: 1274, errorCorrection: .high, maxVersion: 40)) {
            try QREncoder.encode(Array(tooBig.prefix(1274)), errorCorrection: .high)
        }
        #expect(throws: QRTransportError.payloadTooLarge(byteCount: 400, errorCorrection: .low, maxVersion: 10)) {
            try QREncoder.encode(Array(tooBig.prefix(400)), errorCorrection: .low, maxVersion: 10)
        }
        #expect(throws: QRTransportError.payloadTooLarge(byteCount: 400, errorCorrection: .low, maxVersion: 5)) {
            try QREncoder.encode(Array(tooBig.prefix(400)), errorCorrection: .low, version: 5)
        }
    }

    @Test("uses a chosen version when the data fits")
    func honoursChosenVersion() throws {
        let matrix = try QREncoder.encode([1, 2, 3], errorCorrection: .medium, version: 7)
        #expect(matrix.version == 7 && matrix.size == 45 && matrix.errorCorrection == .medium)
    }

    @Test("rejects empty input, bad versions and non-alphanumeric text")
    func rejectsBadInput() {
        #expect(throws: QRTransportError.emptyPayload) { try QREncoder.encode([]) }
        #expect(throws: QRTransportError.invalidVersion(41)) { try QREncoder.encode([1], maxVersion: 41) }
        #expect(throws: QRTransportError.invalidVersion(0)) { try QREncoder.encode([1], version: 0) }
        #expect(throws: QRTransportError.invalidVersion(12)) { try QREncoder.encode([1], version: 12, maxVersion: 10) }
        #expect(throws: QRTransportError.notAlphanumeric(offset: 9)) {
            try QREncoder.encode(alphanumeric: "UR:BYTES/ab")
        }
    }

    @Test("alphanumeric mode packs an upper-case UR into a smaller symbol than byte mode")
    func alphanumericIsDenser() throws {
        let text = UR(bytes: Vectors.makeMessage(120)).string.uppercased()
        let alphanumeric = try QREncoder.encode(alphanumeric: text)
        let bytes = try QREncoder.encode(Array(text.utf8))
        #expect(alphanumeric.version < bytes.version)
        #expect(try QRDecoder().decodeSingle(alphanumeric.image()) == Array(text.utf8))
    }

    @Test("renders modules, scale and quiet zone into the image")
    func rendersImage() throws {
        let matrix = try QREncoder.encode(Array("hello".utf8), version: 1)
        let image = try matrix.image(scale: 2, quietZone: 4)
        #expect(image.width == (21 + 8) * 2 && image.height == image.width)
        // The top-left finder pattern starts dark at module (0, 0), just inside the quiet zone.
        #expect(matrix.isDark(row: 0, column: 0) && image[8, 8] == 0 && image[9, 9] == 0)
        #expect(image[7, 7] == 255 && image[0, 0] == 255)
        #expect(throws: QRTransportError.invalidRenderParameter(scale: 0, quietZone: 4)) { try matrix.image(scale: 0) }
    }

    @Test("prints half blocks: two module rows per line, light modules drawn for dark terminals")
    func rendersTerminal() throws {
        let matrix = try QREncoder.encode(Array("hello".utf8), version: 1)
        let lines = matrix.terminalString().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == (21 + 8 + 1) / 2)
        #expect(lines.allSatisfy { $0.count == 29 })
        #expect(lines[0].allSatisfy { $0 == "█" })  // quiet zone rows 0 and 1: light, printed
        // Line 2 = rows 4 and 5: the finder's all-dark top edge over its row 1 (dark, five light, dark).
        #expect(lines[2].dropFirst(4).prefix(7) == " ▄▄▄▄▄ ")
        let inverted = matrix.terminalString(forDarkTerminal: false).split(separator: "\n")
        #expect(inverted[2].dropFirst(4).prefix(7) == "█▀▀▀▀▀█")
        #expect(lines.last?.allSatisfy { $0 == "▀" } == true)  // last light row above the terminal background
    }

    @Test("rejects malformed PNG data and missing files with libpng's message")
    func rejectsBadPNG() {
        #expect(throws: QRTransportError.self) { try PNGCodec.decode(Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2])) }
        do {
            _ = try PNGCodec.read(fromFile: "/nonexistent/frame.png")
            Issue.record("reading a missing file succeeded")
        } catch {
            guard case .pngFailed(let operation, let message) = error else { Issue.record("\(error)"); return }
            #expect(operation == "read /nonexistent/frame.png" && !message.isEmpty)
        }
    }

    @Test("rejects a pixel buffer of the wrong size")
    func rejectsBadImage() {
        #expect(throws: QRTransportError.invalidImage(width: 3, height: 3, byteCount: 8)) {
            try GrayImage(width: 3, height: 3, pixels: Array(repeating: 0, count: 8))
        }
    }

    @Test("reports a missing camera as cameraUnavailable")
    func cameraUnavailable() {
        do {
            _ = try QRCamera(device: "/dev/video-coldcredits-missing")
            Issue.record("opened a camera that does not exist")
        } catch {
            guard case .cameraUnavailable(let device, let reason) = error else { Issue.record("\(error)"); return }
            #expect(device == "/dev/video-coldcredits-missing" && !reason.isEmpty)
        }
    }
}
