import StrictJSON
import Testing

@Suite("JSON.parse strictness and exact numbers")
struct JSONParserTests {
    @Test("keeps numbers as their literal text")
    func keepsNumberText() throws {
        let value = try JSON.parse(#"{"total_credits": 50.0, "big": 123456789012345678901234567890, "e": -1.5E-7}"#)
        #expect(value["total_credits"] == .number("50.0"))
        #expect(value["big"]?.numberText == "123456789012345678901234567890")
        #expect(value["e"]?.numberText == "-1.5E-7")
    }

    @Test("parses nested values, escapes and surrogate pairs")
    func parsesNested() throws {
        let value = try JSON.parse(#" [true, false, null, "a\"b\\c\/\n\u00e9\ud83d\ude00", {"k": []}] "#)
        #expect(
            value == .array([.bool(true), .bool(false), .null, .string("a\"b\\c/\né😀"), .object(["k": .array([])])]))
    }

    @Test(
        "rejects what RFC 8259 forbids",
        arguments: [
            "", "   ", "{", "[1,]", "{\"a\":1,}", "01", "-", "1.", ".5", "+1", "1e", "NaN", "Infinity", "'a'",
            "[1 2]", "{\"a\" 1}", "{a:1}", "\"unterminated", "\"bad \\x escape\"", "\"\\ud800\"", "\"\\udc00\"",
            "\"tab\there\"", "tru", "nul", "[1] 2", "// comment\n1", "{\"a\":1}}",
        ]
    )
    func rejectsInvalid(text: String) {
        #expect(throws: JSONError.self) { try JSON.parse(text) }
    }

    @Test("names the error kind and offset")
    func namesErrors() {
        #expect(throws: JSONError.trailingData(offset: 4)) { try JSON.parse("[1] 2") }
        #expect(throws: JSONError.invalidNumber(offset: 1)) { try JSON.parse("[01]") }
        #expect(throws: JSONError.duplicateKey("a", offset: 8)) { try JSON.parse(#"{"a":1, "a":2}"#) }
        #expect(throws: JSONError.controlCharacterInString(offset: 2)) { try JSON.parse("\"a\u{01}\"") }
        #expect(throws: JSONError.unexpectedEnd(expected: "',' or ']'")) { try JSON.parse("[1") }
    }

    @Test("rejects invalid UTF-8 inside strings")
    func rejectsInvalidUTF8() {
        #expect(throws: JSONError.invalidUTF8(offset: 0)) { try JSON.parse([0x22, 0xff, 0x22]) }
    }

    @Test("limits nesting depth")
    func limitsDepth() throws {
        let deep = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(throws: JSONError.tooDeep(limit: 9)) { try JSON.parse(deep, maxDepth: 9) }
        #expect(try JSON.parse(deep, maxDepth: 10) != .null)
    }

    @Test("validates number literals built from text")
    func validatesNumberLiterals() throws {
        #expect(try JSONValue.number(exactly: "10.25") == .number("10.25"))
        #expect(throws: JSONError.invalidNumber(offset: 0)) { try JSONValue.number(exactly: "010") }
        #expect(throws: JSONError.invalidNumber(offset: 0)) { try JSONValue.number(exactly: "1,5") }
    }
}

@Suite("JSON.serialize")
struct JSONSerializerTests {
    @Test("writes compact JSON with sorted keys")
    func writesSortedCompact() {
        let value: JSONValue = .object([
            "sender": .string("0xab"), "amount": .number("10.5"), "chain_id": JSONValue(8453),
            "list": .array([.null, .bool(true)]),
        ])
        #expect(JSON.serializedString(value) == #"{"amount":10.5,"chain_id":8453,"list":[null,true],"sender":"0xab"}"#)
    }

    @Test("escapes quotes, backslashes and control characters")
    func escapesStrings() {
        #expect(JSON.serializedString(.string("a\"b\\c\n\u{01}é")) == #""a\"b\\c\n\u0001é""#)
    }

    @Test("round-trips through the parser")
    func roundTrips() throws {
        let text = #"{"a":[1,-2.5e3,"x\ty",{"b":null}],"c":false}"#
        #expect(JSON.serializedString(try JSON.parse(text)) == text)
    }
}
