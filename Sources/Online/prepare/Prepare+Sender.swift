import ArgumentParser
import CommandLineSupport
import EthereumPrimitives
import Foundation
import OnlineSupport
import QRBundle
import QRTransport
import TerminalText

extension Prepare {
    /// The paying address: typed with --sender, or read from the cold key's pairing QR code (a PNG or a camera).
    func payer() throws -> Address {
        try SenderInput(sender: sender, senderQR: senderQR, camera: camera, cameraOption: "--camera").address()
    }
}

/// The paying address as the command line gives it: typed, or read from the cold key's pairing QR code.
///
/// A pairing code carries the public key; the address is hashed from it here, never read from a text field.
struct SenderInput {
    var sender: String?
    var senderQR: String?
    var camera: String?
    /// How the camera option is spelled in this command (`--camera`, `--camera-sender`).
    var cameraOption: String

    /// The address, reading the pairing code when one was given.
    func address() throws -> Address {
        if let sender { return try OnlineContext.address(sender, option: "--sender") }
        var collector = QRFrameCollector(acceptedTypes: PairingCode.urTypes)
        let ur: UR
        if let camera {
            ur = try QRScan.camera(device: camera, timeoutSeconds: 60, into: &collector, log: Console.info)
        } else if let senderQR {
            guard FileManager.default.isReadableFile(atPath: senderQR) else {
                throw CommandError(
                    kind: "noInput",
                    message: "--sender-qr: \(senderQR.escapedForTerminal) does not exist or cannot be read",
                    exitStatus: .noInput)
            }
            ur = try QRScan.images([senderQR], into: &collector, log: Console.info)
        } else {
            throw ValidationError("give exactly one of --sender, --sender-qr, \(cameraOption)")
        }
        let address = try PairingCode.address(from: ur)
        Console.info("Paired: the payer is \(address.checksummed) (from the key in the ur:\(ur.type) code)")
        return address
    }
}
