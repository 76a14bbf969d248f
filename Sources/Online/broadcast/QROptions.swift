import ArgumentParser
import Broadcasting
import BundleFormat
public import CommandLineSupport
import EthereumTransactions
import Foundation
public import QRBundle
import QRTransport

/// `broadcast`'s QR options: the signed transaction from QR images or a camera, or an ERC-4527 `eth-signature`
/// that, together with the unsigned bundle (`--bundle`), makes the signed transaction.
struct BroadcastQROptions: ParsableArguments {
    @Option(
        name: .customLong("qr-image"), parsing: .singleValue,
        help: "Read the signed transaction (ur:coldcredits-signed) from this QR image; repeat for every frame.")
    var images: [String] = []

    @Option(
        name: .customLong("eth-signature-image"), parsing: .singleValue,
        help: "Read an ERC-4527 ur:eth-signature from this QR image (needs --bundle); repeat for every frame.")
    var signatureImages: [String] = []

    @Option(name: .customLong("camera"), help: "Read the signed transaction or eth-signature from this camera.")
    var camera: String?

    @Option(name: .customLong("camera-timeout"), help: "Give up reading the camera after this many seconds.")
    var cameraTimeout: Int = 120

    /// True when the signed transaction comes from QR codes.
    var readsQR: Bool { !images.isEmpty || !signatureImages.isEmpty || camera != nil }

    /// Refuses a camera timeout outside 1 s to 1 h.
    func validate() throws {
        try OptionRange.check(cameraTimeout, 1...3_600, option: "--camera-timeout", unit: "seconds")
    }

    /// Exactly one source: SIGNED, --qr-image, --eth-signature-image or --camera; an eth-signature needs --bundle.
    func validateSource(signed: String?, bundle: String?) throws {
        let sources = [signed != nil, !images.isEmpty, !signatureImages.isEmpty, camera != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError(
                "give exactly one of SIGNED, --qr-image FILE…, --eth-signature-image FILE…, --camera DEVICE")
        }
        if !signatureImages.isEmpty, bundle == nil {
            throw ValidationError(
                "--eth-signature-image needs --bundle: the signature alone does not hold the transaction")
        }
        guard cameraTimeout > 0 else { throw ValidationError("--camera-timeout must be positive") }
    }

    /// The signed file: from `signed` as before, or from QR codes (checked against `bundle` when given).
    func readSigned(path signed: String?, bundle: String?) throws -> SignedTransactionFile {
        guard readsQR else { return try SignedInput.read(signed ?? "-", bundle: bundle) }
        let accepted: [String]
        if !images.isEmpty {
            accepted = [CompactSignedTransaction.urType]
        } else if !signatureImages.isEmpty {
            accepted = [EthSignature.urType]
        } else {
            accepted = [CompactSignedTransaction.urType, EthSignature.urType]
        }
        var collector = QRFrameCollector(acceptedTypes: accepted)
        let ur: UR
        if let camera {
            ur = try QRScan.camera(device: camera, timeoutSeconds: cameraTimeout, into: &collector, log: Console.info)
        } else {
            let paths = images + signatureImages
            for path in paths where !FileManager.default.isReadableFile(atPath: path) {
                throw CommandError(
                    kind: "noInput", message: "QR image \(path) does not exist or cannot be read",
                    exitStatus: .noInput)
            }
            ur = try QRScan.images(paths, into: &collector, log: Console.info)
        }
        Console.info("Read ur:\(ur.type) (\(ur.cbor.count) bytes) from \(collector.readCount) QR frame(s).")
        let unsigned = try SignedInput.readBundle(bundle)
        if ur.type == EthSignature.urType {
            guard let unsigned else {
                throw CommandError(
                    kind: "missingBundle", message: "an eth-signature needs --bundle UNSIGNED",
                    exitStatus: .usage)
            }
            return try SignedTransactionFile(unsigned: unsigned, ethSignature: EthSignature(ur: ur))
        }
        var file = try CompactSignedTransaction(ur: ur).file
        if let unsigned { try BroadcastInput.check(&file, against: unsigned) }
        return file
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
