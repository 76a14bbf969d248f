import SigningKeys
import ArgumentParser
import CommandLineSupport
import EthereumPrimitives
import Foundation
import Keystore
import Secp256k1

/// `sign keys …`: key management on the cold machine, without any other tool.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Create, import and inspect keystores.",
        subcommands: [New.self, Import.self, Address.self])

    /// Creates a keystore for a fresh random key.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a new key in a V3 keystore (scrypt n=2^18, r=8, p=1).")

        @Option(name: .long, help: "Keystore file to create.") var out: String
        @Option(name: .long, help: "File whose first line is the new password; otherwise asked twice.") var passwordFile: String?
        @Flag(name: .long, help: Keys.insecureKDFHelp) var insecureFastKDF = false

        func run() async throws {
            try await CommandRunner.run(json: false) {
                try Keys.checkOutput(out)
                try Keys.store(PrivateKey.generate(), out: out, passwordFile: passwordFile, light: insecureFastKDF)
            }
        }
    }

    /// Protects an existing key (raw file or mnemonic) with a keystore.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a raw key or a mnemonic-derived key into a new keystore.")

        @Option(name: .long, help: "File holding a raw private key in hex.") var privateKeyFile: String?
        @Option(name: .long, help: "File holding a BIP-39 mnemonic.") var mnemonicFile: String?
        @Option(name: .long, help: "Derivation path for --mnemonic-file.") var path: String = "m/44'/60'/0'/0/0"
        @Flag(name: .long, help: "Accept a --private-key-file or --mnemonic-file that group or others can read.")
        var allowInsecureKeyFile = false
        @Option(name: .long, help: "File holding the mnemonic's passphrase (first line).") var passphraseFile: String?
        @Option(name: .long, help: "Keystore file to create.") var out: String
        @Option(name: .long, help: "File whose first line is the new keystore password.") var passwordFile: String?
        @Flag(name: .long, help: Keys.insecureKDFHelp) var insecureFastKDF = false

        func validate() throws {
            guard (privateKeyFile == nil) != (mnemonicFile == nil) else {
                throw ValidationError("give exactly one of --private-key-file, --mnemonic-file")
            }
        }

        func run() async throws {
            try await CommandRunner.run(json: false) {
                try Keys.checkOutput(out)
                let source = KeySource(
                    mnemonicFile: mnemonicFile, path: path, privateKeyFile: privateKeyFile,
                    allowInsecureKeyFile: allowInsecureKeyFile, passwordFile: passphraseFile)
                try Keys.store(try source.load(), out: out, passwordFile: passwordFile, light: insecureFastKDF)
            }
        }
    }

    /// Refuses an existing or unwritable `--out` before any password prompt or scrypt run.
    ///
    /// A keystore is never replaced (that could lose the only copy of a key), so no `--force` is offered.
    static func checkOutput(_ out: String) throws {
        try OutputCheck.writable(
            out, overwrite: false,
            whenExists: "a keystore is never replaced (that could lose a key); move it away or choose another --out")
    }

    /// The help of `--insecure-fast-kdf`: what it weakens, in its name and its text.
    static let insecureKDFHelp = ArgumentHelp(
        "INSECURE: encrypt with scrypt n=2^12 instead of 2^18 (64 times cheaper to brute-force); tests and demos only.")

    /// Encrypts `key` into a new keystore at `out` (0600, atomic, never overwriting) and prints its address.
    ///
    /// The output is checked (and a crashed run's temporary keystores removed) before any password is read.
    static func store(_ key: PrivateKey, out: String, passwordFile: String?, light: Bool) throws {
        try OutputCheck.writable(out, overwrite: false)
        var password = try Secrets.password(file: passwordFile, prompt: "New keystore password: ")
        defer { SecretBytes.wipe(&password) }
        if passwordFile == nil {
            var again = try Secrets.password(file: nil, prompt: "Repeat the password: ")
            defer { SecretBytes.wipe(&again) }
            guard again == password else {
                throw CommandError(kind: "passwordMismatch", message: "the passwords differ; nothing written", exitStatus: .usage)
            }
        }
        guard !password.isEmpty else {
            throw CommandError(kind: "emptyPassword", message: "refusing an empty keystore password", exitStatus: .usage)
        }
        if light {
            Console.warning("--insecure-fast-kdf: scrypt n=2^12 protects this key 64 times less; for tests and demos only")
        }
        Console.info("Encrypting (scrypt)…")
        let file = try KeystoreFile.encrypt(
            key, password: SecretBytes(password),
            kdf: light ? .light : .standard)
        try AtomicFileWriter.write(file.encode(), to: out, overwrite: false, mode: 0o600) { written in
            let reread = try KeystoreFile(jsonData: written)
            guard try reread.decrypt(password: SecretBytes(password)).address == key.address else {
                throw KeystoreError.addressMismatch(declared: key.address, derived: reread.address ?? key.address)
            }
        }
        Console.info("Wrote \(out)")
        Console.writeArtifactLine(key.address.checksummed)
    }
}
