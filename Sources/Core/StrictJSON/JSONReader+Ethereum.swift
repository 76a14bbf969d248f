public import EthereumPrimitives

extension JSONReader {
    /// A canonical `0x` quantity of up to 256 bits.
    public func quantity() throws(Failure) -> UInt256 {
        let text = try string()
        do { return try UInt256(quantity: text, field: path) } catch { throw invalid(error.description) }
    }

    /// A canonical `0x` quantity that fits 64 bits.
    public func quantity64() throws(Failure) -> UInt64 {
        guard let small = try quantity().uint64 else { throw invalid("exceeds 2^64 − 1") }
        return small
    }

    /// A 20-byte address (EIP-55 checked when mixed-case).
    public func address() throws(Failure) -> Address {
        let text = try string()
        do { return try Address(hex: text, field: path) } catch { throw invalid(error.description) }
    }

    /// Hex bytes (`0x` required unless `requirePrefix` is false), of a byte count within `count` when given.
    public func bytes(count: ClosedRange<Int>? = nil, requirePrefix: Bool = true) throws(Failure) -> [UInt8] {
        let text = try string()
        let bytes: [UInt8]
        do { bytes = try Hex.decode(text, field: path, requirePrefix: requirePrefix) } catch {
            throw invalid(error.description)
        }
        if let count, !count.contains(bytes.count) {
            let expected = count.count == 1 ? "\(count.lowerBound)" : "\(count.lowerBound)…\(count.upperBound)"
            throw invalid("expected \(expected) bytes, found \(bytes.count)")
        }
        return bytes
    }

    /// A 32-byte hash.
    public func hash() throws(Failure) -> Hash32 { Hash32(uncheckedBytes: try bytes(count: 32...32)) }

    /// A decimal string of an unsigned integer up to 256 bits.
    public func decimal() throws(Failure) -> UInt256 {
        let text = try string()
        do { return try UInt256(decimal: text, field: path) } catch { throw invalid(error.description) }
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
