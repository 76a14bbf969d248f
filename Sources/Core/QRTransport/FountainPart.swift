/// One part of a fountain-coded message: the CBOR array `[seqNum, seqLen, messageLen, checksum, data]`.
///
/// `checksum` is the CRC-32 of the whole message; `data` is one fragment (parts `1...seqLen`) or the XOR of
/// several (later, "rateless" parts). See BCR-2024-001 §"Part".
public struct FountainPart: Hashable, Sendable {
    /// 1-based sequence number; values above ``sequenceLength`` are normal (rateless parts).
    public let sequenceNumber: UInt32
    /// Number of fragments the message was split into.
    public let sequenceLength: Int
    /// Length of the message in bytes, before padding.
    public let messageLength: Int
    /// CRC-32 of the message.
    public let checksum: UInt32
    /// The fragment, or XOR of fragments, this part carries.
    public let data: [UInt8]

    /// Assembles a part.
    public init(sequenceNumber: UInt32, sequenceLength: Int, messageLength: Int, checksum: UInt32, data: [UInt8]) {
        self.sequenceNumber = sequenceNumber
        self.sequenceLength = sequenceLength
        self.messageLength = messageLength
        self.checksum = checksum
        self.data = data
    }

    /// The part as deterministic CBOR.
    public var cbor: [UInt8] {
        CBOR.array([
            .unsigned(UInt64(sequenceNumber)), .unsigned(UInt64(sequenceLength)), .unsigned(UInt64(messageLength)),
            .unsigned(UInt64(checksum)), .bytes(data),
        ]).encoded
    }

    /// Decodes a part from CBOR, checking the array shape and each field's type and range.
    ///
    /// Consistency with other parts of the same message is the decoder's job (``FountainDecoder``).
    public init(cbor bytes: [UInt8]) throws(QRTransportError) {
        let items = try CBOR.decode(bytes).arrayValue(field: "part")
        guard items.count == 5 else {
            throw .invalidPart(field: "part", reason: "expected an array of 5 items, found \(items.count)")
        }
        let sequenceNumber = try items[0].unsignedValue(field: "part.seqNum")
        let sequenceLength = try items[1].unsignedValue(field: "part.seqLen")
        let messageLength = try items[2].unsignedValue(field: "part.messageLen")
        let checksum = try items[3].unsignedValue(field: "part.checksum")
        let data = try items[4].bytesValue(field: "part.data")
        guard let sequenceNumber = UInt32(exactly: sequenceNumber) else {
            throw .invalidPart(field: "part.seqNum", reason: "\(sequenceNumber) exceeds 2^32 − 1")
        }
        guard let checksum = UInt32(exactly: checksum) else {
            throw .invalidPart(field: "part.checksum", reason: "\(checksum) exceeds 2^32 − 1")
        }
        // Lengths beyond 2^32 cannot come from a real encoder; capping here keeps the Int conversion exact.
        guard sequenceLength <= UInt64(UInt32.max), messageLength <= UInt64(UInt32.max) else {
            throw .invalidPart(field: "part.seqLen/messageLen", reason: "exceeds 2^32 − 1")
        }
        self.init(
            sequenceNumber: sequenceNumber, sequenceLength: Int(sequenceLength), messageLength: Int(messageLength),
            checksum: checksum, data: data
        )
    }
}
