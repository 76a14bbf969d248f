extension JSON {
    /// Compact UTF-8 JSON with object keys sorted by their UTF-8 bytes, so equal values serialise identically.
    ///
    /// Strings escape `"`, `\` and control characters (as `\n`, `\t`… or `\u00XX`); everything else is written as
    /// UTF-8. Numbers are written as their literal text, which must be a JSON number literal.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out)
        return out
    }

    /// ``serialize(_:)`` as a `String`.
    public static func serializedString(_ value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let flag): out.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .number(let text):
            let literal = Array(text.utf8)
            precondition(isNumberLiteral(literal), "JSONValue.number holds '\(text)', not a JSON number — caller bug")
            out.append(contentsOf: literal)
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            out.append(0x5b)
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(0x2c) }
                write(element, into: &out)
            }
            out.append(0x5d)
        case .object(let members):
            out.append(0x7b)
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (position, key) in keys.enumerated() {
                if position > 0 { out.append(0x2c) }
                writeString(key, into: &out)
                out.append(0x3a)
                if let member = members[key] { write(member, into: &out) }
            }
            out.append(0x7d)
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5c, 0x22])
            case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
            case 0x0a: out.append(contentsOf: [0x5c, 0x6e])
            case 0x0d: out.append(contentsOf: [0x5c, 0x72])
            case 0x09: out.append(contentsOf: [0x5c, 0x74])
            case 0x00..<0x20:
                let digits: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5c, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
