extension QRTransportError: CustomStringConvertible {
    /// A one-line message naming what was expected and what was found.
    public var description: String {
        switch self {
        case .bytewordsInvalidWord(let word, let index):
            return "Bytewords: '\(word)' at word \(index) is not a Byteword"
        case .bytewordsOddLength(let count):
            return "Bytewords: minimal form needs an even number of letters, found \(count)"
        case .bytewordsTooShort(let count):
            return "Bytewords: at least 5 bytes (payload + 4-byte checksum) expected, found \(count)"
        case .bytewordsChecksumMismatch(let expected, let found):
            return "Bytewords: checksum \(hex32(found)) does not match the payload's CRC-32 \(hex32(expected))"
        case .cborTruncated(let offset):
            return "CBOR: input ends inside the item at offset \(offset)"
        case .cborTrailingBytes(let offset, let count):
            return "CBOR: \(count) trailing byte(s) after the item, at offset \(offset)"
        case .cborNonMinimalHead(let offset):
            return "CBOR: non-shortest integer or length encoding at offset \(offset)"
        case .cborIndefiniteLength(let offset):
            return "CBOR: indefinite length or break at offset \(offset) (deterministic CBOR forbids it)"
        case .cborUnsupportedItem(let offset, let initialByte):
            return "CBOR: unsupported item 0x\(hex8(initialByte)) at offset \(offset)"
        case .cborNestingTooDeep(let offset, let limit):
            return "CBOR: nesting deeper than \(limit) at offset \(offset)"
        case .cborInvalidUTF8(let offset):
            return "CBOR: text string at offset \(offset) is not valid UTF-8"
        case .cborMapKeysNotCanonical(let offset):
            return "CBOR: map key at offset \(offset) repeats or is out of ascending order"
        case .cborLengthExceedsInput(let offset, let declared, let available):
            return "CBOR: item at offset \(offset) declares \(declared) but only \(available) byte(s) remain"
        case .cborTypeMismatch(let field, let expected, let found):
            return "CBOR: \(field) should be a \(expected), found a \(found)"
        case .cborUnexpectedTag(let field, let expected, let found):
            let wanted = expected.map(String.init).joined(separator: " or ")
            return "CBOR: \(field) should carry tag \(wanted), found \(found.map { "tag \($0)" } ?? "no tag")"
        case .invalidPart(let field, let reason):
            return "fountain part: \(field) \(reason)"
        case .fountainLimitExceeded(let field, let limit, let found):
            return "fountain part: \(field) is \(found), above the limit of \(limit)"
        case .partFromAnotherMessage(let field, let expected, let found):
            return "fountain part from another message: \(field) is \(found), this message has \(expected)"
        case .messageChecksumMismatch(let expected, let found):
            return "fountain: reassembled message has CRC-32 \(hex32(found)), parts announced \(hex32(expected)); "
                + "decoder reset"
        case .urInvalidScheme(let found):
            return "UR: expected a string starting with 'ur:', found '\(found)'"
        case .urInvalidType(let type):
            return "UR: type '\(type)' must be non-empty and use only a-z, 0-9 and '-'"
        case .urInvalidPath(let count):
            return "UR: expected 'type/body' or 'type/seq/body', found \(count) path component(s)"
        case .urInvalidSequence(let text):
            return "UR: sequence component '\(text)' is not '<seqNum>-<seqLen>'"
        case .urSequenceMismatch(let path, let part):
            return "UR: path says part \(path) but the part inside is \(part)"
        case .urTypeMismatch(let expected, let found):
            return "UR: expected type '\(expected)', found '\(found)'"
        case .urUnexpectedMultipart(let sequence):
            return "UR: expected a single-part UR, found part \(sequence) of a multipart one"
        case .missingField(let type, let key, let name):
            return "\(type): required key \(key) (\(name)) is missing"
        case .unknownField(let type, let key):
            return "\(type): key \(key) is not defined"
        case .invalidFieldValue(let field, let reason):
            return "\(field): \(reason)"
        case .emptyPayload, .invalidVersion, .notAlphanumeric, .payloadTooLarge, .qrEncodingFailed, .invalidImage,
            .imageTooLarge, .imageFileTooLarge, .invalidRenderParameter, .pngFailed, .zbarFailed, .qrCodeCount,
            .cameraUnavailable:
            return qrDescription
        }
    }
}

private func hex32(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}

private func hex8(_ value: UInt8) -> String {
    value < 16 ? "0" + String(value, radix: 16) : String(value, radix: 16)
}
