/// A BIP-39 wordlist: 2048 distinct words, each word's index being the 11-bit value it encodes.
public struct BIP39Wordlist: Sendable {
    /// The words in index order.
    public let words: [String]
    private let indexByWord: [String: Int]

    private init(words: [String]) {
        precondition(words.count == 2048, "a BIP-39 wordlist has 2048 words — generator bug")
        self.words = words
        var indexByWord = [String: Int](minimumCapacity: words.count)
        for (index, word) in words.enumerated() { indexByWord[word] = index }
        precondition(indexByWord.count == 2048, "BIP-39 words must be distinct — generator bug")
        self.indexByWord = indexByWord
    }

    /// The English list (the only one BIP-39 wallets agree on; see `BIP39Wordlist+English.swift` for its
    /// provenance and hash).
    public static let english = BIP39Wordlist(
        words: englishText.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The index of `word`, or `nil` when it is not in the list (exact match, no case folding).
    public func index(of word: String) -> Int? { indexByWord[word] }

    /// The list in the layout of the canonical `english.txt`: each word followed by a line feed.
    ///
    /// Its SHA-256 identifies the list.
    public var canonicalFileBytes: [UInt8] { Array(words.map { $0 + "\n" }.joined().utf8) }
}
