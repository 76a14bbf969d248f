import SigningKeys
import TerminalText
import ArgumentParser
import CommandLineSupport
import EthereumPrimitives
import Foundation
import Glibc
import HDKeys
import Keystore
import Secp256k1

/// Where the signing key comes from: exactly one of a V3 keystore, a BIP-39 mnemonic file, or a raw key file.
struct KeyOptions: ParsableArguments {
    @Option(name: .long, help: "V3 keystore file (geth, Foundry, MetaMask export).")
    var keystore: String?

    @Option(name: .long, help: "File holding a BIP-39 mnemonic (English; refused if group/others can read it).")
    var mnemonicFile: String?

    @Option(name: .long, help: "Derivation path for --mnemonic-file.")
    var path: String = "m/44'/60'/0'/0/0"

    @Option(name: .long, help: "File holding a raw private key in hex (refused if group/others can read it).")
    var privateKeyFile: String?

    @Flag(name: .long, help: "Accept a --private-key-file or --mnemonic-file that group or others can read.")
    var allowInsecureKeyFile = false

    @Option(name: .long, help: "File whose first line is the keystore password or mnemonic passphrase (never a flag value).")
    var passwordFile: String?

    func validate() throws {
        let count = [keystore, mnemonicFile, privateKeyFile].compactMap { $0 }.count
        guard count == 1 else {
            throw ValidationError("give exactly one of --keystore, --mnemonic-file, --private-key-file")
        }
    }

    /// Loads the key; the password or passphrase is read from --password-file or a no-echo prompt.
    func loadKey() throws -> PrivateKey {
        try KeySource(
            keystore: keystore, mnemonicFile: mnemonicFile, path: path, privateKeyFile: privateKeyFile,
            allowInsecureKeyFile: allowInsecureKeyFile, passwordFile: passwordFile
        ).load()
    }
}

/// One key source, resolved from options (plain values, so `keys import` can build one too).
struct KeySource {
    var keystore: String?
    var mnemonicFile: String?
    var path: String = "m/44'/60'/0'/0/0"
    var privateKeyFile: String?
    var allowInsecureKeyFile = false
    var passwordFile: String?

    /// Loads the key from whichever source is set.
    func load() throws -> PrivateKey {
        if let keystore {
            let file = try KeystoreFile(jsonData: InputFile.read(keystore, what: .keystore))
            var password = try Secrets.password(file: passwordFile, prompt: "Keystore password: ")
            defer { SecretBytes.wipe(&password) }
            Console.info("Unlocking keystore \(keystore)…")
            return try file.decrypt(password: SecretBytes(password)).checked(against: file.address)
        }
        if let mnemonicFile {
            try Secrets.requirePrivate(mnemonicFile, allowInsecure: allowInsecureKeyFile, what: .mnemonic)
            var phraseBytes = [UInt8](try InputFile.read(mnemonicFile, what: .mnemonic))
            defer { SecretBytes.wipe(&phraseBytes) }
            let phrase = String(decoding: phraseBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            var passphrase = passwordFile == nil ? [] : try Secrets.password(file: passwordFile, prompt: "")
            defer { SecretBytes.wipe(&passphrase) }
            return try Mnemonic(phrase: phrase).ethereumPrivateKey(
                passphrase: String(decoding: passphrase, as: UTF8.self), path: DerivationPath(path))
        }
        guard let privateKeyFile else { throw ValidationError("no key source given") }
        try Secrets.requirePrivate(privateKeyFile, allowInsecure: allowInsecureKeyFile, what: .privateKey)
        var text = [UInt8](try InputFile.read(privateKeyFile, what: .privateKey))
        defer { SecretBytes.wipe(&text) }
        var bytes = try Secrets.hexKey(text)
        defer { SecretBytes.wipe(&bytes) }
        return try PrivateKey(SecretBytes(bytes))
    }
}

extension PrivateKey {
    /// Confirms a decrypted key matches the keystore's declared address, when it declares one.
    func checked(against declared: Address?) throws -> PrivateKey {
        if let declared, declared != address { throw KeystoreError.addressMismatch(declared: declared, derived: address) }
        return self
    }
}

/// Reading secrets without ever echoing or logging them.
enum Secrets {
    /// The first line of `file`, or a no-echo terminal prompt.
    ///
    /// Never an environment variable or flag value.
    static func password(file: String?, prompt: String) throws -> [UInt8] {
        if let file {
            var bytes = [UInt8](try InputFile.read(file, what: .password))
            defer { SecretBytes.wipe(&bytes) }
            let line = bytes.prefix { $0 != 0x0a && $0 != 0x0d }
            return Array(line)
        }
        guard let typed = Console.promptSecret(prompt) else {
            throw CommandError(
                kind: "noPassword", message: "no terminal to ask for the password; use --password-file",
                exitStatus: .noInput)
        }
        return Array(typed.utf8)
    }

    /// Refuses a key or mnemonic file that group or others may read, as ssh does.
    static func requirePrivate(_ path: String, allowInsecure: Bool, what: InputFile.Kind) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CommandError(
                kind: "noInput", message: "\(what.name) \(path.escapedForTerminal) does not exist", exitStatus: .noInput)
        }
        if info.st_mode & 0o077 != 0, !allowInsecure {
            throw CommandError(
                kind: "insecureKeyFile",
                message:
                    "\(what.name) \(path.escapedForTerminal) is readable by group or others (mode \(String(info.st_mode & 0o777, radix: 8))); chmod 600 it or pass --allow-insecure-key-file",
                exitStatus: .noPermission)
        }
    }

    /// 32 key bytes from hex text (optional 0x, surrounding whitespace).
    static func hexKey(_ text: [UInt8]) throws -> [UInt8] {
        let trimmed = text.filter { $0 != 0x0a && $0 != 0x0d && $0 != 0x20 && $0 != 0x09 }
        var body = trimmed
        if body.count >= 2, body[0] == 0x30, body[1] == 0x78 || body[1] == 0x58 { body.removeFirst(2) }
        guard body.count == 64 else {
            throw CommandError(kind: "invalidKey", message: "private key file: expected 64 hex digits", exitStatus: .dataError)
        }
        var key = [UInt8]()
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = hexValue(body[index]), let low = hexValue(body[index + 1]) else {
                throw CommandError(kind: "invalidKey", message: "private key file: not hex", exitStatus: .dataError)
            }
            key.append(high << 4 | low)
        }
        return key
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x57
        case 0x41...0x46: return c - 0x37
        default: return nil
        }
    }
}
