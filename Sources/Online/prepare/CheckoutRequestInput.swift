import ArgumentParser
import BundleFormat
import CommandLineSupport
import Foundation
import QRBundle
import QRTransport
import StrictJSON
import TerminalText

/// Where `prepare checkout` reads the payment request.
///
/// Exactly one of an EIP-681 URI (typed, in a file, in a QR image or seen by a camera) or a Checkouts API document
/// in a file. The text is returned exactly as received.
struct CheckoutRequestOptions: ParsableArguments {
    @Option(name: .customLong("uri"), help: "The EIP-681 payment request (ethereum:…), as the checkout page gives it.")
    var uri: String?
    @Option(name: .customLong("uri-file"), help: "A file holding one EIP-681 URI (a final newline is allowed); - for stdin.")
    var uriFile: String?
    @Option(name: .customLong("qr-image"), help: "Read the EIP-681 URI from the QR code in this PNG image.")
    var qrImage: String?
    @Option(name: .customLong("camera"), help: "Read the EIP-681 URI from a QR code held to this camera (e.g. /dev/video0).")
    var camera: String?
    @Option(name: .customLong("checkout-file"), help: "A checkout document in the Checkouts API's JSON shape; - for stdin.")
    var checkoutFile: String?

    /// The options, for the one-of check.
    static let names = "--uri, --uri-file, --qr-image, --camera, --checkout-file"

    func validate() throws {
        let given = [uri, uriFile, qrImage, camera, checkoutFile].compactMap { $0 }.count
        guard given == 1 else {
            throw ValidationError(
                "give exactly one payment request: \(Self.names) (\(given == 0 ? "none" : "\(given)") given)")
        }
    }

    /// How the largest file read here may be (a URI or a checkout document).
    static let fileKind = InputFile.Kind("payment request file", cap: InputLimit.document)

    /// How long the camera looks for an EIP-681 code.
    static let cameraTimeoutSeconds = 60

    /// The request text, read from wherever it was given (no network).
    func read() throws -> CheckoutBundle.RequestText {
        if let uri { return .uri(uri) }
        if let uriFile { return .uri(try Self.singleLine(InputFile.read(uriFile, what: Self.fileKind), option: "--uri-file")) }
        if let qrImage { return .uri(try EIP681QR.image(qrImage)) }
        if let camera { return .uri(try EIP681QR.camera(camera, timeoutSeconds: Self.cameraTimeoutSeconds)) }
        if let checkoutFile {
            let data = try InputFile.read(checkoutFile, what: Self.fileKind)
            do { return .checkout(try JSON.parse(data)) } catch {
                throw CommandError(
                    kind: "invalidJSON",
                    message: "--checkout-file \(checkoutFile.escapedForTerminal): not a JSON document: \(error)",
                    exitStatus: .dataError)
            }
        }
        throw ValidationError("give exactly one payment request: \(Self.names)")
    }

    /// The one line of a URI file: UTF-8, one final `\n` (or `\r\n`) allowed, nothing else around it.
    static func singleLine(_ data: Data, option: String) throws -> String {
        var bytes = [UInt8](data)
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandError(kind: "invalidInput", message: "\(option): the file is not UTF-8 text", exitStatus: .dataError)
        }
        guard !text.isEmpty else {
            throw CommandError(
                kind: "invalidInput", message: "\(option): the file is empty; expected one EIP-681 URI", exitStatus: .dataError)
        }
        if let line = text.unicodeScalars.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: line)
            let rest = String(String.UnicodeScalarView(text.unicodeScalars[line...].prefix(40)))
            throw CommandError(
                kind: "invalidInput",
                message: "\(option): expected one EIP-681 URI and at most a final newline; found more after offset "
                    + "\(offset): \"\(rest.escapedForTerminal)\"",
                exitStatus: .dataError)
        }
        return text
    }
}
