/// Why a mnemonic, seed, derivation path or extended key was refused.
///
/// No case carries secret material: an unknown mnemonic word is reported by its position only, because the
/// word itself is part of the secret and error messages end up in logs and terminals.
public enum HDKeysError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The mnemonic has a word count other than 12, 15, 18, 21 or 24.
    case wrongWordCount(found: Int)
    /// The word at this 1-based position is not in the wordlist.
    case unknownWord(position: Int)
    /// The words are all valid but their checksum bits do not match the entropy.
    case badChecksum
    /// Entropy must be 16, 20, 24, 28 or 32 bytes.
    case invalidEntropyLength(found: Int)
    /// A BIP-32 seed must be 16…64 bytes.
    case invalidSeedLength(found: Int)
    /// The seed gives a master key of zero or ≥ n (probability about 2^-127); use another seed.
    case invalidMasterKey
    /// Child derivation at this index gives an invalid key (probability about 2^-127); BIP-32 says skip it.
    case invalidChildKey(index: UInt32)
    /// A derivation would go past depth 255, the most an extended key can record.
    case depthExceeded
    /// A derivation path that cannot be parsed.
    case invalidPath(path: String, reason: String)
    /// PBKDF2 failed inside swift-crypto.
    case kdfFailed(reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .wrongWordCount(let found):
            return "mnemonic has \(found) words; expected 12, 15, 18, 21 or 24"
        case .unknownWord(let position):
            return "mnemonic word \(position) is not in the BIP-39 English wordlist"
        case .badChecksum:
            return "mnemonic checksum does not match (a word is wrong or the order is changed)"
        case .invalidEntropyLength(let found):
            return "entropy has \(found) bytes; expected 16, 20, 24, 28 or 32"
        case .invalidSeedLength(let found):
            return "BIP-32 seed has \(found) bytes; expected 16…64"
        case .invalidMasterKey:
            return "seed yields an invalid BIP-32 master key"
        case .invalidChildKey(let index):
            return "BIP-32 child \(DerivationPath.describe(index)) is invalid; use the next index"
        case .depthExceeded:
            return "BIP-32 derivation deeper than 255 levels"
        case .invalidPath(let path, let reason):
            return "derivation path '\(path)': \(reason)"
        case .kdfFailed(let reason):
            return "PBKDF2 failed: \(reason)"
        }
    }
}
