import CommandLineSupport
import Foundation
import QRBundle
import QRTransport
import TerminalText

/// Reads an EIP-681 payment request (`ethereum:…`) from a QR code.
///
/// Through the same zbar decoder and camera the bundle and pairing codes use; a payment page's QR code is one
/// plain-text frame, not a UR.
enum EIP681QR {
    /// The text of a payload that is an EIP-681 URI (UTF-8, starting with `ethereum:`), or nil.
    static func text(_ payload: [UInt8]) -> String? {
        guard let text = String(validating: payload, as: UTF8.self), text.hasPrefix("ethereum:") else { return nil }
        return text
    }

    /// The one EIP-681 URI in the PNG at `path`; an image without one, or with two different ones, is refused.
    static func image(_ path: String) throws -> String {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CommandError(
                kind: "noInput", message: "--qr-image: \(path.escapedForTerminal) does not exist or cannot be read",
                exitStatus: .noInput)
        }
        let payloads: [[UInt8]]
        do { payloads = try QRDecoder().decode(PNGCodec.read(fromFile: path)) } catch {
            throw QRBundleError.transport(error)
        }
        guard !payloads.isEmpty else { throw QRBundleError.noQRCode(source: path) }
        let uris = Set(payloads.compactMap(text))
        guard uris.count == 1, let uri = uris.first else {
            throw CommandError(
                kind: "invalidInput",
                message: uris.isEmpty
                    ? "--qr-image \(path.escapedForTerminal): the QR code holds no EIP-681 URI (ethereum:…)"
                    : "--qr-image \(path.escapedForTerminal): \(uris.count) different EIP-681 URIs; give an image with one",
                exitStatus: .dataError)
        }
        Console.info("\(path.escapedForTerminal): read an EIP-681 URI from the QR code")
        return uri
    }

    /// The first EIP-681 URI the camera `device` sees within `timeoutSeconds`; other codes are named once and ignored.
    static func camera(_ device: String, timeoutSeconds: Int) throws -> String {
        let camera: QRCamera
        do { camera = try QRCamera(device: device) } catch { throw QRBundleError.transport(error) }
        Console.info("Reading the payment request's QR code from \(device.escapedForTerminal) (up to \(timeoutSeconds) s)…")
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(timeoutSeconds))
        var ignored = false
        while clock.now < deadline {
            let payloads: [[UInt8]]
            do { payloads = try camera.nextPayloads(timeoutMilliseconds: 500) } catch { throw QRBundleError.transport(error) }
            if let uri = payloads.lazy.compactMap(text).first { return uri }
            if !payloads.isEmpty, !ignored {
                Console.info("ignored: a QR code that is not an EIP-681 URI (ethereum:…)")
                ignored = true
            }
        }
        throw CommandError(
            kind: "timedOut",
            message: "\(device.escapedForTerminal): no EIP-681 QR code seen within \(timeoutSeconds) s",
            exitStatus: .temporaryFailure)
    }
}
