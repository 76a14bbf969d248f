import QRTransport
import TestSupport
import Testing

@Suite("UR strings, encoder and decoder (BCR-2020-005)")
struct URTests {
    private func vector(_ name: String) throws -> [String: Any] {
        try Vectors.object(Vectors.urVectors("ur")[name], name)
    }

    @Test("single-part ur:bytes of make_message(50), both ways")
    func singlePart() throws {
        let single = try vector("single_part_bytes")
        let message = try Vectors.message(single["message"], "message")
        let cbor = hexBytes(try Vectors.string(single["cbor_hex"], "cbor_hex"))
        #expect(CBOR.bytes(message).encoded == cbor)
        let expected = try Vectors.string(single["ur"], "ur")
        let ur = try UR(type: "bytes", cbor: cbor)
        #expect(ur.string == expected)
        var encoder = UREncoder(ur, maxFragmentLength: 1000)
        #expect(encoder.isSinglePart)
        #expect(encoder.nextPart() == expected)
        #expect(try UR(parsing: expected) == ur)
        #expect(try UR(parsing: expected.uppercased()) == ur)
        var decoder = URDecoder()
        #expect(try decoder.receive(expected))
        #expect(decoder.result == ur)
    }

    @Test("multipart ur:bytes, 256-byte message, max fragment 30: the 20 printed parts")
    func multipartParts() throws {
        let multipart = try vector("multipart_bytes_wolf_256")
        let message = try Vectors.message(multipart["message"], "message")
        let cbor = hexBytes(try Vectors.string(multipart["cbor_hex"], "cbor_hex"))
        #expect(CBOR.bytes(message).encoded == cbor)
        var encoder = UREncoder(
            try UR(type: "bytes", cbor: cbor), maxFragmentLength: try Vectors.int(multipart["max_fragment_len"], "m"))
        #expect(encoder.sequenceLength == (try Vectors.int(multipart["seq_len"], "seq_len")))
        let parts = try Vectors.objects(multipart["parts"], "parts")
        #expect(parts.count == 20)
        for expected in parts {
            let text = try Vectors.string(expected["ur"], "ur")
            #expect(encoder.nextPart() == text)
            let body = String(text.split(separator: "/").last ?? "")
            let partCBOR = try Bytewords.decode(body, style: .minimal)
            #expect(partCBOR == hexBytes(try Vectors.string(expected["part_cbor_hex"], "part_cbor_hex")))
            let part = try FountainPart(cbor: partCBOR)
            #expect(part.data == hexBytes(try Vectors.string(expected["data_hex"], "data_hex")))
            #expect(Int(part.checksum) == (try Vectors.int(expected["checksum"], "checksum")))
        }
    }

    @Test("decodes all 20 parts, in order and reversed, back to the CBOR exactly")
    func decodesAllParts() throws {
        let multipart = try vector("multipart_bytes_wolf_256")
        let cbor = hexBytes(try Vectors.string(multipart["cbor_hex"], "cbor_hex"))
        let texts = try Vectors.objects(multipart["parts"], "parts").map { try Vectors.string($0["ur"], "ur") }
        for ordering in [texts, texts.reversed()] {
            var decoder = URDecoder()
            for text in ordering where !decoder.isComplete { try decoder.receive(text) }
            #expect(decoder.result == (try UR(type: "bytes", cbor: cbor)))
            #expect(decoder.progress.fraction == 1)
        }
    }

    @Test("decodes from the computed decodable subset (parts 1, 3 and 8 dropped)")
    func decodesSubset() throws {
        let multipart = try vector("multipart_bytes_wolf_256")
        let cbor = hexBytes(try Vectors.string(multipart["cbor_hex"], "cbor_hex"))
        let texts = try Vectors.objects(multipart["parts"], "parts").map { try Vectors.string($0["ur"], "ur") }
        let subset = Set(try Vectors.ints(multipart["decodable_subset_seq_nums_computed"], "subset"))
        #expect(subset.count == 17 && !subset.contains(1) && !subset.contains(3) && !subset.contains(8))
        var decoder = URDecoder()
        for (offset, text) in texts.enumerated() where subset.contains(offset + 1) { try decoder.receive(text) }
        #expect(decoder.result?.cbor == cbor)
    }

    @Test("parts 10…20 alone cannot decode: fragment 4 never appears in them")
    func ratelessTailIsNotEnough() throws {
        let multipart = try vector("multipart_bytes_wolf_256")
        let texts = try Vectors.objects(multipart["parts"], "parts").map { try Vectors.string($0["ur"], "ur") }
        var decoder = URDecoder()
        for text in texts[9...] { try decoder.receive(text) }
        #expect(!decoder.isComplete)
        #expect(decoder.progress.independentPartCount < 9)
    }

    @Test("BCR-2020-005 seed examples: short, single-part and the first part of the multipart form")
    func seedExamples() throws {
        let short = try vector("bcr_2020_005_seed_short")
        let shortUR = try UR(parsing: try Vectors.string(short["ur"], "ur"))
        #expect(shortUR.type == "seed")
        #expect(shortUR.cbor == hexBytes(try Vectors.string(short["cbor_hex"], "cbor_hex")))
        #expect(shortUR.string == (try Vectors.string(short["ur"], "ur")))
        let tagged = CBOR.tagged(40300, try CBOR.decode(shortUR.cbor)).encoded
        #expect(tagged == hexBytes(try Vectors.string(short["tagged_cbor_hex"], "tagged")))

        let single = try vector("bcr_2020_005_seed_single")
        let singleUR = try UR(parsing: try Vectors.string(single["ur"], "ur"))
        #expect(singleUR.cbor == hexBytes(try Vectors.string(single["cbor_hex_decoded"], "cbor")))
        let map = try CBOR.decode(singleUR.cbor).integerKeyedMap(field: "seed")
        #expect(
            try map[1]?.bytesValue(field: "seed.1") == hexBytes(try Vectors.string(single["payload_hex_decoded"], "p")))

        let first = try vector("bcr_2020_005_seed_multipart_first")
        let text = try Vectors.string(first["ur"], "ur")
        let body = String(text.split(separator: "/").last ?? "")
        let part = try FountainPart(cbor: try Bytewords.decode(body, style: .minimal))
        #expect(part.cbor == hexBytes(try Vectors.string(first["part_cbor_hex_decoded"], "part")))
        #expect(Int(part.sequenceNumber) == (try Vectors.int(first["seq_num"], "seq_num")))
        #expect(part.sequenceLength == (try Vectors.int(first["seq_len"], "seq_len")))
        #expect(part.messageLength == singleUR.cbor.count)
        #expect(part.checksum == CRC32.checksum(singleUR.cbor))
        #expect(part.data == Array(singleUR.cbor.prefix(part.data.count)))
        var encoder = UREncoder(singleUR, maxFragmentLength: part.data.count)
        #expect(encoder.nextPart() == text)
    }
}
