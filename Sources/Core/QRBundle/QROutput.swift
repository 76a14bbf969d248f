import Foundation
public import QRTransport

/// Where and how a tool shows a UR as QR codes: numbered PNG files in a folder, the terminal, or both.
public struct QROutput {
    /// Folder for PNG frames (`frame-001.png`, …), created when missing; nil for none.
    public var pngDirectory: String?
    /// The terminal display, or nil for none.
    public var terminal: QRTerminal?
    /// Frame density.
    public var density: QRDensity
    /// Replace existing frame files.
    public var overwrite: Bool
    /// Pixels per module in PNG files (zbar needs at least 2; 6 reads comfortably from a screen).
    public var pixelsPerModule: Int

    /// Creates an output setting.
    public init(
        pngDirectory: String? = nil, terminal: QRTerminal? = nil, density: QRDensity = QRDensity(),
        overwrite: Bool = false, pixelsPerModule: Int = 6
    ) {
        self.pngDirectory = pngDirectory
        self.terminal = terminal
        self.density = density
        self.overwrite = overwrite
        self.pixelsPerModule = pixelsPerModule
    }

    /// True when anything is to be shown.
    public var isActive: Bool { pngDirectory != nil || terminal != nil }

    /// Plans the frames of `ur`, writes the PNGs, then shows the terminal display; returns the frame plan.
    ///
    /// `log` gets one line per step (on stderr in the tools); `write` gets the terminal text.
    @discardableResult
    public func emit(_ ur: UR, log: (String) -> Void, write: (String) -> Void) throws(QRBundleError) -> QRFrames {
        let frames = try QRFrames(ur: ur, density: density)
        if let pngDirectory {
            let paths = try Self.writePNGs(
                frames, directory: pngDirectory, pixelsPerModule: pixelsPerModule, overwrite: overwrite)
            let version = try frames.frames(count: 1)[0].matrix.version
            let what = frames.isSinglePart ? "1 QR code" : "\(paths.count) QR frames (\(frames.sequenceLength) needed)"
            log(
                "Wrote \(what), version \(version)-\(frames.errorCorrection), for ur:\(ur.type) "
                    + "(\(ur.cbor.count) bytes) to \(pngDirectory)")
        }
        if let terminal { try show(ur, frames, on: terminal, log: log, write: write) }
        return frames
    }

    /// Shows `frames` on the terminal, re-planned with a smaller QR version (animated if need be) when the
    /// terminal's size is known and the planned code would not fit; says so, and which option sets it.
    func show(_ ur: UR, _ frames: QRFrames, on terminal: QRTerminal, log: (String) -> Void, write: (String) -> Void)
        throws(QRBundleError)
    {
        guard let size = terminal.size else { return try terminal.show(frames, write: write) }
        guard let fit = QRTerminal.largestVersion(fittingColumns: size.columns, rows: size.rows) else {
            log(
                "The terminal is \(size.columns)×\(size.rows), too small for any QR code (version 1 needs 29×17): "
                    + "enlarge it, or use --qr-png DIR")
            return
        }
        let planned = try frames.frames(count: 1)[0].matrix.version
        guard planned > fit else { return try terminal.show(frames, write: write) }
        var smaller = density
        smaller.maxVersion = min(density.maxVersion ?? fit, fit)
        let fitted = try QRFrames(ur: ur, density: smaller)
        log(
            "Fitted to the \(size.columns)×\(size.rows) terminal: QR version ≤ \(fit)"
                + (fitted.isSinglePart ? "" : ", \(fitted.sequenceLength) animated fragments")
                + " (a larger terminal, or --qr-max-version, changes it)")
        try terminal.show(fitted, write: write)
    }

    /// Writes the still-frame set as `directory/frame-001.png`, … and returns the paths.
    ///
    /// - Throws: ``QRBundleError/outputExists(path:)`` when a frame file exists and `overwrite` is false (then
    ///   nothing is written), ``QRBundleError/cannotWrite(path:reason:)`` when the folder or a file cannot be
    ///   written.
    public static func writePNGs(_ frames: QRFrames, directory: String, pixelsPerModule: Int, overwrite: Bool)
        throws(QRBundleError) -> [String]
    {
        let manager = FileManager.default
        do { try manager.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(path: directory, reason: error.localizedDescription)
        }
        let all = try frames.frames(count: frames.stillFrameCount)
        let paths = all.indices.map { (directory as NSString).appendingPathComponent(fileName(index: $0 + 1)) }
        if !overwrite, let existing = paths.first(where: { manager.fileExists(atPath: $0) }) {
            throw .outputExists(path: existing)
        }
        for (frame, path) in zip(all, paths) {
            do {
                let image = try frame.matrix.image(scale: pixelsPerModule)
                try PNGCodec.write(image, toFile: path)
            } catch {
                throw .cannotWrite(path: path, reason: error.description)
            }
        }
        return paths
    }

    /// Checks that `directory` holds no frame files (unless `overwrite`).
    ///
    /// Called before any work is done, so a tool refuses at the start instead of after signing. A missing folder
    /// is fine: it is created when writing.
    public static func checkWritable(directory: String, overwrite: Bool) throws(QRBundleError) {
        guard !overwrite else { return }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch { return }
        if let existing = names.sorted().first(where: { $0.hasPrefix("frame-") && $0.hasSuffix(".png") }) {
            throw .outputExists(path: (directory as NSString).appendingPathComponent(existing))
        }
    }

    /// `frame-001.png`.
    static func fileName(index: Int) -> String {
        let digits = String(index)
        return "frame-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".png"
    }
}
