import EthereumPrimitives

/// A coding key for any JSON member name.
struct JSONKey: CodingKey, Hashable {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A JSON object read strictly: unknown members are refused, and every failure becomes a ``KeystoreError``
/// that names the member by its JSON path.
struct StrictJSONObject {
    private let container: KeyedDecodingContainer<JSONKey>
    /// The path of this object (`crypto.kdfparams`), or `""` for the top level.
    let path: String

    /// Opens the object at `decoder` and refuses members outside `allowed` (and outside `x-…` extension
    /// members when `allowsExtensions`).
    init(_ decoder: any Decoder, path: String, allowed: Set<String>, allowsExtensions: Bool = false)
        throws(KeystoreError)
    {
        do {
            container = try decoder.container(keyedBy: JSONKey.self)
        } catch {
            throw path.isEmpty
                ? .malformedJSON(reason: "expected a JSON object")
                : .invalidField(field: path, reason: "expected a JSON object")
        }
        self.path = path
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            if allowsExtensions, key.stringValue.hasPrefix("x-") { continue }
            throw .unexpectedField(Self.join(path, key.stringValue))
        }
    }

    private init(container: KeyedDecodingContainer<JSONKey>, path: String) {
        self.container = container
        self.path = path
    }

    /// True when the member is present (even if `null`).
    func contains(_ name: String) -> Bool { container.contains(JSONKey(name)) }

    /// The full path of a member.
    func field(_ name: String) -> String { Self.join(path, name) }

    /// A required string member.
    func string(_ name: String) throws(KeystoreError) -> String {
        try decode(String.self, name, expected: "a string")
    }

    /// A required integer member.
    func int(_ name: String) throws(KeystoreError) -> Int {
        try decode(Int.self, name, expected: "an integer")
    }

    /// A required hex member (with or without `0x`), whose byte count must lie in `lengths`.
    func hex(_ name: String, lengths: ClosedRange<Int>) throws(KeystoreError) -> [UInt8] {
        let text = try string(name)
        let bytes: [UInt8]
        do {
            bytes = try Hex.decode(text, field: field(name), requirePrefix: false)
        } catch {
            throw .invalidField(field: field(name), reason: error.description)
        }
        guard lengths.contains(bytes.count) else {
            let expected =
                lengths.count == 1
                ? "\(lengths.lowerBound)" : "\(lengths.lowerBound)…\(lengths.upperBound)"
            throw .invalidField(field: field(name), reason: "expected \(expected) bytes, found \(bytes.count)")
        }
        return bytes
    }

    /// A required nested object.
    func object(_ name: String, allowed: Set<String>) throws(KeystoreError) -> StrictJSONObject {
        guard contains(name) else { throw .missingField(field(name)) }
        let nested: KeyedDecodingContainer<JSONKey>
        do {
            nested = try container.nestedContainer(keyedBy: JSONKey.self, forKey: JSONKey(name))
        } catch {
            throw .invalidField(field: field(name), reason: "expected a JSON object")
        }
        let object = StrictJSONObject(container: nested, path: field(name))
        for key in nested.allKeys where !allowed.contains(key.stringValue) {
            throw .unexpectedField(object.field(key.stringValue))
        }
        return object
    }

    private func decode<T: Decodable>(_ type: T.Type, _ name: String, expected: String) throws(KeystoreError) -> T {
        guard contains(name) else { throw .missingField(field(name)) }
        do {
            return try container.decode(type, forKey: JSONKey(name))
        } catch {
            throw .invalidField(field: field(name), reason: "expected \(expected)")
        }
    }

    private static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }
}
