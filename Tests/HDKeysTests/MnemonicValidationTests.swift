import HDKeys
import Secp256k1
import Testing

@Suite("Mnemonic validation and normalisation")
struct MnemonicValidationTests {
    static let abandonAbout = Array(repeating: "abandon", count: 11) + ["about"]

    @Test("a word count outside 12/15/18/21/24 is refused with the count", arguments: [0, 1, 11, 13, 25])
    func refusesWrongWordCount(count: Int) {
        let phrase = Array(repeating: "abandon", count: count).joined(separator: " ")
        #expect(throws: HDKeysError.wrongWordCount(found: count)) { try Mnemonic(phrase: phrase) }
    }

    @Test("an unknown word is refused with its 1-based position", arguments: [1, 7, 12])
    func refusesUnknownWord(position: Int) {
        var words = Self.abandonAbout
        words[position - 1] = "bitcoinz"
        #expect(throws: HDKeysError.unknownWord(position: position)) {
            try Mnemonic(phrase: words.joined(separator: " "))
        }
    }

    @Test("words differing only in case are the same words (issue 15): same entropy, same canonical phrase")
    func acceptsCapitalisedWords() throws {
        var words = Self.abandonAbout
        words[0] = "Abandon"
        words[11] = "ABOUT"
        let mixed = try Mnemonic(phrase: words.joined(separator: " "))
        let lower = try Mnemonic(phrase: Self.abandonAbout.joined(separator: " "))
        #expect(mixed.phrase == lower.phrase)
        words[1] = "Abandonx"
        #expect(throws: HDKeysError.unknownWord(position: 2)) { try Mnemonic(phrase: words.joined(separator: " ")) }
    }

    @Test(
        "valid words with a wrong checksum are refused",
        arguments: [
            Array(repeating: "abandon", count: 12),
            Array(repeating: "abandon", count: 11) + ["ability"],
            Array(repeating: "zoo", count: 24),
        ])
    func refusesBadChecksum(words: [String]) {
        #expect(throws: HDKeysError.badChecksum) { try Mnemonic(phrase: words.joined(separator: " ")) }
    }

    @Test("entropy of a length BIP-39 does not define is refused", arguments: [0, 15, 17, 33])
    func refusesEntropyLength(count: Int) {
        #expect(throws: HDKeysError.invalidEntropyLength(found: count)) {
            try Mnemonic(entropy: SecretBytes([UInt8](repeating: 1, count: count)))
        }
    }

    @Test("extra spaces, tabs and newlines between words change neither entropy nor seed")
    func normalisesWhitespace() throws {
        let canonical = try Mnemonic(phrase: Self.abandonAbout.joined(separator: " "))
        let messy = try Mnemonic(phrase: "  " + Self.abandonAbout.joined(separator: " \t\n ") + "\n")
        #expect(messy.entropy.constantTimeEquals(canonical.entropy))
        #expect(try messy.seed().constantTimeEquals(canonical.seed()))
    }

    @Test("the passphrase is NFKD-normalised: composed, decomposed and compatibility forms agree")
    func normalisesPassphrase() throws {
        let mnemonic = try Mnemonic(phrase: Self.abandonAbout.joined(separator: " "))
        let composed = try mnemonic.seed(passphrase: "caf\u{E9} \u{FB01}")  // é, ﬁ ligature
        let decomposed = try mnemonic.seed(passphrase: "cafe\u{301} fi")
        #expect(composed.constantTimeEquals(decomposed))
        #expect(!composed.constantTimeEquals(try mnemonic.seed(passphrase: "cafe fi")))
    }

    @Test("a mnemonic never prints its words")
    func redactsWords() throws {
        let mnemonic = try Mnemonic(phrase: Self.abandonAbout.joined(separator: " "))
        #expect(!"\(mnemonic)".contains("abandon"))
    }
}
