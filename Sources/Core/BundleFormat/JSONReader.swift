public import Foundation
import StrictJSON
public import EthereumPrimitives

/// A strict, path-aware view of a JSON object: every accessor names the field in its error, and
/// ``finish()`` refuses keys nobody asked for.
///
/// Strictness is the signer's defence against a compromised online machine smuggling fields in.
public struct JSONReader {
    /// This object's JSON path (empty at the top).
    public let path: String
    private let object: [String: Any]
    private var consumed: Set<String> = []

    /// Parses bytes that must hold one JSON object.
    public init(data: Data) throws(BundleError) {
        // RFC 8259 strictly first: duplicate keys (which parsers resolve differently, so two machines could read
        // two different documents), invalid UTF-8 and non-JSON numbers are refused before Foundation reads it.
        do { _ = try JSON.parse(data) } catch { throw .invalidJSON(reason: error.description) }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw .invalidJSON(reason: "\(error.localizedDescription)")
        }
        guard let object = parsed as? [String: Any] else { throw .invalidJSON(reason: "top level is not an object") }
        self.init(object: object, path: "")
    }

    /// Wraps an already-parsed object found at `path`.
    public init(object: [String: Any], path: String) {
        self.object = object
        self.path = path
    }

    /// The path of a child key.
    public func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether the key is present (and not null).
    public func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    /// The raw value of a required key.
    public mutating func value(_ key: String) throws(BundleError) -> Any {
        consumed.insert(key)
        guard let value = object[key], !(value is NSNull) else { throw .missingField(path: childPath(key)) }
        return value
    }

    /// A required string.
    public mutating func string(_ key: String) throws(BundleError) -> String {
        guard let text = try value(key) as? String else { throw .wrongType(path: childPath(key), expected: "a string") }
        return text
    }

    /// An optional string.
    public mutating func optionalString(_ key: String) throws(BundleError) -> String? {
        has(key)
            ? try string(key)
            : {
                consumed.insert(key); return nil
            }()
    }

    /// An optional non-negative integer (absent or null → nil).
    public mutating func optionalInteger(_ key: String) throws(BundleError) -> UInt64? {
        guard has(key) else { consumed.insert(key); return nil }
        return try integer(key)
    }

    /// An optional 32-byte hash (absent or null → nil).
    public mutating func optionalHash(_ key: String) throws(BundleError) -> Hash32? {
        guard has(key) else { consumed.insert(key); return nil }
        return try hash(key)
    }

    /// A required non-negative JSON integer (not a string, not a fraction, not a bool).
    public mutating func integer(_ key: String) throws(BundleError) -> UInt64 {
        let raw = try value(key)
        guard let number = raw as? NSNumber, !Self.isBool(number), let text = Optional(number.stringValue),
            let value = UInt64(text)
        else { throw .wrongType(path: childPath(key), expected: "a non-negative integer") }
        return value
    }

    /// A required boolean.
    public mutating func bool(_ key: String) throws(BundleError) -> Bool {
        guard let number = try value(key) as? NSNumber, Self.isBool(number) else {
            throw .wrongType(path: childPath(key), expected: "true or false")
        }
        return number.boolValue
    }

    /// A required nested object.
    public mutating func object(_ key: String) throws(BundleError) -> JSONReader {
        guard let child = try value(key) as? [String: Any] else { throw .wrongType(path: childPath(key), expected: "an object") }
        return JSONReader(object: child, path: childPath(key))
    }

    /// A required array.
    public mutating func array(_ key: String) throws(BundleError) -> [Any] {
        guard let items = try value(key) as? [Any] else { throw .wrongType(path: childPath(key), expected: "an array") }
        return items
    }

    /// A required canonical `0x` quantity.
    public mutating func quantity(_ key: String) throws(BundleError) -> UInt256 {
        let text = try string(key)
        do { return try UInt256(quantity: text, field: childPath(key)) } catch {
            throw .invalidField(path: childPath(key), reason: error.description)
        }
    }

    /// A required quantity that fits 64 bits.
    public mutating func quantity64(_ key: String) throws(BundleError) -> UInt64 {
        guard let value = try quantity(key).uint64 else {
            throw .invalidField(path: childPath(key), reason: "exceeds 2^64 − 1")
        }
        return value
    }

    /// A required address (EIP-55 checked when mixed-case).
    public mutating func address(_ key: String) throws(BundleError) -> Address {
        let text = try string(key)
        do { return try Address(hex: text, field: childPath(key)) } catch {
            throw .invalidField(path: childPath(key), reason: error.description)
        }
    }

    /// Required `0x` bytes, optionally of an exact length.
    public mutating func bytes(_ key: String, count: Int? = nil) throws(BundleError) -> [UInt8] {
        let text = try string(key)
        let bytes: [UInt8]
        do { bytes = try Hex.decode(text, field: childPath(key)) } catch {
            throw .invalidField(path: childPath(key), reason: error.description)
        }
        if let count, bytes.count != count {
            throw .invalidField(path: childPath(key), reason: "expected \(count) bytes, found \(bytes.count)")
        }
        return bytes
    }

    /// A required 32-byte hash.
    public mutating func hash(_ key: String) throws(BundleError) -> Hash32 {
        Hash32(uncheckedBytes: try bytes(key, count: 32))
    }

    /// Refuses any key that was never read.
    public func finish() throws(BundleError) {
        if let extra = object.keys.sorted().first(where: { !consumed.contains($0) }) {
            throw .unknownField(path: childPath(extra))
        }
    }

    /// The underlying object (to keep a charge "as received").
    public var rawObject: [String: Any] { object }

    /// NSNumber wraps both JSON booleans and numbers; JSONSerialization gives booleans the `char` type code.
    static func isBool(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }
}
