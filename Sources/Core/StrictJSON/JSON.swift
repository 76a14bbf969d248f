/// Strict RFC 8259 JSON: parsing into ``JSONValue`` and compact, sorted-key serialisation.
///
/// The parser refuses everything RFC 8259 does not allow (comments, trailing commas, single quotes, `NaN`, leading
/// zeros, invalid UTF-8, unpaired surrogates) plus duplicate object keys, and keeps numbers as text.
public enum JSON {
    /// The nesting limit used when none is given.
    public static let defaultMaxDepth = 128

    /// Parses one JSON document; whitespace may surround it, nothing else may follow it.
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth)
        throws(JSONError) -> JSONValue
    {
        var parser = JSONParser(bytes: Array(bytes), maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses one JSON document from text.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// Whether `bytes` is exactly one JSON number literal: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    public static func isNumberLiteral(_ bytes: [UInt8]) -> Bool {
        numberLength(bytes, from: 0) == bytes.count
    }

    /// Length of the number literal that starts at `start`, or nil when none does.
    static func numberLength(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        func digits() -> Int {
            let first = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - first
        }
        if index < bytes.count, bytes[index] == 0x2d { index += 1 }  // '-'
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x30 {  // a leading '0' must stand alone: "01" is not a number
            index += 1
            if index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { return nil }
        } else if digits() == 0 {
            return nil
        }
        if index < bytes.count, bytes[index] == 0x2e {  // '.'
            index += 1
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {  // 'e' / 'E'
            index += 1
            if index < bytes.count, bytes[index] == 0x2b || bytes[index] == 0x2d { index += 1 }
            guard digits() > 0 else { return nil }
        }
        return index - start
    }
}
