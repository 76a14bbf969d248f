import Glibc
public import QRTransport

/// Shows QR frames on a terminal with UTF-8 half blocks and the standard 4-module quiet zone.
///
/// A single frame is printed once. A multipart message is animated in place at a steady frame rate when the
/// terminal is interactive, until Enter is pressed or the time limit passes; without a terminal (a pipe or a
/// log) the still-frame set is printed one frame after another instead, since nothing could be redrawn.
public struct QRTerminal {
    /// Frames per second of the animation (0.5…30).
    ///
    /// Slow receivers (hardware wallets, older phones) want 2–4;
    /// BlueWallet went from 2 to 1 frame per second for them.
    public var framesPerSecond: Double
    /// Stop animating after this many seconds even without Enter.
    public var maxSeconds: Int
    /// True when the output is a terminal that can be redrawn and stdin can deliver Enter.
    public var interactive: Bool
    /// True to print dark modules (for dark-on-light terminals).
    public var lightBackground: Bool
    /// The terminal's size in character cells, when known: frames are planned to fit it.
    public var size: (columns: Int, rows: Int)?

    /// Creates a display.
    public init(
        framesPerSecond: Double = 4, maxSeconds: Int = 600, interactive: Bool, lightBackground: Bool = false,
        size: (columns: Int, rows: Int)? = nil
    ) {
        self.framesPerSecond = min(30, max(0.5, framesPerSecond))
        self.maxSeconds = maxSeconds
        self.interactive = interactive
        self.lightBackground = lightBackground
        self.size = size
    }

    /// Lines a frame takes below the code itself (the frame counter and the summary).
    static let footerLines = 2

    /// The largest QR version whose half-block rendering, quiet zone and footer fit `columns` × `rows`; nil when
    /// not even version 1 fits.
    ///
    /// A version-v code is 17 + 4v modules wide; with the 4-module quiet zone on each side that is 25 + 4v
    /// columns, and half blocks draw two module rows per line.
    public static func largestVersion(fittingColumns columns: Int, rows: Int) -> Int? {
        let fitting = (1...40).filter { version in
            let side = 17 + 4 * version + 2 * QRMatrix.standardQuietZone
            return side <= columns && (side + 1) / 2 + footerLines <= rows
        }
        return fitting.last
    }

    /// The frame as half-block text, without a trailing newline.
    public func render(_ frame: AnimatedQRFrame) -> String {
        frame.matrix.terminalString(forDarkTerminal: !lightBackground)
    }

    /// Shows `frames`, writing text with `write` (stderr in the tools).
    public func show(_ frames: QRFrames, write: (String) -> Void) throws(QRBundleError) {
        let first = try frames.frames(count: 1)[0]
        let summary = Self.summary(frames, version: first.matrix.version)
        if frames.isSinglePart {
            write(render(first) + "\n" + summary + "\n")
        } else if interactive {
            try animate(frames, summary: summary, write: write)
        } else {
            let all = try frames.frames(count: frames.stillFrameCount)
            for frame in all {
                write(render(frame) + "\n" + "frame \(frame.sequenceNumber) of \(all.count) — \(summary)\n\n")
            }
        }
    }

    /// `ur:coldcredits-bundle, 312 bytes in 1 frame, version 14-L`.
    static func summary(_ frames: QRFrames, version: Int) -> String {
        let count = frames.isSinglePart ? "1 frame" : "\(frames.sequenceLength) fragments"
        return "ur:\(frames.ur.type), \(frames.ur.cbor.count) bytes in \(count), "
            + "version \(version)-\(frames.errorCorrection)"
    }

    private func animate(_ frames: QRFrames, summary: String, write: (String) -> Void) throws(QRBundleError) {
        var source = frames.encoder()
        let interval = Int32(1000 / framesPerSecond)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(maxSeconds))
        var previousLines = 0
        var lastSequenceNumber: UInt32 = 0
        write("Showing \(summary) at \(framesPerSecond) frames per second; press Enter when the other side has it.\n")
        while clock.now < deadline {
            if lastSequenceNumber >= QRFrames.maxSequenceNumber { source = frames.encoder() }
            let frame: AnimatedQRFrame
            do { frame = try source.nextFrame() } catch { throw .transport(error) }
            lastSequenceNumber = frame.sequenceNumber
            let text = render(frame) + "\nframe \(frame.sequenceNumber) (\(frames.sequenceLength) fragments)    \n"
            // Move the cursor back to the first line of the previous frame and draw over it.
            write((previousLines > 0 ? "\u{1B}[\(previousLines)A" : "") + text)
            previousLines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            if Self.enterPressed(withinMilliseconds: interval) { break }
        }
    }

    /// Waits up to `milliseconds` for a line on stdin and consumes it; false on timeout or without stdin.
    static func enterPressed(withinMilliseconds milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        _ = readLine()
        return true
    }
}
