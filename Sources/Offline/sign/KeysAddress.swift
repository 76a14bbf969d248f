import ArgumentParser
import CommandLineSupport
import EthereumPrimitives
import Foundation
import Keystore
import QRBundle
import QRTransport
import Secp256k1
import SigningKeys

extension Keys {
    /// Prints a keystore's address, or shows the key as a pairing QR code for `prepare --sender-qr`.
    struct Address: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a keystore's address, or show the key as a pairing QR code for `prepare --sender-qr`.",
            discussion: """
                Without a QR option this prints the address the file declares (no password needed). With --qr-png \
                or --qr-terminal it unlocks the keystore and shows an ERC-4527 crypto-hdkey QR code of the key's \
                public key: the address comes from the key itself, never from the file's address field.
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

        func validate() throws {
            if passwordFile != nil, qrPNG == nil, !qrTerminal {
                throw ValidationError("--password-file is only needed with --qr-png or --qr-terminal")
            }
        }

        func run() async throws {
            try await CommandRunner.run(json: false) {
                let file = try KeystoreFile(jsonData: InputFile.read(keystore, what: .keystore))
                guard qrPNG != nil || qrTerminal else {
                    Console.writeArtifactLine(try file.requireAddress().checksummed)
                    return
                }
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

        /// Decrypts the key; the address is the key's own, and a file that declares another one is named.
        func unlock(_ file: KeystoreFile) throws -> PrivateKey {
            var password = try Secrets.password(file: passwordFile, prompt: "Keystore password: ")
            defer { SecretBytes.wipe(&password) }
            Console.info("Unlocking keystore \(keystore)…")
            // The file's address field plays no part: the MAC proves the password, the key gives the address.
            let anonymous = KeystoreFile(id: UUID(uuidString: file.id) ?? UUID(), address: nil, crypto: file.crypto)
            let key = try anonymous.decrypt(password: SecretBytes(password))
            if let declared = file.address, declared != key.address {
                Console.warning(
                    "the keystore's address field says \(declared.checksummed) but the key is "
                        + "\(key.address.checksummed); pairing the key's own address (sign refuses this file "
                        + "until its address field is corrected)")
            }
            return key
        }
    }
}
