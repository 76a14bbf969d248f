import SigningKeys
import Foundation
import Keystore
import Secp256k1
import Testing
import TestSupport

/// Strict reading: every departure from the V3 format, or from the KDF bounds, is a named error.
@Suite("Strict keystore reading")
struct KeystoreStrictReadingTests {
    /// very-light-scrypt.json with `change` applied to its JSON object.
    static func mutated(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try Fixtures.vectorJSON("keystore/very-light-scrypt.json") as? [String: Any])
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func setCrypto(_ key: String, _ value: Any) -> (inout [String: Any]) -> Void {
        { object in
            var crypto = object["crypto"] as? [String: Any] ?? [:]
            crypto[key] = value
            object["crypto"] = crypto
        }
    }

    static func setKDFParameter(_ key: String, _ value: Any?) -> (inout [String: Any]) -> Void {
        { object in
            var crypto = object["crypto"] as? [String: Any] ?? [:]
            var parameters = crypto["kdfparams"] as? [String: Any] ?? [:]
            parameters[key] = value
            crypto["kdfparams"] = parameters
            object["crypto"] = crypto
        }
    }

    nonisolated(unsafe) static let pbkdf2Parameters: [String: Any] = [
        "c": 1000, "dklen": 32, "prf": "hmac-sha256",
        "salt": "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd",
    ]

    // Immutable test data; the closures only mutate their argument.
    nonisolated(unsafe) static let cases: [(String, KeystoreError, (inout [String: Any]) -> Void)] = [
        ("version 1", .unsupportedVersion(found: 1), { $0["version"] = 1 }),
        ("version as text", .invalidField(field: "version", reason: "expected an integer"), { $0["version"] = "3" }),
        ("missing id", .missingField("id"), { $0["id"] = nil }),
        (
            "id not a UUID", .invalidField(field: "id", reason: "expected a UUID (8-4-4-4-12 hex digits)"),
            { $0["id"] = "not-a-uuid" }
        ),
        ("unknown top-level member", .unexpectedField("foo"), { $0["foo"] = 1 }),
        ("missing crypto", .missingField("crypto"), { $0["crypto"] = nil }),
        ("AES-CBC cipher", .unsupportedCipher(found: "aes-128-cbc"), setCrypto("cipher", "aes-128-cbc")),
        ("unknown KDF", .unsupportedKDF(found: "argon2id"), setCrypto("kdf", "argon2id")),
        ("unknown crypto member", .unexpectedField("crypto.extra"), setCrypto("extra", true)),
        (
            "short IV", .invalidField(field: "crypto.cipherparams.iv", reason: "expected 16 bytes, found 15"),
            setCrypto("cipherparams", ["iv": "dc4926b48a105133d2f16b96833abf"])
        ),
        (
            "non-hex MAC",
            .invalidField(field: "crypto.mac", reason: "crypto.mac: 'z' at offset 0 is not a hex digit"),
            setCrypto("mac", "z" + String(repeating: "0", count: 63))
        ),
        (
            "33-byte ciphertext", .invalidField(field: "crypto.ciphertext", reason: "expected 1…32 bytes, found 33"),
            setCrypto("ciphertext", String(repeating: "ab", count: 33))
        ),
        (
            "scrypt n not a power of two",
            .kdfParameterOutOfBounds(field: "crypto.kdfparams.n", found: 3, allowed: "a power of two, 2…2^20"),
            setKDFParameter("n", 3)
        ),
        (
            "scrypt n of 2^21",
            .kdfParameterOutOfBounds(field: "crypto.kdfparams.n", found: 1 << 21, allowed: "a power of two, 2…2^20"),
            setKDFParameter("n", 1 << 21)
        ),
        (
            "scrypt r of 0", .kdfParameterOutOfBounds(field: "crypto.kdfparams.r", found: 0, allowed: "1…16"),
            setKDFParameter("r", 0)
        ),
        (
            "scrypt p of 1000", .kdfParameterOutOfBounds(field: "crypto.kdfparams.p", found: 1000, allowed: "1…16"),
            setKDFParameter("p", 1000)
        ),
        (
            "scrypt memory above 1 GiB",
            .kdfParameterOutOfBounds(field: "crypto.kdfparams.n", found: 1 << 20, allowed: "128·n·r ≤ 1 GiB (r = 16)"),
            { object in
                setKDFParameter("n", 1 << 20)(&object); setKDFParameter("r", 16)(&object)
            }
        ),
        (
            "scrypt work above 2^24",
            .kdfParameterOutOfBounds(
                field: "crypto.kdfparams.p", found: 16, allowed: "n·r·p ≤ 2^24 (n = 262144, r = 8)"),
            { object in
                setKDFParameter("n", 1 << 18)(&object); setKDFParameter("p", 16)(&object)
            }
        ),
        (
            "dklen of 16", .kdfParameterOutOfBounds(field: "crypto.kdfparams.dklen", found: 16, allowed: "32…64"),
            setKDFParameter("dklen", 16)
        ),
        ("missing salt", .missingField("crypto.kdfparams.salt"), setKDFParameter("salt", nil)),
        ("pbkdf2 member in scrypt parameters", .unexpectedField("crypto.kdfparams.c"), setKDFParameter("c", 1)),
        (
            "pbkdf2 with HMAC-SHA512", .unsupportedPRF(found: "hmac-sha512"),
            { object in
                setCrypto("kdf", "pbkdf2")(&object)
                var parameters = pbkdf2Parameters
                parameters["prf"] = "hmac-sha512"
                setCrypto("kdfparams", parameters)(&object)
            }
        ),
        (
            "pbkdf2 with 20 million rounds",
            .kdfParameterOutOfBounds(field: "crypto.kdfparams.c", found: 20_000_000, allowed: "1…10000000"),
            { object in
                setCrypto("kdf", "pbkdf2")(&object)
                var parameters = pbkdf2Parameters
                parameters["c"] = 20_000_000
                setCrypto("kdfparams", parameters)(&object)
            }
        ),
        (
            "address of 19 bytes",
            .invalidField(field: "address", reason: "address: expected 20 bytes, found 19"),
            { $0["address"] = String(repeating: "ab", count: 19) }
        ),
    ]

    @Test("each malformed variant of a valid file is refused with its own error", arguments: cases.indices)
    func refusesMalformedVariant(index: Int) throws {
        let (label, expected, change) = Self.cases[index]
        let data = try Self.mutated(change)
        #expect(throws: expected, "\(label)") { try KeystoreFile(jsonData: data) }
    }

    @Test("a mixed-case address with a wrong EIP-55 checksum is refused")
    func refusesBadAddressChecksum() throws {
        let data = try Self.mutated { $0["address"] = "45DEA0fb0bba44f4fcf290bba71fd57d7117cbb8" }
        #expect {
            try KeystoreFile(jsonData: data)
        } throws: { error in
            guard case KeystoreError.invalidField(field: "address", let reason) = error else { return false }
            return reason.contains("EIP-55 checksum mismatch")
        }
    }

    @Test("a JSON array is not a keystore")
    func refusesNonObject() {
        #expect(throws: KeystoreError.malformedJSON(reason: "expected a JSON object")) {
            try KeystoreFile(jsonData: Data("[1, 2]".utf8))
        }
    }

    @Test("a file over 64 KiB is refused before parsing")
    func refusesOversizedFile() {
        let data = Data(repeating: 0x20, count: 64 * 1024 + 1)
        #expect(throws: KeystoreError.fileTooLarge(bytes: 64 * 1024 + 1, limit: 64 * 1024)) {
            try KeystoreFile(jsonData: data)
        }
    }

    @Test("legacy Crypto spelling, 0x-prefixed address and x- extension members are read")
    func acceptsToleratedVariants() throws {
        let data = try Self.mutated { object in
            object["Crypto"] = object["crypto"]
            object["crypto"] = nil
            object["address"] = "0x45dea0fb0bba44f4fcf290bba71fd57d7117cbb8"
            object["x-ethers"] = ["client": "ethers.js"]
        }
        let file = try KeystoreFile(jsonData: data)
        #expect(try file.decrypt(password: "").address == file.requireAddress())
    }

    @Test("both crypto and Crypto in one file is ambiguous and refused")
    func refusesBothCryptoSpellings() throws {
        let data = try Self.mutated { object in object["Crypto"] = object["crypto"] }
        #expect(throws: KeystoreError.unexpectedField("Crypto")) { try KeystoreFile(jsonData: data) }
    }
}
