import TerminalText
import BundleFormat
public import CommandLineSupport
import EthereumPrimitives
import Foundation
import OfflineSigning
public import QRBundle
import QRTransport

/// What `sign` was given: bundle JSON, a compact bundle from QR codes, or an ERC-4527 `eth-sign-request`.
enum SignInput {
    /// The JSON file `prepare` wrote (or stdin).
    case json(Data)
    /// A `ur:coldcredits-bundle` or `ur:coldcredits-checkout`, already rebuilt into a bundle (fingerprint and JSON
    /// rules checked).
    case compact(UnsignedBundle)
    /// A `ur:eth-sign-request`; it becomes a bundle once the key's address is known.
    case signRequest(EthSignRequest)

    /// The UR types `sign` reads from QR codes.
    static let urTypes = [CompactBundle.urType, CompactCheckout.urType, EthSignRequest.urType]

    /// Reads the input named by `bundle` or the QR options, with progress on stderr.
    static func read(bundle: String?, qr: SignQROptions) throws -> SignInput {
        guard qr.readsQR else { return .json(try InputFile.read(bundle ?? "-", what: .bundle)) }
        var collector = QRFrameCollector(acceptedTypes: urTypes)
        let ur: UR
        if let camera = qr.camera {
            ur = try QRScan.camera(
                device: camera, timeoutSeconds: qr.cameraTimeout, into: &collector, log: Console.info)
        } else {
            for path in qr.images where !FileManager.default.isReadableFile(atPath: path) {
                throw CommandError(
                    kind: "noInput", message: "QR image \(path.escapedForTerminal) does not exist or cannot be read",
                    exitStatus: .noInput)
            }
            ur = try QRScan.images(qr.images, into: &collector, log: Console.info)
        }
        Console.info("Read ur:\(ur.type) (\(ur.cbor.count) bytes) from \(collector.readCount) QR frame(s).")
        if ur.type == EthSignRequest.urType { return .signRequest(try EthSignRequest(ur: ur)) }
        return .compact(try UnsignedBundle(compactUR: ur))
    }

    /// Whether the bundle can only be built once the key's address is known (an ERC-4527 request names no payer).
    var needsSigner: Bool {
        if case .signRequest = self { return true }
        return false
    }

    /// The unsigned bundle (for an ERC-4527 request, built for the key `signer`): every path ends in the same
    /// `SigningSession.plan`.
    func bundle(signer: Address?, now: UInt64) throws -> UnsignedBundle {
        switch self {
        case .json(let data):
            do { return try UnsignedBundle(jsonData: data) } catch { throw VerificationError.malformedBundle(error) }
        case .compact(let bundle):
            return bundle
        case .signRequest(let request):
            guard let signer else { throw SigningError.selfCheckFailed("an ERC-4527 request needs the key's address") }
            let bundle = try UnsignedBundle(signRequest: request, signer: signer, now: now)
            switch bundle {
            case .intent:
                Console.warning(
                    "an ERC-4527 request carries no charge: the intent is decoded from the calldata and checked against "
                        + "the policy and the operator's signature for this key")
            case .checkout:
                Console.warning(
                    "an ERC-4527 request carries no checkout: the payment is decoded from the calldata, so only the "
                        + "policy's pins and your comparison with the checkout page stand behind the recipient")
            }
            return bundle
        }
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
