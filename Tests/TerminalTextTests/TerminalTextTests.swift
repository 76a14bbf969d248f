import Testing

@testable import TerminalText

/// The field escaper and the line sanitiser on their own.
struct TerminalTextTests {
    static let hostile: [(String, String)] = [
        ("\u{1b}[2J\u{1b}[H", "\\x1b[2J\\x1b[H"), ("\u{1b}]0;x\u{07}", "\\x1b]0;x\\x07"), ("a\rb", "a\\x0db"),
        ("a\nb", "a\\x0ab"), ("a\tb", "a\\x09b"), ("a\u{7f}b", "a\\x7fb"), ("a\u{9b}b", "a\\x9bb"),
        ("a\u{202e}b", "a\\u202eb"), ("a\u{2066}b", "a\\u2066b"), ("a\u{200b}b", "a\\u200bb"), ("a\u{200d}b", "a\\u200db"),
        ("a\u{feff}b", "a\\ufeffb"), ("a\u{2028}b", "a\\u2028b"), ("a\u{e0041}b", "a\\U000e0041b"),
        ("a\u{34f}b", "a\\u034fb"), ("a\u{3164}b", "a\\u3164b"), ("a\u{fe0f}b", "a\\ufe0fb"), ("a\u{e000}b", "a\\ue000b"),
        ("a\u{61c}b", "a\\u061cb"), ("a\u{200e}b", "a\\u200eb"), ("a\u{115f}b", "a\\u115fb"), ("a\u{ffa0}b", "a\\uffa0b"),
    ]

    @Test("each hostile scalar is shown as its escape", arguments: hostile)
    func escapesHostile(_ input: String, _ expected: String) {
        #expect(TerminalText.field(input) == expected)
        #expect(input.escapedForTerminal == expected)
    }

    @Test("the backslash is escaped in a field, so an escape cannot be faked; the line sanitiser leaves it")
    func backslash() {
        #expect(TerminalText.field("a\\x1b") == "a\\\\x1b")
        #expect(TerminalText.line("a\\x1b") == "a\\x1b")
    }

    @Test("printable text, accents, CJK, symbols and emoji pass unchanged")
    func printablePasses() {
        for text in ["ch_123-ABC", "Zoë ≈ $25.00 — ok…", "価格", "✓ 🙂", "d095-76c1-302c-afd8"] {
            #expect(TerminalText.field(text) == text)
            #expect(TerminalText.line(text) == text)
        }
    }

    @Test("the line sanitiser keeps newlines and escapes every other unsafe scalar")
    func lineKeepsNewline() {
        #expect(TerminalText.line("one\ntwo\u{1b}[2J\rthree\u{202e}") == "one\ntwo\\x1b[2J\\x0dthree\\u202e")
    }

    @Test("no unsafe scalar survives either path, over C0, C1, bidi and format ranges")
    func nothingSurvives() {
        let ranges: [ClosedRange<UInt32>] = [
            0...0x1f, 0x7f...0x9f, 0x200b...0x200f, 0x202a...0x202e, 0x2060...0x206f, 0xfff9...0xfffb, 0xe0000...0xe007f,
        ]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "x" + String(Character(scalar)) + "y"
            let escaped = TerminalText.field(text)
            #expect(escaped.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7f }, "U+\(String(value, radix: 16))")
            if value != 0x0a {
                #expect(TerminalText.line(text).unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7f })
            }
        }
    }

    @Test("unassigned and private-use scalars are escaped with the long form above the basic plane")
    func unassignedAndPrivate() {
        #expect(TerminalText.field("\u{10ffff}") == "\\U0010ffff")
        #expect(TerminalText.field("\u{f0000}") == "\\U000f0000")
        #expect(TerminalText.field("\u{0378}") == "\\u0378")
    }
}
