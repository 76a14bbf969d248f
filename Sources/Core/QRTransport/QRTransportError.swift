/// Every error the QRTransport module throws.
///
/// Covers Bytewords, CBOR, fountain codes, UR strings, ERC-4527 messages, QR encoding and decoding, PNG files
/// and the camera. Cases carry what was expected and what was found, and the field or offset concerned.
public enum QRTransportError: Error, Equatable, Sendable {
    // MARK: Bytewords
    /// A word (or two-letter minimal word) that is not in the Bytewords list; `index` counts words.
    case bytewordsInvalidWord(word: String, index: Int)
    /// Minimal Bytewords need two letters per byte.
    case bytewordsOddLength(letterCount: Int)
    /// Fewer than five bytes: a one-byte payload plus the four checksum bytes is the minimum.
    case bytewordsTooShort(byteCount: Int)
    /// The trailing CRC-32 does not match the payload.
    case bytewordsChecksumMismatch(expected: UInt32, found: UInt32)

    // MARK: CBOR
    /// The input ends inside the item starting at `offset`.
    case cborTruncated(offset: Int)
    /// Bytes follow the single top-level item.
    case cborTrailingBytes(offset: Int, count: Int)
    /// A head that a shorter form could have written (deterministic encoding forbids it).
    case cborNonMinimalHead(offset: Int)
    /// An indefinite-length item or a stray break byte.
    case cborIndefiniteLength(offset: Int)
    /// Floats, `undefined`, other simple values and reserved additional information.
    case cborUnsupportedItem(offset: Int, initialByte: UInt8)
    /// Items nested deeper than the decoder allows.
    case cborNestingTooDeep(offset: Int, limit: Int)
    /// A text string that is not valid UTF-8.
    case cborInvalidUTF8(offset: Int)
    /// A map key that repeats or is not in ascending bytewise order.
    case cborMapKeysNotCanonical(offset: Int)
    /// A length or count larger than the bytes left.
    case cborLengthExceedsInput(offset: Int, declared: UInt64, available: Int)
    /// A field holds another kind of item than its schema says.
    case cborTypeMismatch(field: String, expected: String, found: String)
    /// A field lacks its tag or carries another one (`found` is nil when untagged).
    case cborUnexpectedTag(field: String, expected: [UInt64], found: UInt64?)

    // MARK: Fountain codes
    /// A part that contradicts itself or the format (`seqNum` 0, lengths that do not fit together, …).
    case invalidPart(field: String, reason: String)
    /// A part claims more than ``FountainDecoder/Limits`` allow.
    case fountainLimitExceeded(field: String, limit: Int, found: Int)
    /// A part of another message than the one being decoded (checksum, `seqLen`, `messageLen` or fragment
    /// length differ).
    case partFromAnotherMessage(field: String, expected: Int, found: Int)
    /// All fragments were solved but the message fails its CRC-32; the decoder has started over.
    case messageChecksumMismatch(expected: UInt32, found: UInt32)

    // MARK: UR strings
    /// The string does not start with `ur:`; `found` is its first characters.
    case urInvalidScheme(found: String)
    /// A type with characters outside `a-z`, `0-9` and `-`, or empty.
    case urInvalidType(String)
    /// The path has neither 2 (`type/body`) nor 3 (`type/seq/body`) components.
    case urInvalidPath(componentCount: Int)
    /// The `seqNum-seqLen` component is malformed.
    case urInvalidSequence(String)
    /// The `seqNum-seqLen` component disagrees with the part inside.
    case urSequenceMismatch(path: String, part: String)
    /// A UR of another type than the one being collected, or than the caller asked for.
    case urTypeMismatch(expected: String, found: String)
    /// A multipart string where a single-part UR was required.
    case urUnexpectedMultipart(sequence: String)

    // MARK: ERC-4527 and BCR registry types
    /// A required map key is absent.
    case missingField(type: String, key: UInt64, name: String)
    /// A map key the type does not define.
    case unknownField(type: String, key: UInt64)
    /// A field has the right CBOR kind but an unacceptable value.
    case invalidFieldValue(field: String, reason: String)

    // MARK: QR symbols, images and camera
    /// Nothing to encode.
    case emptyPayload
    /// A QR version outside 1…40 (or a chosen version above the maximum).
    case invalidVersion(Int)
    /// A character outside the QR alphanumeric set at this byte offset.
    case notAlphanumeric(offset: Int)
    /// The payload needs a larger symbol than `maxVersion` allows at this level.
    case payloadTooLarge(byteCount: Int, errorCorrection: QRErrorCorrection, maxVersion: Int)
    /// libqrencode failed for another reason than capacity (`errno`).
    case qrEncodingFailed(errno: Int32)
    /// Pixel count does not equal width × height, or a dimension is not positive.
    case invalidImage(width: Int, height: Int, byteCount: Int)
    /// An image larger than the decoder accepts.
    case imageTooLarge(width: Int, height: Int, limit: Int)
    /// An image file larger than ``PNGCodec/maxFileBytes``; refused from its size, before reading.
    case imageFileTooLarge(path: String, size: UInt64, limit: UInt64)
    /// A scale outside 1…64 pixels per module or a quiet zone outside 0…64 modules.
    case invalidRenderParameter(scale: Int, quietZone: Int)
    /// libpng refused; `message` is its own text.
    case pngFailed(operation: String, message: String)
    /// zbar reported an error while scanning.
    case zbarFailed(code: Int)
    /// Exactly one QR code was expected in the image.
    case qrCodeCount(found: Int)
    /// The camera could not be opened or read.
    case cameraUnavailable(device: String, reason: String)
}
