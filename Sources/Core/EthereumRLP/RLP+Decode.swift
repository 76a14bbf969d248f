extension RLP {
    /// Deepest nesting accepted; a transaction needs 3 (access list entries), so 64 is generous and stops
    /// stack exhaustion on hostile input.
    public static let maximumDepth = 64

    /// Decodes exactly one item that spans all of `bytes`.
    ///
    /// Strict: refuses trailing bytes, single bytes wrapped as strings, long forms for short payloads,
    /// leading zeros in lengths, and lengths past the end of the input or of the enclosing list.
    public static func decode(_ bytes: [UInt8]) throws(RLPError) -> RLPItem {
        guard !bytes.isEmpty else { throw .emptyInput }
        var offset = 0
        let item = try decodeItem(bytes, at: &offset, end: bytes.count, depth: 0)
        if offset != bytes.count { throw .trailingBytes(offset: offset, count: bytes.count - offset) }
        return item
    }

    private static func decodeItem(_ bytes: [UInt8], at offset: inout Int, end: Int, depth: Int)
        throws(RLPError) -> RLPItem
    {
        guard depth <= maximumDepth else { throw .depthLimitExceeded(limit: maximumDepth) }
        let start = offset
        let (isList, payloadStart, payloadLength) = try header(bytes, at: start, end: end)
        let payloadEnd = payloadStart + payloadLength
        offset = payloadEnd
        guard isList else {
            if payloadLength == 0 && bytes[start] < 0x80 { return .bytes([bytes[start]]) }
            return .bytes(Array(bytes[payloadStart..<payloadEnd]))
        }
        var items: [RLPItem] = []
        var cursor = payloadStart
        while cursor < payloadEnd {
            items.append(try decodeItem(bytes, at: &cursor, end: payloadEnd, depth: depth + 1))
        }
        return .list(items)
    }

    /// Reads the header at `start`; returns whether it is a list, where the payload starts and its length.
    ///
    /// A single byte below 0x80 is its own payload: reported as a string of length 0 starting after it.
    private static func header(_ bytes: [UInt8], at start: Int, end: Int) throws(RLPError) -> (Bool, Int, Int) {
        let prefix = bytes[start]
        switch prefix {
        case 0x00...0x7f:
            return (false, start + 1, 0)
        case 0x80...0xb7, 0xc0...0xf7:
            let isList = prefix >= 0xc0
            let length = Int(prefix - (isList ? 0xc0 : 0x80))
            try require(length, from: start + 1, end: end, item: start)
            if !isList, length == 1, bytes[start + 1] < 0x80 { throw .nonCanonicalSingleByte(offset: start) }
            return (isList, start + 1, length)
        default:
            let isList = prefix >= 0xf8
            let lengthOfLength = Int(prefix - (isList ? 0xf7 : 0xb7))
            try require(lengthOfLength, from: start + 1, end: end, item: start)
            if bytes[start + 1] == 0 { throw .leadingZeroInLength(offset: start) }
            guard lengthOfLength <= 7 else { throw .lengthOverflow(offset: start) }
            var length = 0
            for byte in bytes[(start + 1)..<(start + 1 + lengthOfLength)] { length = length << 8 | Int(byte) }
            if length < 56 { throw .nonCanonicalSize(offset: start) }
            try require(length, from: start + 1 + lengthOfLength, end: end, item: start)
            return (isList, start + 1 + lengthOfLength, length)
        }
    }

    private static func require(_ count: Int, from position: Int, end: Int, item: Int) throws(RLPError) {
        let available = end - position
        if count > available { throw .inputTooShort(offset: item, needed: count, available: max(0, available)) }
    }
}
