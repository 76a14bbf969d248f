import ArgumentParser
import BundleFormat
public import CommandLineSupport
import Foundation
public import QRBundle
import QRTransport

/// `prepare`'s QR options: show the unsigned bundle as QR codes — ColdCredits' compact form, or an ERC-4527
/// `eth-sign-request` any ERC-4527 signer can sign — as PNG frames and/or on the terminal.
struct PrepareQROptions: ParsableArguments {
    /// What the QR codes carry.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// `ur:coldcredits-bundle`: the whole bundle, about 300 bytes, one frame (for ColdCredits `sign`).
        case coldcredits
        /// `ur:eth-sign-request`: the unsigned transaction only, about 720 bytes (for any ERC-4527 signer).
        case erc4527
    }

    @Option(
        name: .customLong("qr-png"),
        help: "Also write the bundle as QR PNG frames (frame-001.png, …) into this folder.")
    var pngDirectory: String?

    @Flag(
        name: .customLong("qr-terminal"),
        help: "Also show the bundle as QR codes on the terminal (stderr); animated when it needs several frames.")
    var terminal = false

    @Option(
        name: .customLong("qr-format"),
        help: "What the QR codes carry: coldcredits (compact bundle) or erc4527 (eth-sign-request).")
    var format: Format = .coldcredits

    @OptionGroup var density: QRDensityOptions

    @Option(
        name: .customLong("qr-derivation-path"),
        help: "For --qr-format erc4527: the signing key's derivation path.")
    var derivationPath: String = "m/44'/60'/0'/0/0"

    @Option(
        name: .customLong("qr-source-fingerprint"),
        help: "For --qr-format erc4527: the master key fingerprint (8 hex digits).")
    var sourceFingerprint: String?

    func validate() throws {
        _ = try keypath()
    }

    /// The derivation path with its optional fingerprint.
    func keypath() throws -> CryptoKeypath {
        var fingerprint: UInt32?
        if let sourceFingerprint {
            guard sourceFingerprint.count == 8, let value = UInt32(sourceFingerprint, radix: 16), value != 0 else {
                throw ValidationError("--qr-source-fingerprint: expected 8 hex digits, not all zero")
            }
            fingerprint = value
        }
        do { return try CryptoKeypath(path: derivationPath, sourceFingerprint: fingerprint) } catch {
            throw ValidationError("--qr-derivation-path: \(error)")
        }
    }

    /// Refuses early (before the bundle is written) when the PNG folder already holds frames and `--force` is
    /// not given.
    func checkOutput(overwrite: Bool) throws {
        if let pngDirectory { try QROutput.checkWritable(directory: pngDirectory, overwrite: overwrite) }
    }

    /// Shows `bundle` as QR codes in the chosen format, when asked to: the compact form of its kind
    /// (`ur:coldcredits-bundle` or `ur:coldcredits-checkout`), read back before it is shown, or ERC-4527.
    func emit(_ bundle: UnsignedBundle, overwrite: Bool) throws {
        guard pngDirectory != nil || terminal else { return }
        let ur: UR
        switch format {
        case .coldcredits:
            ur = try bundle.compactUR()
            guard try UnsignedBundle(compactUR: ur).signingHash == bundle.signingHash else {
                throw CommandError(
                    kind: "selfCheckFailed", message: "the QR form does not read back as the bundle",
                    exitStatus: .failure)
            }
            if try UnsignedBundle(compactUR: ur).canonicalJSON() != bundle.canonicalJSON() {
                Console.warning(
                    "the request holds fields the QR form does not carry; the transaction and signing hash are "
                        + "exact, but the signed file's unsignedBundleHash will not be this file's hash")
            }
        case .erc4527:
            let request = EthSignRequest(bundle: bundle, derivationPath: try keypath())
            Console.info(
                "eth-sign-request \(request.requestID?.uuidString.lowercased() ?? "?") for \(bundle.from) "
                    + "at \(request.derivationPath)")
            ur = request.ur
        }
        let output = QROutput(
            pngDirectory: pngDirectory,
            terminal: terminal
                ? QRTerminal(
                    framesPerSecond: density.fps, interactive: Console.stderrIsTerminal && Console.stdinIsTerminal,
                    size: Console.terminalSize) : nil,
            density: try density.density(), overwrite: overwrite)
        try output.emit(ur, log: Console.info) { FileHandle.standardError.write(Data($0.utf8)) }
    }
}

extension QRBundleError: ReportableError {
    /// A missing camera or an unreadable image is missing input (ExitTable decides).
    public var exitKind: String {
        switch self {
        case .transport(.cameraUnavailable), .transport(.pngFailed): return "qrTransport.noInput"
        default: return kind
        }
    }
}
