extension JSON {
    /// The two layouts of the one canonical writer.
    ///
    /// Both sort object keys by code point (the same order as their
    /// UTF-8 bytes), escape only `"`, `\` and control characters (`\b \f \n \r \t`, else `\u00XX`) and write every
    /// other character as UTF-8, so a second implementation reproduces the bytes with Python's `json.dumps(…,
    /// sort_keys=True, ensure_ascii=False)`.
    public enum Style: Sendable {
        /// One line, no whitespace (`separators=(",", ":")`): audit-log lines, ledger lines, request bodies.
        case line
        /// Two-space indentation, `"key": value`, `[]`/`{}` when empty, one trailing newline (`indent=2`): the
        /// files ColdCredits writes (bundles, signed transactions, network files, `--json` results).
        case document
    }

    /// The canonical bytes of `value` in `style`: equal values serialise identically.
    public static func serialize(_ value: JSONValue, style: Style = .line) -> [UInt8] {
        var out: [UInt8] = []
        write(value, style: style, indent: 0, into: &out)
        if style == .document { out.append(0x0a) }
        return out
    }

    /// ``serialize(_:style:)`` as a `String`.
    public static func serializedString(_ value: JSONValue, style: Style = .line) -> String {
        String(decoding: serialize(value, style: style), as: UTF8.self)
    }

    /// One JSON string literal with the canonical escapes (for writers that lay out a line themselves).
    public static func serializedString(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        writeString(text, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, style: Style, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let flag): out.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .number(let text):
            let literal = Array(text.utf8)
            precondition(isNumberLiteral(literal), "JSONValue.number holds '\(text)', not a JSON number — caller bug")
            out.append(contentsOf: literal)
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            writeContainer(open: 0x5b, close: 0x5d, count: elements.count, style: style, indent: indent, into: &out) {
                position, out in write(elements[position], style: style, indent: indent + 2, into: &out)
            }
        case .object(let members):
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            writeContainer(open: 0x7b, close: 0x7d, count: keys.count, style: style, indent: indent, into: &out) {
                position, out in
                writeString(keys[position], into: &out)
                out.append(0x3a)
                if style == .document { out.append(0x20) }
                write(members[keys[position]] ?? .null, style: style, indent: indent + 2, into: &out)
            }
        }
    }

    private static func writeContainer(
        open: UInt8, close: UInt8, count: Int, style: Style, indent: Int, into out: inout [UInt8],
        element: (Int, inout [UInt8]) -> Void
    ) {
        out.append(open)
        let pretty = style == .document && count > 0
        for position in 0..<count {
            if position > 0 { out.append(0x2c) }
            if pretty { out.append(contentsOf: [0x0a] + [UInt8](repeating: 0x20, count: indent + 2)) }
            element(position, &out)
        }
        if pretty { out.append(contentsOf: [0x0a] + [UInt8](repeating: 0x20, count: indent)) }
        out.append(close)
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5c, 0x22])
            case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
            case 0x08: out.append(contentsOf: [0x5c, 0x62])
            case 0x0c: out.append(contentsOf: [0x5c, 0x66])
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
