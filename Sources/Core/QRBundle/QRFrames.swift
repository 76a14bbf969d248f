public import QRTransport

/// How dense the QR frames may be: the error-correction level, and a bound on the bytes per frame or on the
/// QR version (or both).
public struct QRDensity: Sendable, Equatable {
    /// The version a frame may reach when no bound is given: 81 modules a side, about 400 bytes of CBOR in one
    /// frame at level L — what a laptop webcam still reads from a screen, and 89 columns of terminal.
    public static let defaultMaxVersion = 16

    /// Error correction for every frame.
    public var errorCorrection: QRErrorCorrection
    /// Largest fragment of CBOR per frame, in bytes; nil to derive it from ``maxVersion``.
    public var maxFragmentLength: Int?
    /// Largest QR version per frame (1…40); nil means ``defaultMaxVersion``, or 40 when a fragment length is
    /// given.
    public var maxVersion: Int?

    /// Creates a density setting.
    public init(errorCorrection: QRErrorCorrection = .low, maxFragmentLength: Int? = nil, maxVersion: Int? = nil) {
        self.errorCorrection = errorCorrection
        self.maxFragmentLength = maxFragmentLength
        self.maxVersion = maxVersion
    }
}

/// A UR cut into QR frames at a given density: one static frame when it fits, otherwise a fountain-coded
/// multipart sequence whose every frame stays within the version bound.
public struct QRFrames: Sendable {
    /// Sequence numbers of an animation wrap after this, which bounds the header length of every frame.
    public static let maxSequenceNumber: UInt32 = 65_535

    /// The resource.
    public let ur: UR
    /// Error correction of every frame.
    public let errorCorrection: QRErrorCorrection
    /// The version bound every frame was checked against.
    public let maxVersion: Int
    /// The fragment length bound used (the CBOR length for a single frame).
    public let maxFragmentLength: Int
    /// Fragments in the message: the fewest frames a receiver can decode from (1 for a single frame).
    public let sequenceLength: Int

    /// Plans the frames of `ur` at `density`.
    /// - Throws: `payloadTooLarge` (wrapped) when even 10-byte fragments exceed the version bound, or when a
    ///   given fragment length gives frames above the given version.
    public init(ur: UR, density: QRDensity) throws(QRBundleError) {
        self.ur = ur
        errorCorrection = density.errorCorrection
        let bound = density.maxVersion ?? (density.maxFragmentLength == nil ? QRDensity.defaultMaxVersion : 40)
        guard (1...40).contains(bound) else { throw .transport(.invalidVersion(bound)) }
        maxVersion = bound
        if let given = density.maxFragmentLength {
            guard given >= FountainCode.defaultMinFragmentLength else {
                throw .invalidField(
                    field: "fragment size", reason: "must be at least \(FountainCode.defaultMinFragmentLength) bytes")
            }
            guard try Self.fits(ur, fragmentLength: given, level: errorCorrection, maxVersion: bound) else {
                throw .transport(
                    .payloadTooLarge(byteCount: given, errorCorrection: errorCorrection, maxVersion: bound))
            }
            maxFragmentLength = given
        } else {
            maxFragmentLength = try Self.largestFragment(ur, level: errorCorrection, maxVersion: bound)
        }
        sequenceLength = UREncoder(ur, maxFragmentLength: maxFragmentLength).sequenceLength
    }

    /// True when the message fits one static frame.
    public var isSinglePart: Bool { sequenceLength == 1 }

    /// A fresh endless frame source (sequence numbers start at 1; wrap them at ``maxSequenceNumber``).
    public func encoder() -> AnimatedQREncoder {
        AnimatedQREncoder(
            ur: ur, maxFragmentLength: maxFragmentLength, errorCorrection: errorCorrection, maxVersion: maxVersion)
    }

    /// The first `count` frames (a single-part UR always gives one frame).
    public func frames(count: Int) throws(QRBundleError) -> [AnimatedQRFrame] {
        var source = encoder()
        var frames: [AnimatedQRFrame] = []
        for _ in 0..<(isSinglePart ? 1 : max(1, count)) {
            do { frames.append(try source.nextFrame()) } catch { throw .transport(error) }
        }
        return frames
    }

    /// Frames for a still medium (numbered PNGs): the `sequenceLength` fixed-rate frames, plus half as many
    /// fountain frames so that a receiver can make up for one it cannot read.
    public var stillFrameCount: Int { isSinglePart ? 1 : sequenceLength + (sequenceLength + 1) / 2 }

    /// The largest fragment length whose frames all fit `maxVersion` (binary search: larger fragments never
    /// give shorter frames).
    static func largestFragment(_ ur: UR, level: QRErrorCorrection, maxVersion: Int) throws(QRBundleError) -> Int {
        let minimum = FountainCode.defaultMinFragmentLength
        if try fits(ur, fragmentLength: max(minimum, ur.cbor.count), level: level, maxVersion: maxVersion) {
            return max(minimum, ur.cbor.count)
        }
        guard try fits(ur, fragmentLength: minimum, level: level, maxVersion: maxVersion) else {
            throw .transport(.payloadTooLarge(byteCount: minimum, errorCorrection: level, maxVersion: maxVersion))
        }
        var low = minimum  // fits
        var high = ur.cbor.count  // does not fit
        while high - low > 1 {
            let middle = (low + high) / 2
            if try fits(ur, fragmentLength: middle, level: level, maxVersion: maxVersion) {
                low = middle
            } else {
                high = middle
            }
        }
        return low
    }

    /// Whether the longest frame for `fragmentLength` — the single part, or a part with the largest sequence
    /// number an animation shows — fits `maxVersion` at `level`.
    static func fits(_ ur: UR, fragmentLength: Int, level: QRErrorCorrection, maxVersion: Int)
        throws(QRBundleError) -> Bool
    {
        var encoder = UREncoder(ur, maxFragmentLength: fragmentLength, firstSequenceNumber: maxSequenceNumber - 1)
        let text = encoder.nextPart().uppercased()
        do {
            _ = try QREncoder.encode(alphanumeric: text, errorCorrection: level, maxVersion: maxVersion)
            return true
        } catch .payloadTooLarge {
            return false
        } catch {
            throw .transport(error)
        }
    }
}
