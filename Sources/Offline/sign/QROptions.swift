import ArgumentParser
import BundleFormat
import CommandLineSupport
import EthereumTransactions
import Foundation
import QRBundle
import QRTransport

/// `sign`'s QR options: read the bundle (or an ERC-4527 request) from QR images or a camera, and show the signed
/// transaction (or the `eth-signature`) as QR codes.
struct SignQROptions: ParsableArguments {
    @Option(
        name: .customLong("qr-image"), parsing: .singleValue,
        help: "Read the bundle from this QR image (PNG); repeat for the frames of an animated code, in any order.")
    var images: [String] = []

    @Option(name: .customLong("camera"), help: "Read the bundle from this camera (e.g. /dev/video0).")
    var camera: String?

    @Option(name: .customLong("camera-timeout"), help: "Give up reading the camera after this many seconds.")
    var cameraTimeout: Int = 120

    @Option(
        name: .customLong("qr-png"),
        help: "Also write the signed transaction (or eth-signature) as QR PNG frames into this folder.")
    var pngDirectory: String?

    @Flag(
        name: .customLong("qr-terminal"),
        help: "Also show the signed transaction as QR codes on the terminal (stderr).")
    var terminal = false

    @OptionGroup var density: QRDensityOptions

    /// True when the input comes from QR codes.
    var readsQR: Bool { !images.isEmpty || camera != nil }

    /// Refuses a camera timeout outside 1 s to 1 h.
    func validate() throws {
        try OptionRange.check(cameraTimeout, 1...3_600, option: "--camera-timeout", unit: "seconds")
    }

    /// Exactly one source: BUNDLE, --qr-image or --camera.
    func validateSource(bundle: String?) throws {
        let sources = [bundle != nil, !images.isEmpty, camera != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError("give exactly one of BUNDLE, --qr-image FILE…, --camera DEVICE")
        }
        guard cameraTimeout > 0 else { throw ValidationError("--camera-timeout must be positive") }
    }

    /// Reads the input (BUNDLE or QR codes) after checking that the QR output folder can take the frames, so
    /// nothing is signed when the output would be refused; `overwrite` is the command's `--force`.
    func readInput(bundle: String?, overwrite: Bool) throws -> SignInput {
        if let pngDirectory { try QROutput.checkWritable(directory: pngDirectory, overwrite: overwrite) }
        return try SignInput.read(bundle: bundle, qr: self)
    }

    /// The output settings; `overwrite` is the command's `--force`.
    func output(overwrite: Bool) throws -> QROutput {
        let interactive = Console.stderrIsTerminal && Console.stdinIsTerminal
        return QROutput(
            pngDirectory: pngDirectory,
            terminal: terminal
                ? QRTerminal(framesPerSecond: density.fps, interactive: interactive, size: Console.terminalSize) : nil,
            density: try density.density(), overwrite: overwrite)
    }

    /// Shows the answer as QR codes: an `eth-signature` for an ERC-4527 request (its UR also goes to stderr as
    /// text), otherwise the compact signed transaction, read back before it is shown.
    func emit(_ signed: SignedTransactionFile, for input: SignInput, overwrite: Bool) throws {
        let ur: UR
        if case .signRequest(let request) = input {
            ur = try EthSignature(answering: request, with: signed.transaction).ur
            Console.info("eth-signature for request \(request.requestID?.uuidString.lowercased() ?? "?"): \(ur.string)")
        } else {
            let compact = try CompactSignedTransaction(file: signed)
            let reread = try CompactSignedTransaction(cbor: compact.cbor).file
            guard reread.allTransactions.map(\.rawTransaction) == signed.allTransactions.map(\.rawTransaction) else {
                throw CommandError(
                    kind: "selfCheckFailed", message: "the QR form does not read back as what was signed",
                    exitStatus: .failure)
            }
            ur = compact.ur
        }
        let output = try output(overwrite: overwrite)
        guard output.isActive else { return }
        try output.emit(ur, log: Console.info) { FileHandle.standardError.write(Data($0.utf8)) }
    }
}
