/// The recursive-descent parser behind ``JSON/parse(_:maxDepth:)``.
struct JSONParser {
    private let bytes: [UInt8]
    private let maxDepth: Int
    private var index = 0
    private var depth = 0

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw .trailingData(offset: index) }
        return value
    }

    private mutating func parseValue() throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw .unexpectedEnd(expected: "a value") }
        switch bytes[index] {
        case 0x7b: return try parseObject()  // {
        case 0x5b: return try parseArray()  // [
        case 0x22: return .string(try parseString())  // "
        case 0x74: return try parseLiteral("true", .bool(true))
        case 0x66: return try parseLiteral("false", .bool(false))
        case 0x6e: return try parseLiteral("null", .null)
        case 0x2d, 0x30...0x39:
            guard let length = JSON.numberLength(bytes, from: index) else { throw .invalidNumber(offset: index) }
            let text = String(decoding: bytes[index..<index + length], as: UTF8.self)
            index += length
            return .number(text)
        default:
            throw .unexpectedByte(offset: index, found: bytes[index], expected: "a value")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONError) -> JSONValue {
        for expected in word.utf8 {
            guard index < bytes.count else { throw .unexpectedEnd(expected: "'\(word)'") }
            guard bytes[index] == expected else {
                throw .unexpectedByte(offset: index, found: bytes[index], expected: "'\(word)'")
            }
            index += 1
        }
        return value
    }

    private mutating func parseArray() throws(JSONError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek(expected: "a value or ']'") == 0x5d {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            let separator = try peek(expected: "',' or ']'")
            index += 1
            if separator == 0x5d { break }
            guard separator == 0x2c else {
                throw .unexpectedByte(offset: index - 1, found: separator, expected: "',' or ']'")
            }
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject() throws(JSONError) -> JSONValue {
        try enter()
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if try peek(expected: "a key or '}'") == 0x7d {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyOffset = index
            guard try peek(expected: "a key") == 0x22 else {
                throw .unexpectedByte(offset: index, found: bytes[index], expected: "a string key")
            }
            let key = try parseString()
            skipWhitespace()
            guard try peek(expected: "':'") == 0x3a else {
                throw .unexpectedByte(offset: index, found: bytes[index], expected: "':'")
            }
            index += 1
            let value = try parseValue()
            guard members.updateValue(value, forKey: key) == nil else {
                throw .duplicateKey(key, offset: keyOffset)
            }
            skipWhitespace()
            let separator = try peek(expected: "',' or '}'")
            index += 1
            if separator == 0x7d { break }
            guard separator == 0x2c else {
                throw .unexpectedByte(offset: index - 1, found: separator, expected: "',' or '}'")
            }
        }
        depth -= 1
        return .object(members)
    }

    private mutating func parseString() throws(JSONError) -> String {
        let start = index
        index += 1  // opening quote
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw .unexpectedEnd(expected: "'\"' closing the string") }
            let byte = bytes[index]
            switch byte {
            case 0x22:
                index += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw .invalidUTF8(offset: start) }
                return text
            case 0x5c:
                try parseEscape(into: &out)
            case 0x00..<0x20:
                throw .controlCharacterInString(offset: index)
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(JSONError) {
        let start = index
        guard index + 1 < bytes.count else { throw .unexpectedEnd(expected: "an escape sequence") }
        let kind = bytes[index + 1]
        index += 2
        let simple: [UInt8: UInt8] = [
            0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f, 0x62: 0x08, 0x66: 0x0c, 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09,
        ]
        if let replacement = simple[kind] {
            out.append(replacement)
            return
        }
        guard kind == 0x75 else { throw .invalidEscape(offset: start) }  // 'u'
        var scalarValue = try hex4(escapeStart: start)
        if (0xD800...0xDBFF).contains(scalarValue) {
            // A high surrogate must be followed by `\u` and a low surrogate.
            guard index + 1 < bytes.count, bytes[index] == 0x5c, bytes[index + 1] == 0x75 else {
                throw .invalidEscape(offset: start)
            }
            index += 2
            let low = try hex4(escapeStart: start)
            guard (0xDC00...0xDFFF).contains(low) else { throw .invalidEscape(offset: start) }
            scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw .invalidEscape(offset: start) }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func hex4(escapeStart: Int) throws(JSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw .unexpectedEnd(expected: "four hex digits") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let nibble: UInt8
            switch byte {
            case 0x30...0x39: nibble = byte - 0x30
            case 0x61...0x66: nibble = byte - 0x61 + 10
            case 0x41...0x46: nibble = byte - 0x41 + 10
            default: throw .invalidEscape(offset: escapeStart)
            }
            value = value << 4 | UInt32(nibble)
        }
        index += 4
        return value
    }

    private mutating func enter() throws(JSONError) {
        depth += 1
        guard depth <= maxDepth else { throw .tooDeep(limit: maxDepth) }
    }

    private func peek(expected: String) throws(JSONError) -> UInt8 {
        guard index < bytes.count else { throw .unexpectedEnd(expected: expected) }
        return bytes[index]
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[index]) { index += 1 }
    }
}
