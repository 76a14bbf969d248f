import EthereumPrimitives
import StrictJSON

/// The `crypto` object of a V3 keystore: cipher, KDF and MAC.
///
/// The cipher is always `aes-128-ctr`; any other value is refused when reading.
public struct KeystoreCrypto: Equatable, Sendable {
    /// The only cipher the V3 format (as geth writes it) uses.
    public static let cipherName = "aes-128-ctr"

    /// The 16-byte AES-CTR initial counter block (`cipherparams.iv`).
    public let iv: [UInt8]
    /// The encrypted private key (usually 32 bytes; older writers dropped leading zero bytes).
    public let ciphertext: [UInt8]
    /// The key-derivation function and its parameters.
    public let kdf: KeystoreKDF
    /// Keccak-256 of `derivedKey[16..<32] ‖ ciphertext`.
    public let mac: [UInt8]

    /// Checks byte lengths: a 16-byte IV, 1…32 bytes of ciphertext, a 32-byte MAC.
    public init(iv: [UInt8], ciphertext: [UInt8], kdf: KeystoreKDF, mac: [UInt8]) throws(KeystoreError) {
        guard iv.count == 16 else {
            throw .invalidField(field: "crypto.cipherparams.iv", reason: "expected 16 bytes, found \(iv.count)")
        }
        guard KeystoreLimits.ciphertextLengths.contains(ciphertext.count) else {
            throw .invalidField(field: "crypto.ciphertext", reason: "expected 1…32 bytes, found \(ciphertext.count)")
        }
        guard mac.count == 32 else {
            throw .invalidField(field: "crypto.mac", reason: "expected 32 bytes, found \(mac.count)")
        }
        (self.iv, self.ciphertext, self.kdf, self.mac) = (iv, ciphertext, kdf, mac)
    }
}

extension KeystoreCrypto {
    static let members: Set<String> = ["cipher", "cipherparams", "ciphertext", "kdf", "kdfparams", "mac"]

    /// Reads the `crypto` object strictly.
    init(strict reader: KeystoreReader) throws(KeystoreError) {
        var object = try reader.strictObject(allowed: Self.members)
        let cipher = try object.string("cipher")
        guard cipher == Self.cipherName else { throw .unsupportedCipher(found: cipher) }
        var cipherParameters = try object.field("cipherparams").strictObject(allowed: ["iv"])
        let iv = try cipherParameters.hex("iv", lengths: 16...16)
        let ciphertext = try object.hex("ciphertext", lengths: KeystoreLimits.ciphertextLengths)
        let mac = try object.hex("mac", lengths: 32...32)
        let kdf: KeystoreKDF
        switch try object.string("kdf") {
        case "scrypt":
            var parameters = try object.field("kdfparams").strictObject(allowed: ["dklen", "n", "r", "p", "salt"])
            kdf = .scrypt(
                try ScryptParameters(
                    n: try parameters.int("n"), r: try parameters.int("r"), p: try parameters.int("p"),
                    dklen: try parameters.int("dklen"),
                    salt: try parameters.hex("salt", lengths: KeystoreLimits.saltLengths)))
        case "pbkdf2":
            var parameters = try object.field("kdfparams").strictObject(allowed: ["c", "dklen", "prf", "salt"])
            let prf = try parameters.string("prf")
            guard prf == "hmac-sha256" else { throw .unsupportedPRF(found: prf) }
            kdf = .pbkdf2(
                try PBKDF2Parameters(
                    c: try parameters.int("c"), dklen: try parameters.int("dklen"),
                    salt: try parameters.hex("salt", lengths: KeystoreLimits.saltLengths)))
        case let other:
            throw .unsupportedKDF(found: other)
        }
        try self.init(iv: iv, ciphertext: ciphertext, kdf: kdf, mac: mac)
    }

    /// The JSON form geth writes (hex without `0x`, lower case).
    var jsonObject: JSONValue {
        let parameters: JSONValue
        switch kdf {
        case .scrypt(let s):
            parameters = [
                "dklen": JSONValue(s.dklen), "n": JSONValue(s.n), "r": JSONValue(s.r), "p": JSONValue(s.p),
                "salt": .string(hex(s.salt)),
            ]
        case .pbkdf2(let s):
            parameters = [
                "dklen": JSONValue(s.dklen), "c": JSONValue(s.c), "prf": "hmac-sha256", "salt": .string(hex(s.salt)),
            ]
        }
        return [
            "cipher": .string(Self.cipherName), "cipherparams": ["iv": .string(hex(iv))],
            "ciphertext": .string(hex(ciphertext)), "kdf": .string(kdf.name), "kdfparams": parameters,
            "mac": .string(hex(mac)),
        ]
    }

    private func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes, prefix: false) }
}
