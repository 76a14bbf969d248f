import EthereumPrimitives

extension ABI {
    /// Encodes `values` as the arguments of a call (a top-level tuple: heads, then tails).
    public static func encode(_ values: [ABIValue]) -> [UInt8] {
        encodeTuple(values)
    }

    /// Encodes a call: `selector ‖ encode(values)`.
    public static func encodeCall(selector: [UInt8], _ values: [ABIValue]) -> [UInt8] {
        selector + encode(values)
    }

    static func encodeTuple(_ values: [ABIValue]) -> [UInt8] {
        let headLength = values.reduce(0) { $0 + headSize(of: $1) }
        var head: [UInt8] = []
        var tail: [UInt8] = []
        for value in values {
            if isDynamic(value) {
                head += UInt256(UInt64(headLength + tail.count)).bigEndianBytes
                tail += encodeValue(value)
            } else {
                head += encodeValue(value)
            }
        }
        return head + tail
    }

    static func encodeValue(_ value: ABIValue) -> [UInt8] {
        switch value {
        case .uint(let number), .int(let number): return number.bigEndianBytes
        case .address(let address): return [UInt8](repeating: 0, count: 12) + address.bytes
        case .bool(let flag): return UInt256(flag ? 1 : 0).bigEndianBytes
        case .fixedBytes(let bytes): return bytes + [UInt8](repeating: 0, count: 32 - bytes.count)
        case .bytes(let bytes): return encodeDynamicBytes(bytes)
        case .string(let text): return encodeDynamicBytes(Array(text.utf8))
        case .tuple(let components): return encodeTuple(components)
        }
    }

    static func encodeDynamicBytes(_ bytes: [UInt8]) -> [UInt8] {
        let padding = (32 - bytes.count % 32) % 32
        return UInt256(UInt64(bytes.count)).bigEndianBytes + bytes + [UInt8](repeating: 0, count: padding)
    }

    static func isDynamic(_ value: ABIValue) -> Bool {
        switch value {
        case .bytes, .string: return true
        case .tuple(let components): return components.contains(where: isDynamic)
        default: return false
        }
    }

    static func headSize(of value: ABIValue) -> Int {
        if case .tuple(let components) = value, !isDynamic(value) {
            return components.reduce(0) { $0 + headSize(of: $1) }
        }
        return 32
    }
}
