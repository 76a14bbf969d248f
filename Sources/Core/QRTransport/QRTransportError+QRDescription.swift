extension QRTransportError {
    /// Messages for the QR, image and camera cases.
    var qrDescription: String {
        switch self {
        case .emptyPayload:
            return "QR: nothing to encode"
        case .invalidVersion(let version):
            return "QR: version \(version) is outside 1…40 or above the maximum"
        case .notAlphanumeric(let offset):
            return "QR: byte \(offset) is outside the alphanumeric set 0-9 A-Z space $ % * + - . / :"
        case .payloadTooLarge(let count, let level, let maxVersion):
            return "QR: \(count) bytes do not fit in version \(maxVersion) at level \(level)"
        case .qrEncodingFailed(let code):
            return "QR: libqrencode failed (errno \(code))"
        case .invalidImage(let width, let height, let count):
            return "image: \(count) pixel byte(s) for \(width)×\(height)"
        case .imageTooLarge(let width, let height, let limit):
            return "image: \(width)×\(height) exceeds the limit of \(limit) pixels"
        case .imageFileTooLarge(let path, let size, let limit):
            return "QR image \(path) is \(size) bytes, more than the \(limit)-byte cap; refused before reading"
        case .invalidRenderParameter(let scale, let quietZone):
            return "render: scale \(scale) (1…64) or quiet zone \(quietZone) (0…64) out of range"
        case .pngFailed(let operation, let message):
            return "PNG \(operation) failed: \(message.isEmpty ? "no message from libpng" : message)"
        case .zbarFailed(let code):
            return "zbar: scan failed with status \(code)"
        case .qrCodeCount(let found):
            return "QR: expected exactly one code in the image, found \(found)"
        case .cameraUnavailable(let device, let reason):
            return "camera \(device) unavailable: \(reason)"
        default:
            fatalError("non-QR case routed to qrDescription — library bug")
        }
    }
}
