internal import CQREncode
import Glibc

/// Encodes bytes or upper-case alphanumeric text into a QR symbol with libqrencode.
///
/// The smallest version that holds the data is chosen, starting at `version` when one is given: a chosen
/// version that is too small is an error rather than a silent upgrade, and so is a result above
/// `maxVersion` (handy to keep animated frames readable by weak cameras).
public enum QREncoder {
    /// Largest byte-mode payload at each level at version 40 (ISO/IEC 18004 Table 7).
    public static func byteCapacityAtVersion40(_ level: QRErrorCorrection) -> Int {
        switch level {
        case .low: return 2953
        case .medium: return 2331
        case .quartile: return 1663
        case .high: return 1273
        }
    }

    /// Encodes `bytes` in byte mode (8-bit, no text interpretation: NUL and invalid UTF-8 are fine).
    public static func encode(
        _ bytes: [UInt8], errorCorrection: QRErrorCorrection = .low, version: Int? = nil, maxVersion: Int = 40
    ) throws(QRTransportError) -> QRMatrix {
        try encode(bytes, mode: QR_MODE_8, errorCorrection: errorCorrection, version: version, maxVersion: maxVersion)
    }

    /// Encodes `text` in alphanumeric mode (`0-9 A-Z space $ % * + - . / :`), 5.5 bits per character
    /// instead of 8: the mode upper-case UR strings were designed for.
    public static func encode(
        alphanumeric text: String, errorCorrection: QRErrorCorrection = .low, version: Int? = nil,
        maxVersion: Int = 40
    ) throws(QRTransportError) -> QRMatrix {
        let bytes = Array(text.utf8)
        if let offset = bytes.firstIndex(where: { !isAlphanumeric($0) }) {
            throw .notAlphanumeric(offset: offset)
        }
        return try encode(
            bytes, mode: QR_MODE_AN, errorCorrection: errorCorrection, version: version,
            maxVersion: maxVersion)
    }

    /// True for the 45 characters of the QR alphanumeric set.
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || Array(" $%*+-./:".utf8).contains(byte)
    }

    private static func encode(
        _ bytes: [UInt8], mode: QRencodeMode, errorCorrection: QRErrorCorrection, version: Int?, maxVersion: Int
    ) throws(QRTransportError) -> QRMatrix {
        // libqrencode rejects an empty input with EINVAL and treats version 0 as "automatic"; check both here so
        // its errno only ever reports capacity.
        guard !bytes.isEmpty else { throw .emptyPayload }
        guard (1...40).contains(maxVersion) else { throw .invalidVersion(maxVersion) }
        if let version, !(1...maxVersion).contains(version) { throw .invalidVersion(version) }
        let input = try QRInputHandle(version: version ?? 0, level: errorCorrection.level)
        guard QRinput_append(input.pointer, mode, Int32(bytes.count), bytes) == 0 else {
            throw failure(byteCount: bytes.count, errorCorrection: errorCorrection, maxVersion: maxVersion)
        }
        guard let code = QRcode_encodeInput(input.pointer) else {
            throw failure(byteCount: bytes.count, errorCorrection: errorCorrection, maxVersion: maxVersion)
        }
        let matrix = QRMatrix(taking: code, errorCorrection: errorCorrection)
        if let version, matrix.version != version {
            throw .payloadTooLarge(byteCount: bytes.count, errorCorrection: errorCorrection, maxVersion: version)
        }
        guard matrix.version <= maxVersion else {
            throw .payloadTooLarge(byteCount: bytes.count, errorCorrection: errorCorrection, maxVersion: maxVersion)
        }
        return matrix
    }

    /// ERANGE means "does not fit in version 40"; anything else is out of memory or a library bug.
    private static func failure(byteCount: Int, errorCorrection: QRErrorCorrection, maxVersion: Int) -> QRTransportError {
        let code = errno
        if code == ERANGE {
            return .payloadTooLarge(byteCount: byteCount, errorCorrection: errorCorrection, maxVersion: maxVersion)
        }
        return .qrEncodingFailed(errno: code)
    }
}

extension QRErrorCorrection {
    /// The libqrencode constant.
    var level: QRecLevel {
        switch self {
        case .low: return QR_ECLEVEL_L
        case .medium: return QR_ECLEVEL_M
        case .quartile: return QR_ECLEVEL_Q
        case .high: return QR_ECLEVEL_H
        }
    }
}

/// Owns a `QRinput *` for the length of one encode.
private final class QRInputHandle {
    let pointer: OpaquePointer

    init(version: Int, level: QRecLevel) throws(QRTransportError) {
        guard let pointer = QRinput_new2(Int32(version), level) else { throw .qrEncodingFailed(errno: errno) }
        self.pointer = pointer
    }

    deinit {
        QRinput_free(pointer)
    }
}
