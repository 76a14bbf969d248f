import Foundation
import Keystore
import Secp256k1
import SigningKeys

/// `coldcredits-bench keystore [runs]`: keystore unlocking at geth's standard scrypt cost in this build.
///
/// The cost is n = 2^18, r = 8, p = 1; scripts/bench/scrypt_compare.py runs the same KDF through Python's hashlib
/// (OpenSSL).
enum KeystoreBench {
    /// Times the bare KDF and a full unlock `runs` times each; prints one line per run.
    static func run(runs: Int) throws {
        let clock = ContinuousClock()
        // 1. The bare KDF, on the inputs scrypt_compare.py uses (a public test password, not a secret).
        let kdf = KeystoreKDF.scrypt(try ScryptParameters(n: 1 << 18, r: 8, p: 1, salt: Array("0123456789abcdef".utf8)))
        let password = SecretBytes(Array("testpassword".utf8))
        for run in 1...runs {
            var derived = SecretBytes([])
            let elapsed = try clock.measure { derived = try kdf.deriveKey(password: password) }
            let prefix = derived.withUnsafeBytes { $0.prefix(4).map { hexByte($0) }.joined() }
            print("scrypt n=2^18 r=8 p=1 run \(run): \(seconds(elapsed)) (dk \(prefix)…)")
        }
        // 2. A full unlock: scrypt + MAC + AES-128-CTR + key validation + address check.
        let file = try KeystoreFile.encrypt(PrivateKey.generate(), password: password)
        for run in 1...runs {
            let elapsed = try clock.measure { _ = try file.decrypt(password: password) }
            print("keystore unlock run \(run): \(seconds(elapsed))")
        }
    }

    /// "1.234 s".
    static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let millis = whole * 1000 + attoseconds / 1_000_000_000_000_000
        let fraction = String(millis % 1000)
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
    }

    /// Two lower-case hex digits.
    static func hexByte(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16)
        return text.count == 1 ? "0" + text : text
    }
}
