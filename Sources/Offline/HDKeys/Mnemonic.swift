import Crypto
import _CryptoExtras
import Foundation
public import Secp256k1

/// A BIP-39 mnemonic (English wordlist): entropy plus checksum, written as 12–24 words.
///
/// The entropy is held in ``SecretBytes``; the words are rebuilt from it when needed and never printed by
/// `description`.
public struct Mnemonic: Sendable, CustomStringConvertible {
    /// Word counts BIP-39 allows (128…256 bits of entropy in steps of 32).
    public static let validWordCounts: Set<Int> = [12, 15, 18, 21, 24]

    /// The entropy the words encode (16, 20, 24, 28 or 32 bytes).
    public let entropy: SecretBytes

    /// Adopts entropy of 16, 20, 24, 28 or 32 bytes.
    public init(entropy: SecretBytes) throws(HDKeysError) {
        guard [16, 20, 24, 28, 32].contains(entropy.count) else { throw .invalidEntropyLength(found: entropy.count) }
        self.entropy = entropy
    }

    /// Parses a phrase: NFKD-normalised, split on any whitespace, every word looked up in the English list
    /// regardless of case (`Abandon` is `abandon`; the seed is computed from the canonical lower-case phrase),
    /// and the checksum verified.
    ///
    /// - Throws: ``HDKeysError/wrongWordCount(found:)``, ``HDKeysError/unknownWord(position:)`` (1-based),
    ///   ``HDKeysError/badChecksum``.
    public init(phrase: String) throws(HDKeysError) {
        let words = phrase.decomposedStringWithCompatibilityMapping.split(whereSeparator: \.isWhitespace)
        guard Self.validWordCounts.contains(words.count) else { throw .wrongWordCount(found: words.count) }
        var bits = [UInt8]()
        defer { SecretBytes.wipe(&bits) }
        bits.reserveCapacity(words.count * 11)
        for (position, word) in words.enumerated() {
            guard let index = BIP39Wordlist.english.index(of: word.lowercased()) else {
                throw .unknownWord(position: position + 1)
            }
            for shift in stride(from: 10, through: 0, by: -1) { bits.append(UInt8((index >> shift) & 1)) }
        }
        let checksumBitCount = words.count / 3  // ENT / 32, with ENT + CS = 11 · words and CS = ENT / 32
        let entropyBitCount = bits.count - checksumBitCount
        var entropy = Self.pack(bits[0..<entropyBitCount])
        defer { SecretBytes.wipe(&entropy) }
        let expected = Self.checksumBits(of: entropy, count: checksumBitCount)
        var difference: UInt8 = 0
        for offset in 0..<checksumBitCount { difference |= expected[offset] ^ bits[entropyBitCount + offset] }
        guard difference == 0 else { throw .badChecksum }
        self.entropy = SecretBytes(entropy)
    }

    /// The words, in order.
    ///
    /// They are the secret: show them only to the operator who asked for them.
    public var words: [String] {
        var bits = entropy.withUnsafeBytes { raw in raw.flatMap { byte in (0..<8).map { (byte >> (7 - $0)) & 1 } } }
        defer { SecretBytes.wipe(&bits) }
        entropy.withUnsafeBytes { raw in bits += Self.checksumBits(of: raw, count: raw.count / 4) }
        return stride(from: 0, to: bits.count, by: 11).map { start in
            let index = bits[start..<start + 11].reduce(0) { ($0 << 1) | Int($1) }
            return BIP39Wordlist.english.words[index]
        }
    }

    /// The phrase: the words joined by single spaces (the canonical form the seed is computed from).
    public var phrase: String { words.joined(separator: " ") }

    /// The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512(NFKD(phrase), "mnemonic" + NFKD(passphrase), 2048 rounds).
    ///
    /// The phrase is the canonical single-space form, so extra whitespace in what the user typed does not
    /// change the seed.
    public func seed(passphrase: String = "") throws(HDKeysError) -> SecretBytes {
        var password = Array(phrase.decomposedStringWithCompatibilityMapping.utf8)
        defer { SecretBytes.wipe(&password) }
        var salt = Array(("mnemonic" + passphrase).decomposedStringWithCompatibilityMapping.utf8)
        defer { SecretBytes.wipe(&salt) }
        do {
            // 2048 rounds is what BIP-39 fixes; swift-crypto's `rounds:` refuses fewer than 210,000.
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: password, salt: salt, using: .sha512, outputByteCount: 64, unsafeUncheckedRounds: 2048)
            return key.withUnsafeBytes { SecretBytes(Array($0)) }
        } catch {
            throw .kdfFailed(reason: "\(error)")
        }
    }

    /// Never shows the words.
    public var description: String { "Mnemonic(\(entropy.count * 3 / 4) words, redacted)" }

    /// The first `count` bits of SHA-256(entropy), one bit per element.
    private static func checksumBits(of entropy: some DataProtocol, count: Int) -> [UInt8] {
        let digest = Array(SHA256.hash(data: entropy))
        return (0..<count).map { (digest[$0 / 8] >> (7 - $0 % 8)) & 1 }
    }

    /// Packs bits (one per element, a multiple of 8) into bytes.
    private static func pack(_ bits: ArraySlice<UInt8>) -> [UInt8] {
        stride(from: bits.startIndex, to: bits.endIndex, by: 8).map { start in
            bits[start..<start + 8].reduce(0) { ($0 << 1) | $1 }
        }
    }
}
