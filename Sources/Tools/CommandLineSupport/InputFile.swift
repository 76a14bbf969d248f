import TerminalText
public import BundleFormat
public import Foundation

/// Reads command inputs: a path, or `-` for stdin, each kind with its size cap.
///
/// A missing or unreadable file is exit 66 with the path named. A file larger than its kind's cap is refused
/// from its size (`fstat`) before anything is read, and stdin is read with the same bound: ``inputTooLarge``,
/// exit 65, naming the file, the size found and the cap. The caps (formats/README.md has the table):
///
/// | kind | cap |
/// |---|---|
/// | bundle, signed transaction, policy, approvals, network, charge file | 1 MiB (``InputLimit/document``) |
/// | keystore, private key, mnemonic, password, API key file | 64 KiB (``InputLimit/secretFile``) |
/// | signing ledger, audit log (read by their own modules) | 64 MiB (``InputLimit/log``) |
/// | QR image file (read by QRTransport) | 16 MiB, 20 Mpixel decoded |
public enum InputFile {
    /// A kind of input: its name in messages and its size cap.
    public struct Kind: Sendable, Equatable {
        /// The name used in messages (`bundle`, `policy file`).
        public let name: String
        /// The largest accepted size in bytes.
        public let cap: UInt64

        /// A kind named `name` with the cap `cap`.
        public init(_ name: String, cap: UInt64) {
            self.name = name
            self.cap = cap
        }

        /// An unsigned bundle.
        public static let bundle = Kind("bundle", cap: InputLimit.document)
        /// A signed-transaction file.
        public static let signedTransaction = Kind("signed transaction", cap: InputLimit.document)
        /// A policy file.
        public static let policy = Kind("policy file", cap: InputLimit.document)
        /// An approvals file.
        public static let approvals = Kind("approvals file", cap: InputLimit.document)
        /// A network file.
        public static let network = Kind("network file", cap: InputLimit.document)
        /// A saved charge (API response).
        public static let charge = Kind("charge file", cap: InputLimit.document)
        /// A keystore.
        public static let keystore = Kind("keystore", cap: InputLimit.secretFile)
        /// A raw private key file.
        public static let privateKey = Kind("private key file", cap: InputLimit.secretFile)
        /// A mnemonic file.
        public static let mnemonic = Kind("mnemonic file", cap: InputLimit.secretFile)
        /// A password file.
        public static let password = Kind("password file", cap: InputLimit.secretFile)
        /// An API key file.
        public static let apiKey = Kind("API key file", cap: InputLimit.secretFile)
    }

    /// The bytes of `path`, or of stdin for `-`, refused when larger than `kind`'s cap.
    public static func read(_ path: String, what kind: Kind) throws -> Data {
        do {
            if path == "-" {
                return Data(try BoundedFile.read(descriptor: 0, path: "(stdin)", what: kind.name, cap: kind.cap))
            }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw CommandError(
                    kind: "noInput", message: "\(kind.name) \(path.escapedForTerminal) does not exist or cannot be read",
                    exitStatus: .noInput)
            }
            return Data(try BoundedFile.read(path, what: kind.name, cap: kind.cap))
        } catch let error as FileAccessError {
            throw CommandError(error)
        }
    }
}

extension CommandError {
    /// The command error for a file-helper failure: an oversized input is a data error (65), a locked file a
    /// temporary failure (75), an unreadable one missing input (66), an unwritable one 73.
    public init(_ error: FileAccessError) {
        let status: ExitStatus
        switch error {
        case .inputTooLarge: status = .dataError
        case .locked: status = .temporaryFailure
        case .cannotOpen, .cannotRead: status = .noInput
        case .cannotWrite: status = .cannotCreate
        }
        self.init(kind: error.kind, message: error.description, exitStatus: status)
    }
}
