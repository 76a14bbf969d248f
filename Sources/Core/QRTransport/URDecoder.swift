/// Collects UR strings — single-part, or multipart in any order — until a whole UR is decoded.
///
/// The first multipart string fixes the type; strings of another type, or parts of another message, are
/// rejected with a named error and change nothing, so a scanner can report "that frame belongs to another
/// code" and keep going. Call ``reset()`` to start on a different UR deliberately.
public struct URDecoder: Sendable {
    private var fountain: FountainDecoder
    /// The type of the UR being collected, once known.
    public private(set) var expectedType: String?
    /// The decoded UR, once complete.
    public private(set) var result: UR?

    /// Creates an empty decoder with `limits` for the fountain layer.
    public init(limits: FountainDecoder.Limits = FountainDecoder.Limits()) {
        fountain = FountainDecoder(limits: limits)
    }

    /// True once ``result`` is available.
    public var isComplete: Bool { result != nil }

    /// Progress of the multipart decode (all zero for a single-part UR).
    public var progress: FountainDecoder.Progress { fountain.progress }

    /// Takes one scanned string and returns true when it added information.
    ///
    /// - Throws: any UR syntax, Bytewords, CBOR or fountain error; ``QRTransportError/urTypeMismatch(expected:found:)``
    ///   for another type; ``QRTransportError/urSequenceMismatch(path:part:)`` when the `seqNum-seqLen` path
    ///   component disagrees with the part it carries.
    @discardableResult
    public mutating func receive(_ text: String) throws(QRTransportError) -> Bool {
        let parsed = try URString(text)
        if let expectedType, expectedType != parsed.type {
            throw .urTypeMismatch(expected: expectedType, found: parsed.type)
        }
        let body = try Bytewords.decode(parsed.body, style: .minimal)
        guard let sequence = parsed.sequence else {
            guard result == nil else { return false }
            result = try UR(type: parsed.type, cbor: body)
            expectedType = parsed.type
            return true
        }
        let part = try FountainPart(cbor: body)
        guard part.sequenceNumber == sequence.number, part.sequenceLength == sequence.length else {
            throw .urSequenceMismatch(
                path: parsed.sequenceText ?? "", part: "\(part.sequenceNumber)-\(part.sequenceLength)")
        }
        let added = try fountain.receive(part)
        expectedType = parsed.type
        if result == nil, let message = fountain.result {
            result = try UR(type: parsed.type, cbor: message)
        }
        return added
    }

    /// Forgets everything, including the type and any result.
    public mutating func reset() {
        self = URDecoder(limits: fountain.limits)
    }
}
