/// The key-derivation function of a keystore and its parameters (`crypto.kdf` + `crypto.kdfparams`).
///
/// Values of this type always lie within ``KeystoreLimits``: the initialisers check them.
public enum KeystoreKDF: Equatable, Sendable {
    /// scrypt with cost `n`, block size `r`, parallelism `p`.
    case scrypt(ScryptParameters)
    /// PBKDF2-HMAC-SHA256 with `c` rounds (the only PRF the format allows).
    case pbkdf2(PBKDF2Parameters)

    /// The `crypto.kdf` name.
    public var name: String {
        switch self {
        case .scrypt: return "scrypt"
        case .pbkdf2: return "pbkdf2"
        }
    }

    /// The salt fed to the KDF.
    public var salt: [UInt8] {
        switch self {
        case .scrypt(let parameters): return parameters.salt
        case .pbkdf2(let parameters): return parameters.salt
        }
    }

    /// The derived-key length the file declares (only the first 32 bytes are used).
    public var derivedKeyLength: Int {
        switch self {
        case .scrypt(let parameters): return parameters.dklen
        case .pbkdf2(let parameters): return parameters.dklen
        }
    }
}

/// scrypt parameters as a V3 keystore stores them.
public struct ScryptParameters: Equatable, Sendable {
    /// CPU/memory cost, a power of two.
    public let n: Int
    /// Block size.
    public let r: Int
    /// Parallelism.
    public let p: Int
    /// Derived-key length in bytes.
    public let dklen: Int
    /// Salt bytes.
    public let salt: [UInt8]

    /// Checks the values against ``KeystoreLimits``.
    public init(n: Int, r: Int, p: Int, dklen: Int = 32, salt: [UInt8]) throws(KeystoreError) {
        try KeystoreLimits.checkScrypt(n: n, r: r, p: p)
        try KeystoreLimits.checkCommon(dklen: dklen, saltCount: salt.count)
        (self.n, self.r, self.p, self.dklen, self.salt) = (n, r, p, dklen, salt)
    }
}

/// PBKDF2-HMAC-SHA256 parameters as a V3 keystore stores them (`prf` is always `hmac-sha256`).
public struct PBKDF2Parameters: Equatable, Sendable {
    /// Iteration count.
    public let c: Int
    /// Derived-key length in bytes.
    public let dklen: Int
    /// Salt bytes.
    public let salt: [UInt8]

    /// Checks the values against ``KeystoreLimits``.
    public init(c: Int, dklen: Int = 32, salt: [UInt8]) throws(KeystoreError) {
        try KeystoreLimits.checkPBKDF2(rounds: c)
        try KeystoreLimits.checkCommon(dklen: dklen, saltCount: salt.count)
        (self.c, self.dklen, self.salt) = (c, dklen, salt)
    }
}

/// How to protect a new keystore: the KDF and its cost, without the salt (which is drawn fresh or injected).
public enum KeystoreKDFSettings: Equatable, Sendable {
    /// scrypt with the given cost.
    case scrypt(n: Int, r: Int, p: Int)
    /// PBKDF2-HMAC-SHA256 with the given rounds.
    case pbkdf2(rounds: Int)

    /// geth's standard: scrypt n = 2^18, r = 8, p = 1 (≈ 256 MiB, about 1 s in a release build).
    public static let standard = KeystoreKDFSettings.scrypt(n: 1 << 18, r: 8, p: 1)
    /// geth's `--lightkdf`: scrypt n = 2^12, r = 8, p = 6 (≈ 4 MiB).
    public static let light = KeystoreKDFSettings.scrypt(n: 1 << 12, r: 8, p: 6)

    func parameters(salt: [UInt8]) throws(KeystoreError) -> KeystoreKDF {
        switch self {
        case .scrypt(let n, let r, let p): return .scrypt(try ScryptParameters(n: n, r: r, p: p, salt: salt))
        case .pbkdf2(let rounds): return .pbkdf2(try PBKDF2Parameters(c: rounds, salt: salt))
        }
    }
}
