import QRTransport
import TestSupport
import Testing

@Suite("Fountain decoder")
struct FountainDecoderTests {
    /// Parts 1…count of `message` with the given fragment bound.
    private func parts(_ message: [UInt8], maxFragmentLength: Int, count: Int) -> [FountainPart] {
        var encoder = FountainEncoder(message: message, maxFragmentLength: maxFragmentLength)
        return (0..<count).map { _ in encoder.nextPart() }
    }

    @Test("decodes the printed raw-256 parts after dropping 1, 3 and 8, matching the message bytes")
    func decodesSharedPartsWithLosses() throws {
        let encoder = try Vectors.object(Vectors.urVectors("fountain")["encoder_raw_256"], "encoder_raw_256")
        let message = hexBytes(try Vectors.string(try Vectors.object(encoder["message"], "m")["hex"], "hex"))
        var decoder = FountainDecoder()
        for vector in try Vectors.objects(encoder["parts"], "parts") {
            let part = try FountainPart(cbor: hexBytes(try Vectors.string(vector["cbor_hex"], "cbor_hex")))
            if [1, 3, 8].contains(part.sequenceNumber) { continue }
            try decoder.receive(part)
        }
        #expect(decoder.result == message)
    }

    @Test("accepts duplicates without counting them as information")
    func ignoresDuplicates() throws {
        let all = parts(Vectors.makeMessage(300), maxFragmentLength: 50, count: 8)
        var decoder = FountainDecoder()
        #expect(try decoder.receive(all[0]))
        #expect(try !decoder.receive(all[0]))
        #expect(decoder.progress.independentPartCount == 1)
        #expect(decoder.progress.acceptedPartCount == 2)
    }

    @Test("solves mixed parts by XOR reduction when simple parts arrive later", arguments: [1, 2, 3, 4, 5])
    func reducesMixedParts(seed: Int) throws {
        let message = Vectors.makeMessage(400, seed: "mixed-\(seed)")
        let stream = parts(message, maxFragmentLength: 40, count: 60)
        let fragmentCount = stream[0].sequenceLength
        var decoder = FountainDecoder()
        // Rateless parts first, then the simple ones: the decoder must keep and later reduce the mixed ones.
        for part in stream[fragmentCount...] + stream[..<fragmentCount] where !decoder.isComplete {
            try decoder.receive(part)
        }
        #expect(decoder.result == message)
    }

    @Test("reports progress that rises to exactly 1 on completion")
    func progressReachesOne() throws {
        let message = Vectors.makeMessage(500)
        var decoder = FountainDecoder()
        #expect(decoder.progress.fraction == 0)
        var last = 0.0
        for part in parts(message, maxFragmentLength: 60, count: 40) where !decoder.isComplete {
            try decoder.receive(part)
            #expect(decoder.progress.fraction >= last)
            last = decoder.progress.fraction
            #expect((decoder.progress.fraction == 1) == decoder.isComplete)
        }
        #expect(decoder.result == message)
        #expect(decoder.progress.knownFragmentCount == decoder.progress.fragmentCount)
    }

    @Test("rejects a part of another message by checksum, leaving the state unchanged")
    func rejectsForeignChecksum() throws {
        let ours = parts(Vectors.makeMessage(300, seed: "A"), maxFragmentLength: 50, count: 3)
        let theirs = parts(Vectors.makeMessage(300, seed: "B"), maxFragmentLength: 50, count: 3)
        var decoder = FountainDecoder()
        try decoder.receive(ours[0])
        #expect(
            throws: QRTransportError.partFromAnotherMessage(
                field: "checksum", expected: Int(ours[0].checksum), found: Int(theirs[1].checksum))
        ) {
            try decoder.receive(theirs[1])
        }
        #expect(decoder.progress.acceptedPartCount == 1)
    }

    @Test("rejects a part of another message by length, with everything else consistent")
    func rejectsForeignLength() throws {
        let ours = parts(Vectors.makeMessage(300), maxFragmentLength: 50, count: 1)
        var decoder = FountainDecoder()
        try decoder.receive(ours[0])
        // 299 bytes also make 6 fragments of 50: only messageLen tells the messages apart.
        let forged = FountainPart(
            sequenceNumber: 2, sequenceLength: 6, messageLength: 299, checksum: ours[0].checksum,
            data: Array(repeating: 0, count: 50))
        #expect(throws: QRTransportError.partFromAnotherMessage(field: "messageLen", expected: 300, found: 299)) {
            try decoder.receive(forged)
        }
    }

    @Test(
        "rejects parts that contradict themselves or exceed the limits",
        arguments: [
            (
                FountainPart(
                    sequenceNumber: 0, sequenceLength: 2, messageLength: 20, checksum: 1,
                    data: Array(repeating: 0, count: 10)),
                QRTransportError.invalidPart(field: "part.seqNum", reason: "must be at least 1")
            ),
            (
                FountainPart(
                    sequenceNumber: 1, sequenceLength: 8, messageLength: 100, checksum: 1, data: [1, 5, 3, 3, 5]),
                .invalidPart(
                    field: "part.seqLen",
                    reason: "8 fragments cannot hold 100 bytes in fragments of 5 (expected 20)")
            ),
            (
                FountainPart(sequenceNumber: 1, sequenceLength: 1, messageLength: 0, checksum: 1, data: [0]),
                .invalidPart(field: "part.messageLen/data", reason: "an empty message has no parts")
            ),
            (
                FountainPart(
                    sequenceNumber: 1, sequenceLength: 1 << 20, messageLength: 1 << 20, checksum: 1, data: [0]),
                .fountainLimitExceeded(field: "part.seqLen", limit: 1024, found: 1 << 20)
            ),
            (
                FountainPart(sequenceNumber: 1, sequenceLength: 1, messageLength: 1 << 21, checksum: 1, data: [0]),
                .fountainLimitExceeded(field: "part.messageLen", limit: 1 << 20, found: 1 << 21)
            ),
        ])
    func rejectsInvalidParts(part: FountainPart, expected: QRTransportError) {
        var decoder = FountainDecoder()
        #expect(throws: expected) { try decoder.receive(part) }
    }

    @Test("detects a corrupted fragment through the message CRC-32 and starts over")
    func detectsCorruption() throws {
        let message = Vectors.makeMessage(100)
        let stream = parts(message, maxFragmentLength: 30, count: 4)
        var decoder = FountainDecoder()
        var bad = stream[2].data
        bad[0] ^= 0x01
        let corrupted = FountainPart(
            sequenceNumber: 3, sequenceLength: stream[2].sequenceLength, messageLength: 100,
            checksum: stream[2].checksum, data: bad)
        for part in [stream[0], stream[1], corrupted] { try decoder.receive(part) }
        let expectedChecksum = stream[0].checksum
        var corruptMessage = message
        corruptMessage[2 * stream[0].data.count] ^= 0x01
        #expect(
            throws: QRTransportError.messageChecksumMismatch(
                expected: expectedChecksum, found: CRC32.checksum(corruptMessage))
        ) {
            try decoder.receive(stream[3])
        }
        #expect(decoder.progress.fragmentCount == 0)
    }

    @Test(
        "rejects malformed part CBOR with named errors",
        arguments: [
            (
                "840c0818641a12345678",
                QRTransportError.invalidPart(field: "part", reason: "expected an array of 5 items, found 4")
            ),
            ("850c0818641a1234567842", .cborLengthExceedsInput(offset: 10, declared: 2, available: 0)),
            (
                "851b00000001000000000818641a12345678450105030305",
                .invalidPart(field: "part.seqNum", reason: "4294967296 exceeds 2^32 − 1")
            ),
            (
                "850c0818641a12345678650105030305",
                .cborTypeMismatch(field: "part.data", expected: "byte string", found: "text string")
            ),
            ("850c180818641a12345678450105030305", .cborNonMinimalHead(offset: 2)),
        ])
    func rejectsMalformedPartCBOR(hex: String, expected: QRTransportError) {
        #expect(throws: expected) { try FountainPart(cbor: hexBytes(hex)) }
    }
}
