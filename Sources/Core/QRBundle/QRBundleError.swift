public import BundleFormat
public import EthereumPrimitives
public import EthereumTransactions
public import QRTransport

/// Every error the QRBundle module throws: compact forms that do not decode, ERC-4527 requests outside what
/// `sign` accepts, signatures that do not answer their request, and QR frame sets that are incomplete or mixed.
///
/// Cases carry the field (`coldcredits-bundle.intent.deadline`), what was expected and what was found.
public enum QRBundleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A UR, Bytewords, CBOR, fountain, QR or image problem below this module.
    case transport(QRTransportError)
    /// A UR of a type this step does not read.
    case unexpectedType(expected: [String], found: String)
    /// A compact form of a version this build does not read.
    case unsupportedVersion(type: String, expected: UInt64, found: UInt64)
    /// A compact array with the wrong number of items.
    case wrongFieldCount(field: String, expected: Int, found: Int)
    /// A field of the wrong CBOR kind or with an unacceptable value.
    case invalidField(field: String, reason: String)
    /// The bundle cannot be written in the compact form (its calldata is not the charge's Transfers call).
    case notRepresentable(reason: String)
    /// The rebuilt bundle's signing hash does not start with the fingerprint `prepare` put in the compact form.
    case fingerprintMismatch(carried: String, recomputed: String)
    /// The rebuilt bundle or signed file fails the format's own rules.
    case bundle(BundleError)
    /// A transaction payload that does not decode strictly.
    case transaction(TransactionError)
    /// An `eth-sign-request` that `sign` refuses before any policy check (data type, request id, chain, call).
    case signRequestRefused(reason: String)
    /// A signature or request names another address than the one expected.
    case signerMismatch(expected: Address, found: Address)
    /// An `eth-signature` that answers another request.
    case requestMismatch(expected: String, found: String)
    /// The frames read so far do not complete the message.
    case incomplete(progress: String)
    /// A frame from another QR message than the one being collected.
    case frameFromAnotherMessage(source: String, reason: String)
    /// An image without any QR code.
    case noQRCode(source: String)
    /// A QR code that is not a readable UR frame.
    case invalidFrame(source: String, reason: QRTransportError)
    /// An output file exists and overwriting was not allowed.
    case outputExists(path: String)
    /// An output file or folder cannot be written.
    case cannotWrite(path: String, reason: String)

    /// A stable machine-readable name for `--json` output.
    public var kind: String {
        switch self {
        case .transport(.imageFileTooLarge), .transport(.imageTooLarge): return "inputTooLarge"
        case .transport: return "qrTransport"
        case .unexpectedType: return "qrUnexpectedType"
        case .unsupportedVersion: return "unsupportedVersion"
        case .wrongFieldCount, .invalidField: return "invalidField"
        case .notRepresentable: return "qrNotRepresentable"
        case .fingerprintMismatch: return "signingHashMismatch"
        case .bundle(let error): return error.kind
        case .transaction: return "invalidTransaction"
        case .signRequestRefused: return "signRequestRefused"
        case .signerMismatch: return "signerMismatch"
        case .requestMismatch: return "requestMismatch"
        case .incomplete: return "qrIncomplete"
        case .frameFromAnotherMessage: return "qrFrameFromAnotherMessage"
        case .noQRCode: return "qrNoCode"
        case .invalidFrame: return "qrInvalidFrame"
        case .outputExists: return "outputExists"
        case .cannotWrite: return "cannotWrite"
        }
    }

    /// A one-line explanation naming the field, what was found and what was expected.
    public var description: String {
        switch self {
        case .transport(let error): return "QR: \(error)"
        case .unexpectedType(let expected, let found):
            return "QR: expected a ur:\(expected.joined(separator: " or ur:")), found ur:\(found)"
        case .unsupportedVersion(let type, let expected, let found):
            return "\(type): this build reads version \(expected), found \(found)"
        case .wrongFieldCount(let field, let expected, let found):
            return "\(field): expected \(expected) items, found \(found)"
        case .invalidField(let field, let reason): return "\(field): \(reason)"
        case .notRepresentable(let reason): return "the bundle has no compact QR form: \(reason)"
        case .fingerprintMismatch(let carried, let recomputed):
            return "the QR bundle carries fingerprint \(carried), but the transaction rebuilt from it has \(recomputed)"
        case .bundle(let error): return error.description
        case .transaction(let error): return "transaction: \(error)"
        case .signRequestRefused(let reason): return "eth-sign-request refused: \(reason)"
        case .signerMismatch(let expected, let found): return "expected signer \(expected), found \(found)"
        case .requestMismatch(let expected, let found):
            return "eth-signature answers request \(found), expected \(expected)"
        case .incomplete(let progress): return "QR message incomplete: \(progress); scan more frames"
        case .frameFromAnotherMessage(let source, let reason):
            return "\(source): frame belongs to another QR message (\(reason))"
        case .noQRCode(let source): return "\(source): no QR code found"
        case .invalidFrame(let source, let reason): return "\(source): not a UR frame: \(reason)"
        case .outputExists(let path): return "\(path) exists; pass --force to replace it"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
