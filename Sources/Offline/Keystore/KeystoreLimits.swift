/// The bounds a keystore file must respect before any key derivation runs, so a hostile file cannot make
/// the signer allocate gigabytes or spin for hours.
///
/// | parameter | accepted | why |
/// |---|---|---|
/// | file size | ≤ 64 KiB | a real file is ~500 bytes |
/// | scrypt `n` | power of two, 2 … 2^20 | geth standard 2^18, light 2^12 |
/// | scrypt `r` | 1 … 16 | geth uses 8; above 16 at p = 1 swift-crypto's memory default refuses anyway |
/// | scrypt `p` | 1 … 16 | geth standard 1, light 6 |
/// | scrypt memory `128·n·r` | ≤ 1 GiB | standard is 256 MiB |
/// | scrypt work `n·r·p` | ≤ 2^24 | 8× the standard 2^21 (≈ 8 s in release, ≈ 1 min in debug) |
/// | pbkdf2 `c` | 1 … 10,000,000 | geth/ethereum.org vector 262,144 |
/// | `dklen` | 32 … 64 | the format needs 32 bytes; the spec says "≥ 32" |
/// | `salt` | 0 … 1024 bytes | geth writes 32 |
/// | `ciphertext` | 1 … 32 bytes | shorter plaintexts are left-padded with zeros (geth's 30/31-byte vectors) |
/// | `iv` | 16 bytes, `mac` 32 bytes | fixed by AES-128-CTR and Keccak-256 |
///
/// Scrypt parameters inside these bounds can still be refused by RFC 7914's rule N < 2^(16·r), which
/// BoringSSL (swift-crypto) and OpenSSL enforce: go-ethereum's `wikipage_test_vector_scrypt` (n = 2^18,
/// r = 1, p = 8) is such a file. It fails with ``KeystoreError/scryptParametersRefused(n:r:p:reason:)``.
public enum KeystoreLimits {
    /// Largest keystore file accepted, in bytes.
    public static let maximumFileBytes = 64 * 1024
    /// Largest scrypt `n` (a power of two).
    public static let maximumScryptN = 1 << 20
    /// Largest scrypt block size `r`.
    public static let maximumScryptR = 16
    /// Largest scrypt parallelism `p`.
    public static let maximumScryptP = 16
    /// Largest scrypt working memory `128·n·r`, in bytes.
    public static let maximumScryptMemory = 1 << 30
    /// Largest scrypt work factor `n·r·p`.
    public static let maximumScryptWork = 1 << 24
    /// Largest PBKDF2 iteration count `c`.
    public static let maximumPBKDF2Rounds = 10_000_000
    /// Accepted derived-key lengths.
    public static let derivedKeyLengths = 32...64
    /// Accepted salt lengths, in bytes.
    public static let saltLengths = 0...1024
    /// Accepted ciphertext lengths, in bytes.
    public static let ciphertextLengths = 1...32

    static func checkScrypt(n: Int, r: Int, p: Int) throws(KeystoreError) {
        let field = "crypto.kdfparams"
        guard n >= 2, n <= maximumScryptN, n & (n - 1) == 0 else {
            throw .kdfParameterOutOfBounds(field: "\(field).n", found: n, allowed: "a power of two, 2…2^20")
        }
        guard (1...maximumScryptR).contains(r) else {
            throw .kdfParameterOutOfBounds(field: "\(field).r", found: r, allowed: "1…\(maximumScryptR)")
        }
        guard (1...maximumScryptP).contains(p) else {
            throw .kdfParameterOutOfBounds(field: "\(field).p", found: p, allowed: "1…\(maximumScryptP)")
        }
        // n ≤ 2^20 and r ≤ 16, p ≤ 16: none of these products can overflow Int.
        guard 128 * n * r <= maximumScryptMemory else {
            throw .kdfParameterOutOfBounds(field: "\(field).n", found: n, allowed: "128·n·r ≤ 1 GiB (r = \(r))")
        }
        guard n * r * p <= maximumScryptWork else {
            throw .kdfParameterOutOfBounds(
                field: "\(field).p", found: p, allowed: "n·r·p ≤ 2^24 (n = \(n), r = \(r))")
        }
    }

    static func checkRFC7914(n: Int, r: Int, p: Int) throws(KeystoreError) {
        // RFC 7914 §2: N must be less than 2^(128·r/8) = 2^(16·r). Only r ≤ 1 can violate it within our bounds.
        if 16 * r < Int.bitWidth - 1, n >= 1 << (16 * r) {
            throw .scryptParametersRefused(
                n: n, r: r, p: p,
                reason: "RFC 7914 requires N < 2^(16·r) = 2^\(16 * r); BoringSSL and OpenSSL enforce it"
            )
        }
    }

    static func checkPBKDF2(rounds: Int) throws(KeystoreError) {
        guard (1...maximumPBKDF2Rounds).contains(rounds) else {
            throw .kdfParameterOutOfBounds(
                field: "crypto.kdfparams.c", found: rounds, allowed: "1…\(maximumPBKDF2Rounds)")
        }
    }

    static func checkCommon(dklen: Int, saltCount: Int) throws(KeystoreError) {
        guard derivedKeyLengths.contains(dklen) else {
            throw .kdfParameterOutOfBounds(field: "crypto.kdfparams.dklen", found: dklen, allowed: "32…64")
        }
        guard saltLengths.contains(saltCount) else {
            throw .kdfParameterOutOfBounds(
                field: "crypto.kdfparams.salt", found: saltCount, allowed: "0…1024 bytes")
        }
    }
}
