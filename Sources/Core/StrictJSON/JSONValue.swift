/// A JSON document as a tree, with numbers kept as their exact literal text.
///
/// Money and 256-bit quantities never pass through `Double`: a number such as `50.0` or
/// `123456789012345678901234567890` stays the string of digits the sender wrote, and the consumer decides how to read
/// it (``JSONValue/number(_:)``). Objects refuse duplicate keys when parsed (see ``JSON/parse(_:maxDepth:)``).
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its literal text in RFC 8259 grammar (`-0.5e3`, `50.0`, `8453`).
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; key order is not kept (serialisation sorts keys).
    case object([String: JSONValue])

    /// A number from an unsigned integer.
    public init(_ integer: UInt64) { self = .number(String(integer)) }

    /// A number from literal text, checked against the JSON number grammar.
    /// - Throws: ``JSONError/invalidNumber(offset:)`` when `text` is not a JSON number.
    public static func number(exactly text: String) throws(JSONError) -> JSONValue {
        guard JSON.isNumberLiteral(Array(text.utf8)) else { throw .invalidNumber(offset: 0) }
        return .number(text)
    }

    /// The member `key` of an object, or nil (also for non-objects); setting nil removes the member, setting on a
    /// non-object is a caller bug.
    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members[key]
        }
        set {
            guard case .object(var members) = self else { preconditionFailure("member set on a non-object JSONValue") }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The literal number text, when this is a number.
    public var numberText: String? {
        guard case .number(let text) = self else { return nil }
        return text
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        guard case .array(let elements) = self else { return nil }
        return elements
    }

    /// The members, when this is an object.
    public var objectValue: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// A short name of the kind of value (`"string"`, `"object"`, …) for error messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string from a literal.
    public init(stringLiteral text: String) { self = .string(text) }
    /// A number from an integer literal.
    public init(integerLiteral integer: Int) { self = .number(String(integer)) }
    /// A boolean from a literal.
    public init(booleanLiteral flag: Bool) { self = .bool(flag) }
    /// An array from a literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object from a literal (a repeated key is a caller bug).
    public init(dictionaryLiteral members: (String, JSONValue)...) {
        self = .object(Dictionary(members) { _, _ in preconditionFailure("duplicate key in a JSONValue literal") })
    }

    /// A string, or `null` when nil.
    public init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
    /// A number from an integer, or `null` when nil.
    public init(_ integer: UInt64?) { self = integer.map { .number(String($0)) } ?? .null }
}

extension JSONValue {
    /// A number from an integer.
    public init(_ integer: Int) { self = .number(String(integer)) }
    /// An array of strings.
    public init(_ strings: [String]) { self = .array(strings.map(JSONValue.string)) }
    /// An object of string members.
    public init(_ strings: [String: String]) { self = .object(strings.mapValues(JSONValue.string)) }
}
