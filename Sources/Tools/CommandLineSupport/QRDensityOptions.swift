public import ArgumentParser
public import QRBundle
import QRTransport

/// How dense the QR frames a tool shows may be: `--qr-fragment-size`, `--qr-max-version`, `--qr-ecc`, `--qr-fps`.
public struct QRDensityOptions: ParsableArguments, Sendable {
    /// The defaults (ECC L, version ≤ 16, 4 frames per second).
    public init() {}

    /// Largest CBOR fragment per frame; nil: what fits the largest version.
    @Option(
        name: .customLong("qr-fragment-size"),
        help: "Largest CBOR fragment per QR frame, in bytes (default: what fits --qr-max-version).")
    public var fragmentSize: Int?

    /// Largest QR version per frame; nil: 16.
    @Option(name: .customLong("qr-max-version"), help: "Largest QR version per frame, 1–40 (default 16).")
    public var maxVersion: Int?

    /// Error-correction level letter.
    @Option(name: .customLong("qr-ecc"), help: "QR error correction: L, M, Q or H.")
    public var ecc: String = "L"

    /// Frames per second of a terminal animation.
    @Option(name: .customLong("qr-fps"), help: "Frames per second of a terminal animation.")
    public var fps: Double = 4

    /// Refuses an unknown level, a version outside 1–40, a fragment under 10 bytes or an odd frame rate.
    public func validate() throws {
        guard QRErrorCorrection(rawValue: ecc.uppercased()) != nil else {
            throw ValidationError("--qr-ecc: expected L, M, Q or H")
        }
        if let maxVersion, !(1...40).contains(maxVersion) {
            throw ValidationError("--qr-max-version: expected 1 to 40, found \(maxVersion)")
        }
        if let fragmentSize, !(10...4_096).contains(fragmentSize) {
            throw ValidationError("--qr-fragment-size: expected 10 to 4096 bytes, found \(fragmentSize)")
        }
        guard (0.5...30).contains(fps) else { throw ValidationError("--qr-fps: expected 0.5 to 30, found \(fps)") }
    }

    /// The density as QRTransport's value.
    public func density() throws -> QRDensity {
        guard let level = QRErrorCorrection(rawValue: ecc.uppercased()) else {
            throw ValidationError("--qr-ecc: expected L, M, Q or H")
        }
        return QRDensity(errorCorrection: level, maxFragmentLength: fragmentSize, maxVersion: maxVersion)
    }
}
