internal import CZBar

/// Reads QR codes from a V4L2 camera (`/dev/video0`) through zbar's processor, without a preview window.
///
/// Each call to ``nextPayloads(timeoutMilliseconds:)`` captures frames until zbar decodes at least one QR code
/// or the timeout passes. Payloads are binary-exact, as with ``QRDecoder``.
///
/// - Note: Only the failure path (no device) has been exercised; the build machine has no camera. The capture
///   path follows zbar's documented processor API but is untested on hardware.
/// - Warning: Not thread-safe; use one camera object from one thread.
public final class QRCamera {
    /// The usual first V4L2 device.
    public static let defaultDevice = "/dev/video0"

    private let processor: ZBarProcessor
    /// The device this camera reads.
    public let device: String

    /// Opens `device` and starts capturing.
    ///
    /// - Throws: ``QRTransportError/cameraUnavailable(device:reason:)`` when zbar cannot open or start it
    ///   (missing device, no permission, unsupported format).
    public init(device: String = QRCamera.defaultDevice) throws(QRTransportError) {
        self.device = device
        processor = try ZBarProcessor(device: device)
    }

    /// The payloads of the QR codes in the next frame that has any; empty after `timeoutMilliseconds`
    /// (−1 waits for ever).
    public func nextPayloads(timeoutMilliseconds: Int32) throws(QRTransportError) -> [[UInt8]] {
        let status = processor.processOne(timeoutMilliseconds: timeoutMilliseconds)
        guard status >= 0 else { throw .cameraUnavailable(device: device, reason: processor.errorText) }
        guard status > 0, let symbols = processor.results() else { return [] }
        // get_results hands us a reference to the symbol set; drop it once the bytes are copied.
        defer { zbar_symbol_set_ref(symbols, -1) }
        var payloads: [[UInt8]] = []
        var symbol = zbar_symbol_set_first_symbol(symbols)
        while let current = symbol {
            if zbar_symbol_get_type(current) == ZBAR_QRCODE { payloads.append(QRDecoder.bytes(of: current)) }
            symbol = zbar_symbol_next(current)
        }
        return payloads
    }
}

@available(*, unavailable, message: "zbar processors are not thread-safe")
extension QRCamera: Sendable {}

#if COLDCREDITS_NO_CAMERA
    /// The camera-less build (`COLDCREDITS_NO_CAMERA=1`, as `scripts/release` builds): zbar's processor and video
    /// module are never referenced, so a static libzbar brings no X11, D-Bus or V4L2 with it.
    private final class ZBarProcessor {
        init(device: String) throws(QRTransportError) {
            throw .cameraUnavailable(
                device: device,
                reason: "this build has no camera support (built with COLDCREDITS_NO_CAMERA); read saved QR images instead")
        }

        func processOne(timeoutMilliseconds: Int32) -> Int32 { -1 }
        func results() -> OpaquePointer? { nil }
        var errorText: String { "no camera support in this build" }
    }
#else
    /// Owns a `zbar_processor_t` opened on a video device and set active.
    private final class ZBarProcessor {
        let pointer: OpaquePointer

        init(device: String) throws(QRTransportError) {
            guard let pointer = zbar_processor_create(0) else {
                fatalError("zbar_processor_create failed — out of memory")
            }
            self.pointer = pointer
            let settings: [(zbar_symbol_type_t, zbar_config_t, Int32)] = [
                (ZBAR_NONE, ZBAR_CFG_ENABLE, 0), (ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1), (ZBAR_QRCODE, ZBAR_CFG_BINARY, 1),
            ]
            for (symbology, config, value) in settings
            where zbar_processor_set_config(pointer, symbology, config, value) != 0 {
                fatalError("zbar rejected config \(config.rawValue) for \(symbology.rawValue) — library bug")
            }
            // enable_display = 0: no X11 preview window, so this also works on a headless signing machine.
            guard zbar_processor_init(pointer, device, 0) == 0 else {
                throw .cameraUnavailable(device: device, reason: errorText)
            }
            guard zbar_processor_set_active(pointer, 1) == 0 else {
                throw .cameraUnavailable(device: device, reason: errorText)
            }
        }

        deinit {
            _ = zbar_processor_set_active(pointer, 0)
            zbar_processor_destroy(pointer)
        }

        /// Captures until a frame decodes or the timeout passes: >0 decoded, 0 timeout, <0 error.
        func processOne(timeoutMilliseconds: Int32) -> Int32 { zbar_process_one(pointer, timeoutMilliseconds) }

        /// The symbols of the last decoded frame (a new reference), if any.
        func results() -> OpaquePointer? { zbar_processor_get_results(pointer) }

        /// zbar's description of its last error.
        var errorText: String {
            guard let text = zbar_processor_error_string(pointer, 0) else { return "unknown zbar error" }
            return String(cString: text).trimmingTrailingNewlines()
        }
    }
#endif

extension String {
    /// The string without trailing newlines (zbar's messages end with one).
    fileprivate func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last?.isNewline == true { result.removeLast() }
        return result
    }
}
