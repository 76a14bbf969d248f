import ArgumentParser
import CommandLineSupport
import EthereumPrimitives
import Foundation
import Keystore
import QRBundle
import QRTransport
import Secp256k1
import SigningKeys
import TerminalText

extension Keys {
    /// Prints a keystore's address, or shows the key as a pairing QR code for `prepare --sender-qr`.
    struct Address: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a keystore's address (derived from the key), or show it as a pairing QR code.",
            discussion: """
                The address printed is derived from the decrypted key (it asks for the password): the file's \
                `address` field is a claim anyone can edit, and a file whose field disagrees with its key is \
                refused. --unverified prints the field without a password, labelled as unverified. With --qr-png \
                or --qr-terminal it shows an ERC-4527 crypto-hdkey QR code of the key's public key for \
                `prepare --sender-qr`: the address comes from the key itself, never from the file's field.
                Examples:
                  sign keys address --keystore cold.json --qr-png pairing.png
                  prepare --sender-qr pairing.png --amount 25 --chain base --rpc-url URL
                """)

        @Option(name: .long, help: "Keystore file.") var keystore: String
        @Option(name: .customLong("qr-png"), help: "Write the pairing QR code (the key's public key) to this PNG file.")
        var qrPNG: String?
        @Flag(name: .customLong("qr-terminal"), help: "Show the pairing QR code on the terminal (stderr).")
        var qrTerminal = false
        @Option(name: .long, help: "File whose first line is the keystore password (otherwise asked, without echo).")
        var passwordFile: String?
        @Flag(name: .long, help: "Replace an existing --qr-png file.") var force = false
        @Flag(name: .long, help: "Print the file's address field without unlocking the key (not checked).")
        var unverified = false

        func validate() throws {
            if unverified, qrPNG != nil || qrTerminal || passwordFile != nil {
                throw ValidationError("--unverified reads only the file's field: it takes no password and cannot pair")
            }
        }

        func run() async throws {
            try await CommandRunner.run(json: false) {
                let file = try KeystoreFile(jsonData: InputFile.read(keystore, what: .keystore))
                if unverified { return try printUnverified(file) }
                guard qrPNG != nil || qrTerminal else { return try printDerived(file) }
                if let qrPNG, !force, FileManager.default.fileExists(atPath: qrPNG) {
                    throw QRBundleError.outputExists(path: qrPNG)
                }
                let key = try unlock(file)
                let ur = try PairingCode.ur(for: key.publicKey, origin: nil, name: "ColdCredits sign")
                guard try PairingCode.address(from: ur) == key.address else {
                    throw CommandError(
                        kind: "selfCheckFailed", message: "the pairing code does not read back as the key's address",
                        exitStatus: .failure)
                }
                if let qrPNG {
                    try AtomicFileWriter.write(PairingCode.png(ur), to: qrPNG, overwrite: force) { written in
                        let payloads = try QRDecoder().decode(PNGCodec.decode(written))
                        guard payloads.count == 1 else { throw QRBundleError.noQRCode(source: qrPNG) }
                    }
                    Console.info("Wrote the pairing code for \(key.address.checksummed) to \(qrPNG)")
                }
                if qrTerminal {
                    Console.writeText(try PairingCode.matrix(ur).terminalString() + "\n")
                    Console.info("Pairing code (ur:\(ur.type)) for \(key.address.checksummed)")
                }
                Console.writeArtifactLine(key.address.checksummed)
            }
        }

        /// The file's `address` field, labelled as the unchecked claim it is.
        func printUnverified(_ file: KeystoreFile) throws {
            guard let claimed = file.address else {
                throw CommandError(
                    kind: "missingField",
                    message:
                        "keystore \(keystore.escapedForTerminal): no address field; run without --unverified to derive it from the key",
                    exitStatus: .dataError)
            }
            Console.info(
                "The keystore file's address field, NOT verified against the key (anyone can edit it); "
                    + "run without --unverified to derive the address from the key.")
            Console.writeArtifactLine(claimed.checksummed)
        }

        /// The address derived from the decrypted key; a file whose field names another address is refused.
        func printDerived(_ file: KeystoreFile) throws {
            let derived = try decryptKey(file).checked(against: file.address).address
            Console.info("Derived from the key" + (file.address == nil ? " (the file has no address field)." : "."))
            Console.writeArtifactLine(derived.checksummed)
        }

        /// Decrypts the key for pairing; the address is the key's own, and a file that declares another one is named.
        func unlock(_ file: KeystoreFile) throws -> PrivateKey {
            let key = try decryptKey(file)
            if let declared = file.address, declared != key.address {
                Console.warning(
                    "the keystore's address field says \(declared.checksummed) but the key is "
                        + "\(key.address.checksummed); pairing the key's own address (sign refuses this file "
                        + "until its address field is corrected)")
            }
            return key
        }

        /// Asks for the password and decrypts the key with the file's address field set aside: the MAC proves the
        /// password, the key gives the address; each caller decides what a disagreeing field means.
        func decryptKey(_ file: KeystoreFile) throws -> PrivateKey {
            var password = try Secrets.password(file: passwordFile, prompt: "Keystore password: ")
            defer { SecretBytes.wipe(&password) }
            Console.info("Unlocking keystore \(keystore.escapedForTerminal)…")
            let anonymous = KeystoreFile(id: UUID(uuidString: file.id) ?? UUID(), address: nil, crypto: file.crypto)
            return try anonymous.decrypt(password: SecretBytes(password))
        }
    }
}
