/// One frame of an animated QR sequence.
public struct AnimatedQRFrame: Sendable {
    /// The UR string in the frame, upper-cased (QR alphanumeric mode).
    public let text: String
    /// The symbol to show.
    public let matrix: QRMatrix
    /// The part's sequence number (1 for a single-part UR).
    public let sequenceNumber: UInt32
}

/// Turns a UR into an endless sequence of QR frames: fountain-coded multipart UR strings, each upper-cased and
/// encoded in alphanumeric mode.
///
/// `maxFragmentLength` bounds the CBOR bytes per frame and so the QR version: each byte becomes two Bytewords
/// letters, plus about 40 characters of header and checksums (88-byte fragments gave version 7 at level L).
/// Keystone's SDK defaults to 400. Show frames at a steady rate; a receiver needs about `sequenceLength`
/// frames plus a few more for losses.
public struct AnimatedQREncoder: Sendable {
    private var encoder: UREncoder
    /// Error correction for every frame.
    public let errorCorrection: QRErrorCorrection
    /// Largest QR version any frame may use.
    public let maxVersion: Int

    /// Prepares frames for `ur`.
    public init(
        ur: UR, maxFragmentLength: Int, errorCorrection: QRErrorCorrection = .low, maxVersion: Int = 40
    ) {
        encoder = UREncoder(ur, maxFragmentLength: maxFragmentLength)
        self.errorCorrection = errorCorrection
        self.maxVersion = maxVersion
    }

    /// Prepares frames for raw `payload` bytes, sent as `ur:bytes`.
    public init(
        payload: [UInt8], maxFragmentLength: Int, errorCorrection: QRErrorCorrection = .low, maxVersion: Int = 40
    ) {
        self.init(
            ur: UR(bytes: payload), maxFragmentLength: maxFragmentLength, errorCorrection: errorCorrection,
            maxVersion: maxVersion)
    }

    /// Fragments in the message: the fewest frames a receiver can decode from.
    public var sequenceLength: Int { encoder.sequenceLength }

    /// True when one static QR code carries everything.
    public var isSinglePart: Bool { encoder.isSinglePart }

    /// The next frame.
    /// - Throws: ``QRTransportError/payloadTooLarge(byteCount:errorCorrection:maxVersion:)`` when a frame
    ///   needs a version above ``maxVersion`` (lower `maxFragmentLength`).
    public mutating func nextFrame() throws(QRTransportError) -> AnimatedQRFrame {
        let text = encoder.nextPart().uppercased()
        let matrix = try QREncoder.encode(alphanumeric: text, errorCorrection: errorCorrection, maxVersion: maxVersion)
        return AnimatedQRFrame(text: text, matrix: matrix, sequenceNumber: max(1, encoder.sequenceNumber))
    }
}

/// Collects scanned frames — in any order, with repeats and gaps — until the UR is complete.
///
/// Frames from another sequence are rejected with a named error and do not disturb the one in progress
/// (the caller decides whether to ``reset()`` and follow the new one).
public struct AnimatedQRDecoder: Sendable {
    private var decoder: URDecoder

    /// Creates an empty decoder.
    public init(limits: FountainDecoder.Limits = FountainDecoder.Limits()) {
        decoder = URDecoder(limits: limits)
    }

    /// Takes the bytes a QR decoder returned for one frame (the UR text, ASCII).
    ///
    /// - Returns: true when the frame added information.
    @discardableResult
    public mutating func receive(frame payload: [UInt8]) throws(QRTransportError) -> Bool {
        // UR text is ASCII; anything else cannot parse, and the UR layer names the first problem it meets.
        try decoder.receive(String(decoding: payload, as: UTF8.self))
    }

    /// Takes one frame's text.
    @discardableResult
    public mutating func receive(text: String) throws(QRTransportError) -> Bool {
        try decoder.receive(text)
    }

    /// Progress so far (fraction 0…1, exact: 1 only when complete).
    public var progress: FountainDecoder.Progress { decoder.progress }

    /// True once ``result`` is available.
    public var isComplete: Bool { decoder.isComplete }

    /// The decoded UR.
    public var result: UR? { decoder.result }

    /// Starts over.
    public mutating func reset() { decoder.reset() }
}
