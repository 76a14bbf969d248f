// Times keystore unlocking with geth's standard scrypt cost (n = 2^18, r = 8, p = 1) in this build.
// Usage: keystore-bench [runs]   (build with `swift build -c release --product keystore-bench`)
// Compare with scripts/bench/scrypt_compare.py, which runs the same KDF through Python's hashlib (OpenSSL).
import SigningKeys
import Foundation
import Keystore
import Secp256k1

let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 3
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> String {
    let (whole, attoseconds) = duration.components
    let millis = whole * 1000 + attoseconds / 1_000_000_000_000_000
    return "\(millis / 1000).\(String(millis % 1000).leftPadded(to: 3)) s"
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

do {
    // 1. The bare KDF, on the inputs scripts/bench/scrypt_compare.py uses (a public test password, not a secret).
    let kdf = KeystoreKDF.scrypt(try ScryptParameters(n: 1 << 18, r: 8, p: 1, salt: Array("0123456789abcdef".utf8)))
    let password = SecretBytes(Array("testpassword".utf8))
    for run in 1...runs {
        var derived = SecretBytes([])
        let elapsed = try clock.measure { derived = try kdf.deriveKey(password: password) }
        let prefix = derived.withUnsafeBytes { $0.prefix(4).map { String($0, radix: 16).leftPadded(to: 2) }.joined() }
        print("scrypt n=2^18 r=8 p=1 run \(run): \(seconds(elapsed)) (dk \(prefix)…)")
    }

    // 2. A full unlock: scrypt + MAC + AES-128-CTR + key validation + address check.
    let key = PrivateKey.generate()
    let file = try KeystoreFile.encrypt(key, password: password)
    for run in 1...runs {
        let elapsed = try clock.measure { _ = try file.decrypt(password: password) }
        print("keystore unlock run \(run): \(seconds(elapsed))")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
