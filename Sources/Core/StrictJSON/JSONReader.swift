/// The one path-aware reader of parsed JSON: a ``JSONValue`` with the path that reached it, whose accessors name
/// that path in every error and turn it into the caller's own error type through `fail`.
///
/// Object members are read by key; ``finish()`` refuses members nobody read, which is how strict documents keep a
/// compromised machine from smuggling fields in. `null` counts as absent.
public struct JSONReader<Failure: Error> {
    /// The value read.
    public let value: JSONValue
    /// Its JSON path (empty for the document).
    public let path: String
    /// Turns a field error into the caller's error.
    public let fail: (JSONFieldError) -> Failure
    private var consumed: Set<String> = []

    /// Wraps `value` found at `path`.
    public init(_ value: JSONValue, path: String = "", fail: @escaping (JSONFieldError) -> Failure) {
        self.value = value
        self.path = path
        self.fail = fail
    }

    /// The path of member `key`.
    public func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// An error about this value.
    public func invalid(_ reason: String) -> Failure { fail(.invalid(path: path, reason: reason)) }

    /// An error about this value's kind.
    public func wrongType(expected: String) -> Failure {
        fail(.wrongType(path: path, expected: expected, found: value.kindName))
    }

    // MARK: The value itself

    /// The string.
    public func string() throws(Failure) -> String {
        guard case .string(let text) = value else { throw wrongType(expected: "a string") }
        return text
    }

    /// A non-negative integer literal that fits 64 bits (not a string, fraction, exponent or boolean).
    public func integer() throws(Failure) -> UInt64 {
        guard case .number(let text) = value, let number = UInt64(text) else {
            throw wrongType(expected: "a non-negative integer")
        }
        return number
    }

    /// The number's literal text.
    public func numberText() throws(Failure) -> String {
        guard case .number(let text) = value else { throw wrongType(expected: "a number") }
        return text
    }

    /// The boolean.
    public func bool() throws(Failure) -> Bool {
        guard case .bool(let flag) = value else { throw wrongType(expected: "true or false") }
        return flag
    }

    /// The elements, each with its path (`path[0]`, `path[1]`…).
    public func elements() throws(Failure) -> [JSONReader] {
        guard case .array(let items) = value else { throw wrongType(expected: "an array") }
        return items.enumerated().map { JSONReader($1, path: "\(path)[\($0)]", fail: fail) }
    }

    /// This value as an object whose members can be read by key.
    public func object() throws(Failure) -> JSONReader {
        guard case .object = value else { throw wrongType(expected: "an object") }
        return self
    }

    /// The string converted by `transform`; a thrown error becomes an invalid-field error with its description.
    public func string<T>(_ transform: (String) throws -> T) throws(Failure) -> T {
        let text = try string()
        do { return try transform(text) } catch { throw invalid("\(error)") }
    }

    // MARK: Members

    /// The members (empty for non-objects).
    public var members: [String: JSONValue] { value.objectValue ?? [:] }

    /// Whether member `key` is present and not `null`.
    public func has(_ key: String) -> Bool { value[key].map { !$0.isNull } ?? false }

    /// Required member `key` (present, not `null`); the value must be an object.
    public mutating func field(_ key: String) throws(Failure) -> JSONReader {
        guard case .object(let members) = value else { throw wrongType(expected: "an object") }
        consumed.insert(key)
        guard let member = members[key], !member.isNull else { throw fail(.missing(path: childPath(key))) }
        return JSONReader(member, path: childPath(key), fail: fail)
    }

    /// Member `key`, or nil when absent or `null`.
    public mutating func optionalField(_ key: String) throws(Failure) -> JSONReader? {
        guard case .object = value else { throw wrongType(expected: "an object") }
        guard has(key) else {
            consumed.insert(key)
            return nil
        }
        return try field(key)
    }

    /// A required string member.
    public mutating func string(_ key: String) throws(Failure) -> String { try field(key).string() }

    /// An optional string member.
    public mutating func optionalString(_ key: String) throws(Failure) -> String? { try optionalField(key)?.string() }

    /// A required non-negative integer member.
    public mutating func integer(_ key: String) throws(Failure) -> UInt64 { try field(key).integer() }

    /// An optional non-negative integer member.
    public mutating func optionalInteger(_ key: String) throws(Failure) -> UInt64? { try optionalField(key)?.integer() }

    /// A required boolean member.
    public mutating func bool(_ key: String) throws(Failure) -> Bool { try field(key).bool() }

    /// A required object member.
    public mutating func object(_ key: String) throws(Failure) -> JSONReader { try field(key).object() }

    /// A required array member's elements.
    public mutating func array(_ key: String) throws(Failure) -> [JSONReader] { try field(key).elements() }

    /// Refuses any member that was never read (except those `allowing` accepts).
    public func finish(allowing: (String) -> Bool = { _ in false }) throws(Failure) {
        let extra = members.keys.sorted().first { !consumed.contains($0) && !allowing($0) }
        if let extra { throw fail(.unknown(path: childPath(extra))) }
    }
}

extension JSONReader where Failure == JSONFieldError {
    /// A reader whose errors are the plain ``JSONFieldError``.
    public init(_ value: JSONValue, path: String = "") {
        self.init(value, path: path) { $0 }
    }
}
