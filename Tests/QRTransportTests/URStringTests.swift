import QRTransport
import TestSupport
import Testing

@Suite("UR string rejections")
struct URStringTests {
    private static let part1 =
        "ur:bytes/1-9/lpadascfadaxcywenbpljkhdcahkadaemejtswhhylkepmykhhtsytsnoyoyaxaedsuttydmmhhpktpmsrjtdkgslpgh"

    @Test(
        "names each malformed single-part string",
        arguments: [
            ("bytes/hdeymejt", QRTransportError.urInvalidScheme(found: "bytes/hd")),
            ("ur:by_tes/aeadaolazmjendeoti", .urInvalidType("by_tes")),
            ("ur:/aeadaolazmjendeoti", .urInvalidType("")),
            ("ur:bytes", .urInvalidPath(componentCount: 1)),
            ("ur:bytes/1-9/x/y", .urInvalidPath(componentCount: 4)),
            ("ur:bytes/aeadaolazmjendeotx", .bytewordsInvalidWord(word: "tx", index: 8)),
            ("ur:bytes/1-9/aeadaolazmjendeoti", .urUnexpectedMultipart(sequence: "1-9")),
        ])
    func rejectsSinglePart(text: String, expected: QRTransportError) {
        #expect(throws: expected) { try UR(parsing: text) }
    }

    @Test("names malformed sequence components", arguments: ["0-9", "01-9", "1-", "-9", "1-9-2", "+1-9", "a-9", "1-0"])
    func rejectsSequence(sequence: String) {
        var decoder = URDecoder()
        let text = Self.part1.replacing("/1-9/", with: "/\(sequence)/")
        #expect(throws: QRTransportError.urInvalidSequence(sequence)) { try decoder.receive(text) }
    }

    @Test("rejects a path sequence that disagrees with the part inside")
    func rejectsSequenceMismatch() {
        var decoder = URDecoder()
        let text = Self.part1.replacing("/1-9/", with: "/2-9/")
        #expect(throws: QRTransportError.urSequenceMismatch(path: "2-9", part: "1-9")) { try decoder.receive(text) }
    }

    @Test("rejects a part of another type once collecting has begun")
    func rejectsOtherType() throws {
        var decoder = URDecoder()
        try decoder.receive(Self.part1)
        let other = Self.part1.replacing("ur:bytes/", with: "ur:seed/")
        #expect(throws: QRTransportError.urTypeMismatch(expected: "bytes", found: "seed")) {
            try decoder.receive(other)
        }
        #expect(decoder.progress.acceptedPartCount == 1)
    }
}
