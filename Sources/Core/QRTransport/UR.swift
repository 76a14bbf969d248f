/// A Uniform Resource (BCR-2020-005): a type name and the deterministic CBOR of one value of that type.
///
/// A single-part UR is written `ur:<type>/<bytewords-minimal(cbor ‖ crc32)>`; longer values travel as
/// multipart URs (``UREncoder``, ``URDecoder``). Types are lower-case letters, digits and hyphens;
/// decoders fold case first because QR codes carry URs upper-cased to stay in alphanumeric mode.
public struct UR: Hashable, Sendable {
    /// The type, such as `eth-sign-request` (lower case).
    public let type: String
    /// The untagged CBOR body.
    public let cbor: [UInt8]

    /// Pairs a type with CBOR; the type must be non-empty and use only `a-z`, `0-9` and `-`.
    ///
    /// The CBOR is not parsed here: the UR layer only carries it (the registry type decodes it).
    public init(type: String, cbor: [UInt8]) throws(QRTransportError) {
        guard Self.isValidType(type) else { throw .urInvalidType(type) }
        self.type = type
        self.cbor = cbor
    }

    /// The single-part string `ur:<type>/<body>`, lower case.
    public var string: String { "ur:\(type)/\(Bytewords.encode(cbor, style: .minimal))" }

    /// Parses a single-part UR string (any case).
    public init(parsing text: String) throws(QRTransportError) {
        let parsed = try URString(text)
        guard parsed.sequence == nil else { throw .urUnexpectedMultipart(sequence: parsed.sequenceText ?? "") }
        try self.init(type: parsed.type, cbor: Bytewords.decode(parsed.body, style: .minimal))
    }

    /// True when `type` is a valid UR type name (after lower-casing).
    public static func isValidType(_ type: String) -> Bool {
        !type.isEmpty && type.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}

/// The components of a UR string: `ur:<type>/[<seqNum>-<seqLen>/]<body>`, lower-cased.
struct URString {
    let type: String
    let sequence: (number: UInt32, length: Int)?
    let sequenceText: String?
    let body: String

    init(_ text: String) throws(QRTransportError) {
        let lower = text.lowercased()
        guard lower.hasPrefix("ur:") else { throw .urInvalidScheme(found: String(text.prefix(8))) }
        let components = lower.dropFirst(3).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard components.count == 2 || components.count == 3 else {
            throw .urInvalidPath(componentCount: components.count)
        }
        guard UR.isValidType(components[0]) else { throw .urInvalidType(components[0]) }
        type = components[0]
        body = components[components.count - 1]
        if components.count == 3 {
            sequenceText = components[1]
            sequence = try Self.parseSequence(components[1])
        } else {
            sequenceText = nil
            sequence = nil
        }
    }

    /// Parses `<seqNum>-<seqLen>`: plain decimal digits without leading zeros, both at least 1.
    private static func parseSequence(_ text: String) throws(QRTransportError) -> (number: UInt32, length: Int) {
        let halves = text.split(separator: "-", omittingEmptySubsequences: false)
        func number(_ digits: Substring) -> UInt64? {
            guard !digits.isEmpty, digits.count <= 10, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                digits.first != "0"
            else { return nil }
            return UInt64(digits)
        }
        guard halves.count == 2, let seqNum = number(halves[0]), let seqLen = number(halves[1]),
            let sequenceNumber = UInt32(exactly: seqNum), let sequenceLength = Int(exactly: seqLen)
        else { throw .urInvalidSequence(text) }
        return (sequenceNumber, sequenceLength)
    }
}
