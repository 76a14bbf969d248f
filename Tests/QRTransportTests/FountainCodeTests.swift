import QRTransport
import TestSupport
import Testing

@Suite("Fountain code building blocks and encoder (BCR-2024-001)")
struct FountainCodeTests {
    private func vector(_ name: String) throws -> Any? {
        try Vectors.urVectors("fountain")[name]
    }

    @Test("nominal fragment length for every published case")
    func nominalFragmentLength() throws {
        let cases = try Vectors.objects(vector("find_nominal_fragment_length"), "cases")
        #expect(cases.count == 5)
        for item in cases {
            let length = FountainCode.nominalFragmentLength(
                messageLength: try Vectors.int(item["message_len"], "message_len"),
                minFragmentLength: try Vectors.int(item["min_fragment_len"], "min"),
                maxFragmentLength: try Vectors.int(item["max_fragment_len"], "max"))
            #expect(length == (try Vectors.int(item["expected"], "expected")))
        }
    }

    @Test("keeps a message shorter than the minimum fragment in one fragment")
    func shortMessageIsOneFragment() {
        #expect(FountainCode.nominalFragmentLength(messageLength: 3, minFragmentLength: 10, maxFragmentLength: 30) == 3)
    }

    @Test("partitions make_message(1024) into 11 zero-padded fragments of 94 bytes")
    func partition() throws {
        let partition = try Vectors.object(vector("partition"), "partition")
        let message = try Vectors.message(partition["message"], "message")
        let expected = try Vectors.array(partition["fragments_hex"], "fragments").map {
            hexBytes(try Vectors.string($0, "fragment"))
        }
        let length = FountainCode.nominalFragmentLength(
            messageLength: message.count, minFragmentLength: try Vectors.int(partition["min_fragment_len"], "min"),
            maxFragmentLength: try Vectors.int(partition["max_fragment_len"], "max"))
        #expect(length == (try Vectors.int(partition["fragment_len"], "fragment_len")))
        #expect(FountainCode.partition(message, fragmentLength: length) == expected)
    }

    @Test("degree per nonce: a fresh generator seeded 'Wolf-<nonce>' (bc-ur)")
    func degreePerNonce() throws {
        let degrees = try Vectors.object(vector("choose_degree_per_nonce"), "choose_degree_per_nonce")
        let sequenceLength = try Vectors.int(degrees["seq_len"], "seq_len")
        let expected = try Vectors.ints(degrees["degrees"], "degrees")
        #expect(expected.count == 200)
        let found = (1...200).map { nonce in
            var rng = Xoshiro256StarStar(string: "Wolf-\(nonce)")
            return FountainCode.chooseDegree(sequenceLength: sequenceLength, using: &rng)
        }
        #expect(found == expected)
    }

    @Test("1000 degrees from one generator (URKit), with totals")
    func degreeSingleGenerator() throws {
        let degrees = try Vectors.object(vector("choose_degree_single_rng"), "choose_degree_single_rng")
        let sequenceLength = try Vectors.int(degrees["seq_len"], "seq_len")
        let expected = try Vectors.ints(degrees["degrees"], "degrees")
        let totals = try Vectors.ints(degrees["totals_by_degree"], "totals")
        var rng = Xoshiro256StarStar(string: "Wolf")
        let found = expected.map { _ in FountainCode.chooseDegree(sequenceLength: sequenceLength, using: &rng) }
        #expect(found.count == 1000)
        #expect(found == expected)
        #expect((1...sequenceLength).map { degree in found.filter { $0 == degree }.count } == totals)
    }

    @Test("fragment indexes for parts 1…50")
    func chooseFragments() throws {
        let chooser = try Vectors.object(vector("choose_fragments"), "choose_fragments")
        let message = try Vectors.message(chooser["message"], "message")
        let checksum = CRC32.checksum(message)
        #expect(CRC32.checksumBytes(message) == hexBytes(try Vectors.string(chooser["checksum_hex"], "checksum")))
        let sequenceLength = try Vectors.int(chooser["seq_len"], "seq_len")
        let expected = try Vectors.array(chooser["indexes"], "indexes").map { try Vectors.ints($0, "indexes") }
        #expect(expected.count == 50)
        for (offset, indexes) in expected.enumerated() {
            let found = FountainCode.chooseFragments(
                sequenceNumber: UInt32(offset + 1), sequenceLength: sequenceLength, checksum: checksum)
            #expect(found.sorted() == indexes, "part \(offset + 1)")
        }
    }

    @Test("encoder on the raw 256-byte message: 20 parts, data and CBOR")
    func encoderParts() throws {
        let encoder = try Vectors.object(vector("encoder_raw_256"), "encoder_raw_256")
        let message = try Vectors.message(encoder["message"], "message")
        let messageObject = try Vectors.object(encoder["message"], "message")
        #expect(message == hexBytes(try Vectors.string(messageObject["hex"], "message.hex")))
        var fountain = FountainEncoder(
            message: message, maxFragmentLength: try Vectors.int(encoder["max_fragment_len"], "max"),
            minFragmentLength: try Vectors.int(encoder["min_fragment_len"], "min"))
        #expect(fountain.fragmentLength == (try Vectors.int(encoder["fragment_len"], "fragment_len")))
        #expect(fountain.sequenceLength == (try Vectors.int(encoder["seq_len"], "seq_len")))
        #expect(
            CRC32.bigEndianBytesForTest(fountain.checksum) == hexBytes(try Vectors.string(encoder["checksum_hex"], "c"))
        )
        let parts = try Vectors.objects(encoder["parts"], "parts")
        #expect(parts.count == 20)
        for expected in parts {
            let part = fountain.nextPart()
            #expect(Int(part.sequenceNumber) == (try Vectors.int(expected["seq_num"], "seq_num")))
            #expect(part.sequenceLength == (try Vectors.int(expected["seq_len"], "seq_len")))
            #expect(part.messageLength == (try Vectors.int(expected["message_len"], "message_len")))
            #expect(Int(part.checksum) == (try Vectors.int(expected["checksum"], "checksum")))
            #expect(part.data == hexBytes(try Vectors.string(expected["data_hex"], "data_hex")))
            #expect(part.cbor == hexBytes(try Vectors.string(expected["cbor_hex"], "cbor_hex")))
            #expect(try FountainPart(cbor: part.cbor) == part)
            let indexes = try Vectors.ints(expected["fragment_indexes_computed"], "indexes")
            #expect(fountain.fragmentIndexes(sequenceNumber: part.sequenceNumber).sorted() == indexes)
        }
    }

    @Test("part CBOR: Part(12, 8, 100, 0x12345678, 0105030305)")
    func partCBOR() throws {
        let vector = try Vectors.object(vector("part_cbor"), "part_cbor")
        let part = FountainPart(
            sequenceNumber: UInt32(try Vectors.int(vector["seq_num"], "seq_num")),
            sequenceLength: try Vectors.int(vector["seq_len"], "seq_len"),
            messageLength: try Vectors.int(vector["message_len"], "message_len"),
            checksum: UInt32(try Vectors.int(vector["checksum"], "checksum")),
            data: hexBytes(try Vectors.string(vector["data_hex"], "data_hex")))
        let cbor = hexBytes(try Vectors.string(vector["cbor_hex"], "cbor_hex"))
        #expect(part.cbor == cbor)
        #expect(try FountainPart(cbor: cbor) == part)
    }
}

extension CRC32 {
    /// Four big-endian bytes, written out here so the test does not reuse the code under test.
    static func bigEndianBytesForTest(_ value: UInt32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian, Array.init)
    }
}
