import EthereumPrimitives

extension ABI {
    /// Decodes `data` as a tuple of `types`, strictly: every word in range, padding zero, and the input must be
    /// exactly the canonical encoding of the decoded values (no trailing bytes, no gaps, no aliasing tails).
    public static func decode(_ types: [ABIType], from data: [UInt8], field: String = "arguments")
        throws(ABIError) -> [ABIValue]
    {
        let values = try decodeTuple(types, data: data, base: 0, field: field)
        let canonical = encode(values)
        if canonical.count != data.count {
            throw .nonCanonicalEncoding(reason: "\(data.count) bytes where the canonical encoding has \(canonical.count)")
        }
        if canonical != data { throw .nonCanonicalEncoding(reason: "offsets or tails are not in canonical order") }
        return values
    }

    /// Checks the 4-byte selector and decodes the arguments that follow it.
    public static func decodeCall(selector: [UInt8], _ types: [ABIType], from calldata: [UInt8])
        throws(ABIError) -> [ABIValue]
    {
        guard calldata.count >= 4 else {
            throw .dataTooShort(field: "selector", offset: 0, needed: 4, available: calldata.count)
        }
        let found = Array(calldata[0..<4])
        guard found == selector else {
            throw .unexpectedSelector(expected: Hex.encode(selector), found: Hex.encode(found))
        }
        return try decode(types, from: Array(calldata[4...]))
    }

    static func decodeTuple(_ types: [ABIType], data: [UInt8], base: Int, field: String) throws(ABIError) -> [ABIValue] {
        var values: [ABIValue] = []
        var headOffset = base
        for (index, type) in types.enumerated() {
            let name = "\(field)[\(index)]"
            if type.isDynamic {
                let pointer = try word(data, at: headOffset, field: name)
                guard let relative = pointer.uint64, relative % 32 == 0, relative <= UInt64(data.count - base) else {
                    throw .invalidOffset(field: name, offset: headOffset, value: pointer.decimalString)
                }
                values.append(try decodeValue(type, data: data, at: base + Int(relative), field: name))
            } else {
                values.append(try decodeValue(type, data: data, at: headOffset, field: name))
            }
            headOffset += type.headSize
        }
        return values
    }

    static func decodeValue(_ type: ABIType, data: [UInt8], at offset: Int, field: String) throws(ABIError) -> ABIValue {
        switch type {
        case .uint(let bits):
            let value = try word(data, at: offset, field: field)
            if value.bitWidth > bits { throw .dirtyPadding(field: field, offset: offset) }
            return .uint(value)
        case .int(let bits):
            let bytes = try wordBytes(data, at: offset, field: field)
            let signByte: UInt8 = bytes[32 - bits / 8] & 0x80 == 0 ? 0 : 0xff
            if bytes[0..<(32 - bits / 8)].contains(where: { $0 != signByte }) {
                throw .dirtyPadding(field: field, offset: offset)
            }
            return .int(try word(data, at: offset, field: field))
        case .address:
            let bytes = try wordBytes(data, at: offset, field: field)
            if bytes[0..<12].contains(where: { $0 != 0 }) { throw .dirtyPadding(field: field, offset: offset) }
            return .address(Address(uncheckedBytes: Array(bytes[12...])))
        case .bool:
            let value = try word(data, at: offset, field: field)
            guard value <= 1 else { throw .invalidBool(field: field, offset: offset) }
            return .bool(value == 1)
        case .fixedBytes(let size):
            let bytes = try wordBytes(data, at: offset, field: field)
            if bytes[size...].contains(where: { $0 != 0 }) { throw .dirtyPadding(field: field, offset: offset) }
            return .fixedBytes(Array(bytes[0..<size]))
        case .bytes:
            return .bytes(try dynamicBytes(data, at: offset, field: field))
        case .string:
            let bytes = try dynamicBytes(data, at: offset, field: field)
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(field: field) }
            return .string(text)
        case .tuple(let components):
            return .tuple(try decodeTuple(components, data: data, base: offset, field: field))
        }
    }

    static func dynamicBytes(_ data: [UInt8], at offset: Int, field: String) throws(ABIError) -> [UInt8] {
        let length = try word(data, at: offset, field: field)
        let start = offset + 32
        guard let count = length.uint64, count <= UInt64(data.count - start) else {
            throw .invalidOffset(field: field, offset: offset, value: length.decimalString)
        }
        let end = start + Int(count)
        let paddedEnd = start + (Int(count) + 31) / 32 * 32
        guard paddedEnd <= data.count else {
            throw .dataTooShort(field: field, offset: end, needed: paddedEnd - end, available: data.count - end)
        }
        if data[end..<paddedEnd].contains(where: { $0 != 0 }) { throw .dirtyPadding(field: field, offset: end) }
        return Array(data[start..<end])
    }

    static func wordBytes(_ data: [UInt8], at offset: Int, field: String) throws(ABIError) -> [UInt8] {
        guard offset >= 0, offset <= data.count, data.count - offset >= 32 else {
            throw .dataTooShort(field: field, offset: offset, needed: 32, available: max(0, data.count - offset))
        }
        return Array(data[offset..<(offset + 32)])
    }

    static func word(_ data: [UInt8], at offset: Int, field: String) throws(ABIError) -> UInt256 {
        let bytes = try wordBytes(data, at: offset, field: field)
        do {
            return try UInt256(bigEndian: bytes)
        } catch {
            fatalError("a 32-byte word always fits UInt256")
        }
    }
}
