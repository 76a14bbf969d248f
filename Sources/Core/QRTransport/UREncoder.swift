/// Turns a UR into the strings to show: one single-part string, or an endless run of multipart strings.
///
/// Multipart strings are `ur:<type>/<seqNum>-<seqLen>/<bytewords-minimal(part cbor ‖ crc32)>`, where the part
/// comes from a ``FountainEncoder`` over the UR's CBOR (BCR-2024-001).
public struct UREncoder: Sendable {
    /// The resource being sent.
    public let ur: UR
    private var fountain: FountainEncoder

    /// Prepares `ur` (with non-empty CBOR) for fragments of at most `maxFragmentLength` bytes of CBOR.
    public init(
        _ ur: UR, maxFragmentLength: Int, minFragmentLength: Int = FountainCode.defaultMinFragmentLength,
        firstSequenceNumber: UInt32 = 0
    ) {
        self.ur = ur
        fountain = FountainEncoder(
            message: ur.cbor, maxFragmentLength: maxFragmentLength, minFragmentLength: minFragmentLength,
            firstSequenceNumber: firstSequenceNumber
        )
    }

    /// True when the CBOR fits one fragment; ``nextPart()`` then always returns the single-part string.
    public var isSinglePart: Bool { fountain.isSinglePart }

    /// Number of fragments (the minimum number of parts a receiver needs).
    public var sequenceLength: Int { fountain.sequenceLength }

    /// Sequence number of the last part returned.
    public var sequenceNumber: UInt32 { fountain.sequenceNumber }

    /// The next string to show.
    public mutating func nextPart() -> String {
        let part = fountain.nextPart()
        return isSinglePart ? ur.string : Self.encode(part, type: ur.type)
    }

    /// The multipart string for `part` of a UR of type `type`.
    public static func encode(_ part: FountainPart, type: String) -> String {
        "ur:\(type)/\(part.sequenceNumber)-\(part.sequenceLength)/\(Bytewords.encode(part.cbor, style: .minimal))"
    }
}
