internal import CZBar

/// Finds QR codes in grayscale images with zbar and returns their payloads byte for byte.
///
/// zbar guesses a text encoding for QR data and converts it with iconv unless `ZBAR_CFG_BINARY` is set, which
/// silently turns binary payloads into Latin-1-as-UTF-8 (measured: 1,200 bytes came back as 1,828). This
/// decoder always sets it and reads lengths with `zbar_symbol_get_data_length`, so NUL bytes and invalid
/// UTF-8 survive. Only the QR symbology is enabled, which also saves scanning time.
///
/// - Warning: A zbar image scanner is not thread-safe: use one `QRDecoder` per thread or task.
public final class QRDecoder {
    private let scanner: ZBarImageScanner

    /// Creates a decoder with its own zbar scanner.
    public init() {
        scanner = ZBarImageScanner()
    }

    /// The payloads of every QR code found in `image`, in zbar's order (empty when there is none).
    public func decode(_ image: GrayImage) throws(QRTransportError) -> [[UInt8]] {
        // zbar takes 32-bit dimensions.
        guard let width = UInt32(exactly: image.width), let height = UInt32(exactly: image.height) else {
            throw .imageTooLarge(width: image.width, height: image.height, limit: PNGCodec.maxPixelCount)
        }
        let zbarImage = ZBarImage()
        zbar_image_set_format(zbarImage.pointer, ZBarImage.y800)
        zbar_image_set_size(zbarImage.pointer, width, height)
        let outcome: Result<[[UInt8]], QRTransportError> = image.pixels.withUnsafeBytes { raw in
            // zbar borrows the pixels (no cleanup handler); they stay valid until this closure returns, and the
            // symbols are copied out before it does.
            zbar_image_set_data(zbarImage.pointer, raw.baseAddress, UInt(raw.count), nil)
            defer { zbar_image_set_data(zbarImage.pointer, nil, 0, nil) }
            let found = zbar_scan_image(scanner.pointer, zbarImage.pointer)
            guard found >= 0 else { return .failure(.zbarFailed(code: Int(found))) }
            var payloads: [[UInt8]] = []
            var symbol = zbar_image_first_symbol(zbarImage.pointer)
            while let current = symbol {
                if zbar_symbol_get_type(current) == ZBAR_QRCODE { payloads.append(Self.bytes(of: current)) }
                symbol = zbar_symbol_next(current)
            }
            return .success(payloads)
        }
        return try outcome.get()
    }

    /// The payload of the only QR code in `image`.
    /// - Throws: ``QRTransportError/qrCodeCount(found:)`` when there is none or more than one.
    public func decodeSingle(_ image: GrayImage) throws(QRTransportError) -> [UInt8] {
        let payloads = try decode(image)
        guard payloads.count == 1, let payload = payloads.first else { throw .qrCodeCount(found: payloads.count) }
        return payload
    }

    /// The symbol's data, using the explicit length (the data may contain NUL).
    static func bytes(of symbol: OpaquePointer) -> [UInt8] {
        let length = Int(zbar_symbol_get_data_length(symbol))
        guard length > 0, let data = zbar_symbol_get_data(symbol) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: length))
    }
}

@available(*, unavailable, message: "zbar scanners are not thread-safe")
extension QRDecoder: Sendable {}

/// Owns a `zbar_image_scanner_t` configured for binary QR codes only.
final class ZBarImageScanner {
    let pointer: OpaquePointer

    init() {
        guard let pointer = zbar_image_scanner_create() else {
            fatalError("zbar_image_scanner_create failed — out of memory")
        }
        self.pointer = pointer
        // Symbology 0 addresses all of them: disable everything, then enable QR with binary output.
        let settings: [(zbar_symbol_type_t, zbar_config_t, Int32)] = [
            (ZBAR_NONE, ZBAR_CFG_ENABLE, 0), (ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1), (ZBAR_QRCODE, ZBAR_CFG_BINARY, 1),
        ]
        for (symbology, config, value) in settings
        where zbar_image_scanner_set_config(pointer, symbology, config, value) != 0 {
            fatalError("zbar rejected config \(config.rawValue) for \(symbology.rawValue) — library bug")
        }
    }

    deinit {
        zbar_image_scanner_destroy(pointer)
    }
}

/// Owns a `zbar_image_t`.
final class ZBarImage {
    /// The `Y800` fourcc (8-bit gray), built by hand because `zbar_fourcc` is a macro Swift cannot import:
    /// `'Y' | '8' << 8 | '0' << 16 | '0' << 24`.
    static let y800 = UInt(0x59) | UInt(0x38) << 8 | UInt(0x30) << 16 | UInt(0x30) << 24

    let pointer: OpaquePointer

    init() {
        guard let pointer = zbar_image_create() else { fatalError("zbar_image_create failed — out of memory") }
        self.pointer = pointer
    }

    deinit {
        zbar_image_destroy(pointer)
    }
}
