import QRTransport
import TestSupport
import Testing

@Suite("Bytewords (BCR-2020-012)")
struct BytewordsTests {
    @Test("encodes and decodes every published vector in all three styles")
    func roundTripsSharedVectors() throws {
        let file = try Vectors.ur("bytewords")
        let vectors = try Vectors.objects(file["vectors"], "bytewords.vectors")
        #expect(vectors.count == 4)
        for vector in vectors {
            let name = try Vectors.string(vector["name"], "name")
            let input = hexBytes(try Vectors.string(vector["input_hex"], "\(name).input_hex"))
            for style in Bytewords.Style.allCases {
                let expected = try Vectors.string(vector[style.rawValue], "\(name).\(style)")
                #expect(Bytewords.encode(input, style: style) == expected, "\(name) \(style)")
                #expect(try Bytewords.decode(expected, style: style) == input, "\(name) \(style)")
                #expect(try Bytewords.decode(expected.uppercased(), style: style) == input, "\(name) upper")
            }
        }
    }

    @Test("uses the published word list in byte order")
    func wordListMatches() throws {
        let words = try Vectors.array(Vectors.ur("bytewords")["wordlist"], "wordlist").compactMap { $0 as? String }
        #expect(words.count == 256)
        for (byte, word) in words.enumerated() {
            let encoded = Bytewords.encode([UInt8(byte)], style: .standard)
            #expect(encoded.split(separator: " ").first.map(String.init) == word)
        }
    }

    @Test("rejects every published invalid string with the reason it names")
    func rejectsSharedInvalidStrings() throws {
        let invalid = try Vectors.objects(Vectors.ur("bytewords")["invalid"], "bytewords.invalid")
        #expect(invalid.count == 5)
        for case_ in invalid {
            let style = try #require(Bytewords.Style(rawValue: try Vectors.string(case_["style"], "style")))
            let input = try Vectors.string(case_["input"], "input")
            let reason = try Vectors.string(case_["reason"], "reason")
            do {
                _ = try Bytewords.decode(input, style: style)
                Issue.record("'\(input)' decoded but should fail: \(reason)")
            } catch {
                switch (reason, error) {
                case ("bad checksum", .bytewordsChecksumMismatch), ("too short", .bytewordsTooShort): break
                default: Issue.record("'\(input)': expected \(reason), got \(error)")
                }
            }
        }
    }

    @Test(
        "names a misspelt middle, an unknown minimal pair and an odd minimal length",
        arguments: [
            (
                "able acid alsx lava zoom jade need echo taxi", Bytewords.Style.standard,
                QRTransportError.bytewordsInvalidWord(word: "alsx", index: 2)
            ),
            ("aeadaolazmjendeotx", .minimal, .bytewordsInvalidWord(word: "tx", index: 8)),
            ("aeadaolazmjendeot", .minimal, .bytewordsOddLength(letterCount: 17)),
            ("able  acid also lava zoom jade need echo taxi", .standard, .bytewordsInvalidWord(word: "", index: 1)),
            (
                "able-acid-also-lava-zoom-jade-need-echo-taxi", .standard,
                .bytewordsInvalidWord(word: "able-acid-also-lava-zoom-jade-need-echo-taxi", index: 0)
            ),
        ])
    func rejectsMalformedWords(input: String, style: Bytewords.Style, expected: QRTransportError) {
        #expect(throws: expected) { try Bytewords.decode(input, style: style) }
    }
}
