extension RLP {
    /// Encodes `item` canonically.
    public static func encode(_ item: RLPItem) -> [UInt8] {
        var out: [UInt8] = []
        append(item, to: &out)
        return out
    }

    /// Appends the canonical encoding of `item` to `out`.
    public static func append(_ item: RLPItem, to out: inout [UInt8]) {
        switch item {
        case .bytes(let bytes):
            if bytes.count == 1, bytes[0] < 0x80 {
                out.append(bytes[0])
            } else {
                appendHeader(payloadLength: bytes.count, shortBase: 0x80, to: &out)
                out.append(contentsOf: bytes)
            }
        case .list(let items):
            var payload: [UInt8] = []
            for child in items { append(child, to: &payload) }
            appendHeader(payloadLength: payload.count, shortBase: 0xc0, to: &out)
            out.append(contentsOf: payload)
        }
    }

    /// Writes a string (`0x80`) or list (`0xc0`) header for a payload of `payloadLength` bytes.
    static func appendHeader(payloadLength: Int, shortBase: UInt8, to out: inout [UInt8]) {
        if payloadLength < 56 {
            out.append(shortBase + UInt8(payloadLength))
            return
        }
        var lengthBytes: [UInt8] = []
        var rest = payloadLength
        while rest > 0 {
            lengthBytes.insert(UInt8(truncatingIfNeeded: rest), at: 0)
            rest >>= 8
        }
        out.append(shortBase + 55 + UInt8(lengthBytes.count))
        out.append(contentsOf: lengthBytes)
    }
}
