public import QRTransport

/// Reads a QR message from image files or a camera into a ``QRFrameCollector``, reporting progress as it goes.
public enum QRScan {
    /// Reads every QR code in the image files at `paths` (PNG; one or many frames each, in any order).
    ///
    /// Strict, because files are chosen deliberately: an image without a QR code, a frame of another type or
    /// message, or files that end before the message is complete are errors naming the file. `log` receives
    /// one progress line per file.
    public static func images(
        _ paths: [String], into collector: inout QRFrameCollector, log: (String) -> Void
    ) throws(QRBundleError) -> UR {
        let decoder = QRDecoder()
        for path in paths {
            let payloads: [[UInt8]]
            do { payloads = try decoder.decode(PNGCodec.read(fromFile: path)) } catch { throw .transport(error) }
            guard !payloads.isEmpty else { throw .noQRCode(source: path) }
            for payload in payloads { try collector.add(payload, source: path) }
            log("\(path): \(collector.progressLine)")
        }
        guard let result = collector.result else { throw .incomplete(progress: collector.progressLine) }
        return result
    }

    /// Reads frames from the V4L2 camera `device` until the message is complete or `timeoutSeconds` pass.
    ///
    /// Forgiving, because a camera sees whatever is in front of it: frames of another type or message are
    /// counted and named once in the log, then ignored. `log` receives a progress line whenever the number of
    /// fragments held changes.
    public static func camera(
        device: String, timeoutSeconds: Int, into collector: inout QRFrameCollector, log: (String) -> Void
    ) throws(QRBundleError) -> UR {
        let camera: QRCamera
        do { camera = try QRCamera(device: device) } catch { throw .transport(error) }
        log("Reading QR codes from \(device); hold the code in view (up to \(timeoutSeconds) s)…")
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(timeoutSeconds))
        var lastHeld = -1
        var lastRefusal = ""
        while collector.result == nil, clock.now < deadline {
            let payloads: [[UInt8]]
            do { payloads = try camera.nextPayloads(timeoutMilliseconds: 500) } catch { throw .transport(error) }
            for payload in payloads {
                do {
                    try collector.add(payload, source: device)
                } catch {
                    if error.description != lastRefusal { log("ignored: \(error)") }
                    lastRefusal = error.description
                }
            }
            if collector.fragments.held != lastHeld {
                lastHeld = collector.fragments.held
                log(collector.progressLine)
            }
        }
        guard let result = collector.result else { throw .incomplete(progress: collector.progressLine) }
        return result
    }
}
