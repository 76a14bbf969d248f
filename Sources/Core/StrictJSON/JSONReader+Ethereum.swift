public import EthereumPrimitives

extension JSONReader {
    /// The string read by a primitive parser given this value's path as its field name; its ``PrimitiveError`` is
    /// kept as a ``JSONFieldError/malformed(path:_:)``.
    public func primitive<T>(_ parse: (_ text: String, _ field: String) throws(PrimitiveError) -> T) throws(Failure) -> T {
        let text = try string()
        do { return try parse(text, path) } catch { throw fail(.malformed(path: path, error)) }
    }

    /// A canonical `0x` quantity of up to 256 bits.
    public func quantity() throws(Failure) -> UInt256 {
        try primitive { text, field throws(PrimitiveError) in try UInt256(quantity: text, field: field) }
    }

    /// A canonical `0x` quantity that fits 64 bits.
    public func quantity64() throws(Failure) -> UInt64 {
        guard let small = try quantity().uint64 else {
            throw fail(.malformed(path: path, .overflow(field: path, limit: "2^64 − 1")))
        }
        return small
    }

    /// A 20-byte address (EIP-55 checked when mixed-case).
    public func address() throws(Failure) -> Address {
        try primitive { text, field throws(PrimitiveError) in try Address(hex: text, field: field) }
    }

    /// Hex bytes (`0x` required unless `requirePrefix` is false), of a byte count within `count` when given.
    public func bytes(count: ClosedRange<Int>? = nil, requirePrefix: Bool = true) throws(Failure) -> [UInt8] {
        let bytes = try primitive { text, field throws(PrimitiveError) in
            try Hex.decode(text, field: field, requirePrefix: requirePrefix)
        }
        if let count, !count.contains(bytes.count) {
            let expected = count.count == 1 ? "\(count.lowerBound)" : "\(count.lowerBound)…\(count.upperBound)"
            throw invalid("expected \(expected) bytes, found \(bytes.count)")
        }
        return bytes
    }

    /// A 32-byte hash.
    public func hash() throws(Failure) -> Hash32 {
        try primitive { text, field throws(PrimitiveError) in try Hash32(hex: text, field: field) }
    }

    /// A decimal string of an unsigned integer up to 256 bits.
    public func decimal() throws(Failure) -> UInt256 {
        try primitive { text, field throws(PrimitiveError) in try UInt256(decimal: text, field: field) }
    }

    /// A required quantity member.
    public mutating func quantity(_ key: String) throws(Failure) -> UInt256 { try field(key).quantity() }

    /// A required 64-bit quantity member.
    public mutating func quantity64(_ key: String) throws(Failure) -> UInt64 { try field(key).quantity64() }

    /// A required address member.
    public mutating func address(_ key: String) throws(Failure) -> Address { try field(key).address() }

    /// A required hex-bytes member, of exactly `count` bytes when given.
    public mutating func bytes(_ key: String, count: Int? = nil) throws(Failure) -> [UInt8] {
        try field(key).bytes(count: count.map { $0...$0 })
    }

    /// A required 32-byte hash member.
    public mutating func hash(_ key: String) throws(Failure) -> Hash32 { try field(key).hash() }

    /// An optional 32-byte hash member.
    public mutating func optionalHash(_ key: String) throws(Failure) -> Hash32? { try optionalField(key)?.hash() }

    /// A required decimal-string member.
    public mutating func decimal(_ key: String) throws(Failure) -> UInt256 { try field(key).decimal() }
}
