import Crypto
import HDKeys
import Testing

@Suite("BIP-39 English wordlist")
struct BIP39WordlistTests {
    @Test("the embedded list is byte-for-byte the canonical english.txt (SHA-256 2f5eed53…)")
    func matchesCanonicalHash() {
        let digest = SHA256.hash(data: BIP39Wordlist.english.canonicalFileBytes)
        let hex = digest.map { byte in
            String(byte, radix: 16).count == 1
                ? "0" + String(byte, radix: 16)
                : String(byte, radix: 16)
        }.joined()
        #expect(hex == "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda")
    }

    @Test("words are unique by their first four letters, as BIP-39 promises for English")
    func firstFourLettersAreUnique() {
        let prefixes = Set(BIP39Wordlist.english.words.map { String($0.prefix(4)) })
        #expect(prefixes.count == 2048)
    }

    @Test("lookup is exact: a word's index round-trips, other spellings are not words")
    func lookupIsExact() {
        for (index, word) in BIP39Wordlist.english.words.enumerated() {
            #expect(BIP39Wordlist.english.index(of: word) == index)
        }
        #expect(BIP39Wordlist.english.index(of: "Abandon") == nil)
        #expect(BIP39Wordlist.english.index(of: "abando") == nil)
    }
}
