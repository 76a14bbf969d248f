import QRTransport
import TestSupport
import Testing

@Suite("Deterministic CBOR")
struct CBORTests {
    @Test(
        "encodes RFC 8949 Appendix A examples",
        arguments: [
            (CBOR.unsigned(0), "00"), (.unsigned(23), "17"), (.unsigned(24), "1818"), (.unsigned(100), "1864"),
            (.unsigned(1000), "1903e8"), (.unsigned(1_000_000), "1a000f4240"),
            (.unsigned(1_000_000_000_000), "1b000000e8d4a51000"), (.unsigned(UInt64.max), "1bffffffffffffffff"),
            (.negative(0), "20"), (.negative(999), "3903e7"), (.bytes([]), "40"), (.bytes([1, 2, 3, 4]), "4401020304"),
            (.text(""), "60"), (.text("IETF"), "6449455446"), (.text("\u{00fc}"), "62c3bc"),
            (.array([]), "80"), (.array([.unsigned(1), .array([.unsigned(2), .unsigned(3)])]), "8201820203"),
            (.map([.init(.unsigned(1), .unsigned(2)), .init(.unsigned(3), .unsigned(4))]), "a201020304"),
            (.tagged(1, .unsigned(1_363_896_240)), "c11a514b67b0"), (.bool(false), "f4"), (.bool(true), "f5"),
            (.null, "f6"), (.tagged(37, .bytes([0xAB])), "d82541ab"), (.tagged(40304, .null), "d99d70f6"),
        ])
    func encodesAndDecodes(item: CBOR, hex: String) throws {
        #expect(item.encoded == hexBytes(hex))
        #expect(try CBOR.decode(hexBytes(hex)) == item)
    }

    @Test(
        "rejects non-deterministic and malformed input, naming rule and offset",
        arguments: [
            ("", QRTransportError.cborTruncated(offset: 0)),
            ("0000", .cborTrailingBytes(offset: 1, count: 1)),
            ("1817", .cborNonMinimalHead(offset: 0)),
            ("1900ff", .cborNonMinimalHead(offset: 0)),
            ("1a0000ffff", .cborNonMinimalHead(offset: 0)),
            ("1b00000000ffffffff", .cborNonMinimalHead(offset: 0)),
            ("19ff", .cborTruncated(offset: 0)),
            ("5f4101ff", .cborIndefiniteLength(offset: 0)),
            ("9f01ff", .cborIndefiniteLength(offset: 0)),
            ("ff", .cborIndefiniteLength(offset: 0)),
            ("1c", .cborUnsupportedItem(offset: 0, initialByte: 0x1C)),
            ("f93c00", .cborUnsupportedItem(offset: 0, initialByte: 0xF9)),
            ("f7", .cborUnsupportedItem(offset: 0, initialByte: 0xF7)),
            ("62c328", .cborInvalidUTF8(offset: 0)),
            ("a202000100", .cborMapKeysNotCanonical(offset: 3)),
            ("a201000100", .cborMapKeysNotCanonical(offset: 3)),
            ("44010203", .cborLengthExceedsInput(offset: 0, declared: 4, available: 3)),
            ("9a7fffffff", .cborLengthExceedsInput(offset: 0, declared: 0x7FFF_FFFF, available: 0)),
            ("8181818181818181818181818181818101", .cborNestingTooDeep(offset: 16, limit: 15)),
        ])
    func rejects(hex: String, expected: QRTransportError) {
        let depth = hex.hasPrefix("8181") ? 15 : CBOR.defaultMaxDepth
        #expect(throws: expected) { try CBOR.decode(hexBytes(hex), maxDepth: depth) }
    }

    @Test("orders map keys by their encoded bytes, so 24 (1818) sorts after 23 (17)")
    func canonicalKeyOrder() throws {
        let ordered = CBOR.map([.init(.unsigned(23), .null), .init(.unsigned(24), .null)])
        #expect(try CBOR.decode(ordered.encoded) == ordered)
        let swapped = CBOR.map([.init(.unsigned(24), .null), .init(.unsigned(23), .null)])
        #expect(throws: QRTransportError.cborMapKeysNotCanonical(offset: 4)) { try CBOR.decode(swapped.encoded) }
    }

    @Test("typed accessors name the field and both kinds")
    func accessorsNameField() {
        #expect(throws: QRTransportError.cborTypeMismatch(field: "x", expected: "byte string", found: "text string")) {
            try CBOR.text("a").bytesValue(field: "x")
        }
        #expect(throws: QRTransportError.cborUnexpectedTag(field: "id", expected: [37], found: 38)) {
            try CBOR.tagged(38, .bytes([])).untagged([37], field: "id")
        }
        #expect(throws: QRTransportError.cborUnexpectedTag(field: "id", expected: [37], found: nil)) {
            try CBOR.bytes([]).untagged([37], field: "id")
        }
    }
}
