import QRTransport
import TestSupport
import Testing

@Suite("Animated QR: frames, losses, foreign frames")
struct AnimatedQRTests {
    @Test("payload → frames → PNG-free images → zbar → decoder, shuffled, with every third frame lost")
    func imagePipelineRoundTrip() throws {
        let payload = QRRoundTripTests.payload(1000, seed: "animated")
        var encoder = AnimatedQREncoder(payload: payload, maxFragmentLength: 120, errorCorrection: .low, maxVersion: 12)
        #expect(encoder.sequenceLength == 9)
        var frames = try (0..<30).map { _ in try encoder.nextFrame() }
        #expect(frames.allSatisfy { $0.matrix.version <= 12 && $0.text.hasPrefix("UR:BYTES/") })
        var rng = Xoshiro256StarStar(string: "shuffle frames")
        frames = FountainCode.shuffled(frames.enumerated().filter { $0.offset % 3 != 2 }.map(\.element), using: &rng)
        let scanner = QRDecoder()
        var decoder = AnimatedQRDecoder()
        for frame in frames where !decoder.isComplete {
            let scanned = try scanner.decodeSingle(try frame.matrix.image(scale: 2))
            #expect(scanned == Array(frame.text.utf8))
            try decoder.receive(frame: scanned)
        }
        #expect(try decoder.result?.bytesPayload() == payload)
        #expect(decoder.progress.fraction == 1)
    }

    @Test("a frame of another sequence is rejected by name and the sequence in progress survives")
    func rejectsForeignFrame() throws {
        var ours = AnimatedQREncoder(payload: Vectors.makeMessage(600, seed: "ours"), maxFragmentLength: 100)
        var theirs = AnimatedQREncoder(payload: Vectors.makeMessage(600, seed: "theirs"), maxFragmentLength: 100)
        var decoder = AnimatedQRDecoder()
        try decoder.receive(text: ours.nextFrame().text)
        let before = decoder.progress
        do {
            try decoder.receive(text: theirs.nextFrame().text)
            Issue.record("a frame of another message was accepted")
        } catch {
            guard case .partFromAnotherMessage(let field, _, _) = error else { Issue.record("\(error)"); return }
            #expect(field == "checksum")
        }
        #expect(decoder.progress == before)
        while !decoder.isComplete { try decoder.receive(text: ours.nextFrame().text) }
        #expect(try decoder.result?.bytesPayload() == Vectors.makeMessage(600, seed: "ours"))
    }

    @Test("a single-part payload is one static frame")
    func singleFrame() throws {
        var encoder = AnimatedQREncoder(payload: [0, 1, 2, 0xFF], maxFragmentLength: 100)
        #expect(encoder.isSinglePart)
        let frame = try encoder.nextFrame()
        var decoder = AnimatedQRDecoder()
        try decoder.receive(frame: try QRDecoder().decodeSingle(try frame.matrix.image()))
        #expect(try decoder.result?.bytesPayload() == [0, 1, 2, 0xFF])
    }
}
