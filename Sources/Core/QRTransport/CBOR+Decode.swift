extension CBOR {
    /// The nesting limit ``decode(_:maxDepth:)`` applies unless told otherwise (ERC-4527 needs 4 levels).
    public static let defaultMaxDepth = 16

    /// Decodes exactly one deterministically encoded item that spans all of `bytes`.
    ///
    /// Rejected, each with its own error and byte offset: truncation, trailing bytes, non-shortest heads,
    /// indefinite lengths, reserved additional information, floats and simple values other than
    /// `false`/`true`/`null`, invalid UTF-8 in text, map keys that are duplicated or not in ascending
    /// bytewise order, lengths larger than the input, and nesting deeper than `maxDepth`.
    public static func decode(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(QRTransportError) -> CBOR {
        var reader = Reader(bytes: bytes, maxDepth: maxDepth)
        let item = try reader.readItem(depth: 0)
        guard reader.offset == bytes.count else {
            throw .cborTrailingBytes(offset: reader.offset, count: bytes.count - reader.offset)
        }
        return item
    }

    /// A cursor over the input; every read checks the remaining length first.
    private struct Reader {
        let bytes: [UInt8]
        let maxDepth: Int
        var offset = 0

        init(bytes: [UInt8], maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        private var remaining: Int { bytes.count - offset }

        mutating func readItem(depth: Int) throws(QRTransportError) -> CBOR {
            guard depth <= maxDepth else { throw .cborNestingTooDeep(offset: offset, limit: maxDepth) }
            guard offset < bytes.count else { throw .cborTruncated(offset: offset) }
            let start = offset
            let major = bytes[offset] >> 5
            if major == 7 { return try readSimple() }
            let argument = try readArgument()
            switch major {
            case 0:
                return .unsigned(argument)
            case 1:
                return .negative(argument)
            case 2:
                return .bytes(try readBytes(count: argument, itemOffset: start))
            case 3:
                let utf8 = try readBytes(count: argument, itemOffset: start)
                guard let text = String(validating: utf8, as: UTF8.self) else { throw .cborInvalidUTF8(offset: start) }
                return .text(text)
            case 4:
                // Every item takes at least one byte, so a count above the remaining bytes cannot be real;
                // checking first keeps a forged count from reserving memory.
                let count = try checkedCount(argument, minimumBytesEach: 1, itemOffset: start)
                var items: [CBOR] = []
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(try readItem(depth: depth + 1)) }
                return .array(items)
            case 5:
                return .map(try readMapEntries(argument, depth: depth, itemOffset: start))
            default:
                return .tagged(argument, try readItem(depth: depth + 1))
            }
        }

        private mutating func readMapEntries(_ argument: UInt64, depth: Int, itemOffset: Int)
            throws(QRTransportError) -> [MapEntry]
        {
            let count = try checkedCount(argument, minimumBytesEach: 2, itemOffset: itemOffset)
            var entries: [MapEntry] = []
            entries.reserveCapacity(count)
            var previousKey: ArraySlice<UInt8>?
            for _ in 0..<count {
                let keyStart = offset
                let key = try readItem(depth: depth + 1)
                let keyBytes = bytes[keyStart..<offset]
                // RFC 8949 §4.2.1: keys sorted by the bytewise order of their (shortest) encodings, no repeats.
                if let previous = previousKey, !previous.lexicographicallyPrecedes(keyBytes) {
                    throw .cborMapKeysNotCanonical(offset: keyStart)
                }
                previousKey = keyBytes
                entries.append(MapEntry(key, try readItem(depth: depth + 1)))
            }
            return entries
        }

        private mutating func readSimple() throws(QRTransportError) -> CBOR {
            let initial = bytes[offset]
            switch initial & 0x1F {
            case 20: offset += 1; return .bool(false)
            case 21: offset += 1; return .bool(true)
            case 22: offset += 1; return .null
            case 31: throw .cborIndefiniteLength(offset: offset)
            default: throw .cborUnsupportedItem(offset: offset, initialByte: initial)
            }
        }

        /// Reads the head at `offset` and returns its argument, insisting on the shortest form.
        private mutating func readArgument() throws(QRTransportError) -> UInt64 {
            let start = offset
            let initial = bytes[offset]
            offset += 1
            let info = initial & 0x1F
            let width: Int
            switch info {
            case 0..<24: return UInt64(info)
            case 24: width = 1
            case 25: width = 2
            case 26: width = 4
            case 27: width = 8
            case 31: throw .cborIndefiniteLength(offset: start)
            default: throw .cborUnsupportedItem(offset: start, initialByte: initial)
            }
            guard remaining >= width else { throw .cborTruncated(offset: start) }
            let value = bytes[offset..<(offset + width)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            offset += width
            let shortestLimit: UInt64 = width == 1 ? 24 : 1 << (4 * UInt64(width))
            guard value >= shortestLimit else { throw .cborNonMinimalHead(offset: start) }
            return value
        }

        private mutating func readBytes(count: UInt64, itemOffset: Int) throws(QRTransportError) -> [UInt8] {
            guard count <= UInt64(remaining) else {
                throw .cborLengthExceedsInput(offset: itemOffset, declared: count, available: remaining)
            }
            let length = Int(count)
            defer { offset += length }
            return Array(bytes[offset..<(offset + length)])
        }

        private func checkedCount(_ count: UInt64, minimumBytesEach: Int, itemOffset: Int)
            throws(QRTransportError) -> Int
        {
            guard count <= UInt64(remaining / minimumBytesEach) else {
                throw .cborLengthExceedsInput(offset: itemOffset, declared: count, available: remaining)
            }
            return Int(count)
        }
    }
}
