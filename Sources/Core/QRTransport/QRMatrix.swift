internal import CQREncode

/// The modules of one QR symbol, produced by ``QREncoder``.
///
/// Owns the `QRcode *` libqrencode returned and frees it in `deinit`; the class is immutable after
/// creation, so sharing it across threads is safe (hence `@unchecked Sendable`).
public final class QRMatrix: @unchecked Sendable {
    private let code: UnsafeMutablePointer<QRcode>

    /// QR version, 1…40.
    public let version: Int
    /// Modules per side (`17 + 4 · version`), without the quiet zone.
    public let size: Int
    /// The error-correction level it was encoded with.
    public let errorCorrection: QRErrorCorrection

    /// Takes ownership of `code`, which must be a non-null result of `QRcode_encodeInput`.
    init(taking code: UnsafeMutablePointer<QRcode>, errorCorrection: QRErrorCorrection) {
        self.code = code
        version = Int(code.pointee.version)
        size = Int(code.pointee.width)
        self.errorCorrection = errorCorrection
        guard (1...40).contains(version), size == 17 + 4 * version, code.pointee.data != nil else {
            fatalError("libqrencode returned version \(version), width \(size) — library bug")
        }
    }

    deinit {
        QRcode_free(code)
    }

    /// True for a dark module; `row` and `column` count from the top-left corner, in `0..<size`.
    public func isDark(row: Int, column: Int) -> Bool {
        precondition((0..<size).contains(row) && (0..<size).contains(column), "module outside symbol — caller bug")
        // libqrencode stores one byte per module; bit 0 is the colour (1 = dark), the other bits are metadata.
        guard let data = code.pointee.data else { fatalError("QRcode without data — library bug") }
        return data[row * size + column] & 1 == 1
    }

    /// All modules, row by row (true = dark).
    public var modules: [[Bool]] {
        (0..<size).map { row in (0..<size).map { isDark(row: row, column: $0) } }
    }
}
