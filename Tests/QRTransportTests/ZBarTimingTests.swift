import QRTransport
import TestSupport
import Testing

/// Decode time for one 1920×1080 gray camera-sized frame.
///
/// Run in release for meaningful figures:
/// `swift test -c release --filter ZBarTimingTests`.
@Suite("zbar timing on 1080p frames", .serialized)
struct ZBarTimingTests {
    /// A 1920×1080 light-gray frame with `matrix` drawn in the middle at `scale`, or none.
    private func frame(_ matrix: QRMatrix?, scale: Int) throws -> GrayImage {
        var canvas = try GrayImage(width: 1920, height: 1080, filledWith: 200)
        if let matrix {
            let code = try matrix.image(scale: scale)
            canvas.draw(code, atX: (1920 - code.width) / 2, y: (1080 - code.height) / 2)
        }
        return canvas
    }

    private func time(_ image: GrayImage, runs: Int, expecting payloads: [[UInt8]]) throws -> [Duration] {
        let decoder = QRDecoder()
        let clock = ContinuousClock()
        return try (0..<runs).map { _ in
            var found: [[UInt8]] = []
            let elapsed = try clock.measure { found = try decoder.decode(image) }
            #expect(found == payloads)
            return elapsed
        }
    }

    private func report(_ name: String, _ durations: [Duration]) {
        let sorted = durations.sorted()
        let milliseconds = { (duration: Duration) in
            Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        }
        let mean = durations.map(milliseconds).reduce(0, +) / Double(durations.count)
        print(
            "zbar-1080p \(name): median \(milliseconds(sorted[sorted.count / 2])) ms, "
                + "mean \(mean) ms, min \(milliseconds(sorted[0])) ms over \(durations.count) runs")
    }

    @Test("decodes a 400-byte version-13 code in a 1080p frame, byte-exact; reports the time")
    func largeCode() throws {
        let payload = QRRoundTripTests.payload(400, seed: "1080p")
        let matrix = try QREncoder.encode(payload, errorCorrection: .low)
        report(
            "400 B v\(matrix.version)-L at 6 px/module",
            try time(frame(matrix, scale: 6), runs: 15, expecting: [payload]))
    }

    @Test("decodes one animated UR frame (100-byte fragments) in a 1080p frame; reports the time")
    func animatedFrame() throws {
        var encoder = AnimatedQREncoder(payload: Vectors.makeMessage(700), maxFragmentLength: 100)
        let frame = try encoder.nextFrame()
        report(
            "UR frame v\(frame.matrix.version)-L at 8 px/module",
            try time(self.frame(frame.matrix, scale: 8), runs: 15, expecting: [Array(frame.text.utf8)]))
    }

    @Test("finds nothing in an empty 1080p frame; reports the time")
    func emptyFrame() throws {
        report("empty frame", try time(frame(nil, scale: 1), runs: 15, expecting: []))
    }
}
