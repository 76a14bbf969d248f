import EthereumPrimitives
import Testing

@Suite("Hex")
struct HexTests {
    @Test("decodes either case and encodes lower case with 0x")
    func roundTrip() throws {
        #expect(try Hex.decode("0x00ffAb10") == [0x00, 0xff, 0xab, 0x10])
        #expect(try Hex.decode("0x") == [])
        #expect(Hex.encode([0x00, 0xff, 0xab, 0x10]) == "0x00ffab10")
        #expect(Hex.encode([0xde, 0xad], prefix: false) == "dead")
    }

    @Test("rejects a missing 0x unless told to tolerate it")
    func rejectsMissingPrefix() throws {
        #expect(throws: PrimitiveError.missingHexPrefix(field: "data")) { try Hex.decode("abcd", field: "data") }
        #expect(throws: PrimitiveError.missingHexPrefix(field: "hex")) { try Hex.decode("") }
        #expect(try Hex.decode("abcd", requirePrefix: false) == [0xab, 0xcd])
        #expect(try Hex.decode("", requirePrefix: false) == [])
    }

    @Test("rejects an odd number of digits")
    func rejectsOddLength() {
        #expect(throws: PrimitiveError.oddHexLength(field: "hex", digits: 3)) { try Hex.decode("0xabc") }
        #expect(throws: PrimitiveError.oddHexLength(field: "hex", digits: 1)) { try Hex.decode("0x0") }
    }

    @Test(
        "rejects non-hex characters and names their offset",
        arguments: [
            ("0xzz", Character("z"), 0), ("0x0g", "g", 1), ("0x00 1", " ", 2), ("0x0x00", "x", 1), ("0x-1", "-", 0),
        ] as [(String, Character, Int)])
    func rejectsInvalidCharacter(text: String, character: Character, offset: Int) {
        #expect(throws: PrimitiveError.invalidHexCharacter(field: "hex", character: character, offset: offset)) {
            try Hex.decode(text)
        }
    }

    @Test("rejects non-ASCII input instead of misreading it")
    func rejectsNonASCII() {
        #expect(throws: PrimitiveError.self) { try Hex.decode("0xé0") }
    }

    @Test(
        "accepts canonical quantities",
        arguments: [
            ("0x0", [UInt8]()), ("0x1", [0x01]), ("0x1f", [0x1f]), ("0x100", [0x01, 0x00]),
            ("0xabcdef", [0xab, 0xcd, 0xef]),
        ] as [(String, [UInt8])])
    func acceptsCanonicalQuantity(text: String, bytes: [UInt8]) throws {
        #expect(try Hex.decodeQuantity(text, field: "q") == bytes)
        #expect(Hex.encodeQuantity(bytes) == text)
    }

    @Test("rejects non-canonical quantities", arguments: ["0x", "0x00", "0x01", "0xAB", "0X1", "1", "", "0x0F"])
    func rejectsNonCanonicalQuantity(text: String) {
        #expect(throws: PrimitiveError.nonCanonicalQuantity(field: "q", found: text)) {
            try Hex.decodeQuantity(text, field: "q")
        }
    }

    @Test("rejects a quantity wider than 256 bits and accepts exactly 256")
    func rejectsWideQuantity() throws {
        let widest = "0x" + String(repeating: "f", count: 64)
        #expect(try Hex.decodeQuantity(widest, field: "q").count == 32)
        #expect(throws: PrimitiveError.overflow(field: "q", limit: "2^256 − 1")) {
            try Hex.decodeQuantity("0x1" + String(repeating: "0", count: 64), field: "q")
        }
    }

    @Test("names the offset of a bad quantity digit as written, before any padding")
    func quantityDigitOffset() {
        #expect(throws: PrimitiveError.invalidHexCharacter(field: "q", character: "g", offset: 0)) {
            try Hex.decodeQuantity("0xg", field: "q")
        }
        #expect(throws: PrimitiveError.invalidHexCharacter(field: "q", character: "z", offset: 2)) {
            try Hex.decodeQuantity("0x12z", field: "q")
        }
    }

    @Test("encodes leading zero bytes of a quantity away")
    func encodesQuantityMinimally() {
        #expect(Hex.encodeQuantity([0x00, 0x00, 0x0a]) == "0xa")
        #expect(Hex.encodeQuantity([0x00]) == "0x0")
    }
}
