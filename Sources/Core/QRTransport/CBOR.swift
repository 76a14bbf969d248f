/// A CBOR data item (RFC 8949), limited to what UR parts and ERC-4527 messages use.
///
/// Supported: unsigned and negative integers, byte and text strings, arrays, maps, tags and the simple values
/// `false`, `true` and `null`. Encoding is deterministic (RFC 8949 §4.2.1: shortest heads, definite lengths,
/// map entries written in the order given — callers give them sorted). Decoding (``decode(_:maxDepth:)``) is
/// strict: it rejects anything a deterministic encoder would not produce, naming the rule and the offset.
public indirect enum CBOR: Hashable, Sendable {
    /// Major type 0: an unsigned integer.
    case unsigned(UInt64)
    /// Major type 1: the integer `−1 − n`.
    case negative(UInt64)
    /// Major type 2: a byte string.
    case bytes([UInt8])
    /// Major type 3: a UTF-8 text string.
    case text(String)
    /// Major type 4: an array.
    case array([CBOR])
    /// Major type 5: a map, as key–value pairs in encoding order.
    case map([MapEntry])
    /// Major type 6: a tagged item.
    case tagged(UInt64, CBOR)
    /// Simple values 20 and 21.
    case bool(Bool)
    /// Simple value 22.
    case null

    /// One key–value pair of a ``CBOR/map(_:)``.
    public struct MapEntry: Hashable, Sendable {
        /// The key.
        public let key: CBOR
        /// The value.
        public let value: CBOR

        /// Pairs `key` with `value`.
        public init(_ key: CBOR, _ value: CBOR) {
            self.key = key
            self.value = value
        }
    }

    /// The kind of item, for error messages (`"unsigned integer"`, `"byte string"`, …).
    public var kindName: String {
        switch self {
        case .unsigned: return "unsigned integer"
        case .negative: return "negative integer"
        case .bytes: return "byte string"
        case .text: return "text string"
        case .array: return "array"
        case .map: return "map"
        case .tagged(let tag, _): return "tag \(tag)"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }

    /// The deterministic encoding of this item.
    public var encoded: [UInt8] {
        var out: [UInt8] = []
        encode(into: &out)
        return out
    }

    private func encode(into out: inout [UInt8]) {
        switch self {
        case .unsigned(let value):
            Self.appendHead(major: 0, argument: value, to: &out)
        case .negative(let value):
            Self.appendHead(major: 1, argument: value, to: &out)
        case .bytes(let bytes):
            Self.appendHead(major: 2, argument: UInt64(bytes.count), to: &out)
            out.append(contentsOf: bytes)
        case .text(let text):
            let utf8 = Array(text.utf8)
            Self.appendHead(major: 3, argument: UInt64(utf8.count), to: &out)
            out.append(contentsOf: utf8)
        case .array(let items):
            Self.appendHead(major: 4, argument: UInt64(items.count), to: &out)
            for item in items { item.encode(into: &out) }
        case .map(let entries):
            Self.appendHead(major: 5, argument: UInt64(entries.count), to: &out)
            for entry in entries {
                entry.key.encode(into: &out)
                entry.value.encode(into: &out)
            }
        case .tagged(let tag, let item):
            Self.appendHead(major: 6, argument: tag, to: &out)
            item.encode(into: &out)
        case .bool(let value):
            out.append(value ? 0xF5 : 0xF4)
        case .null:
            out.append(0xF6)
        }
    }

    /// Appends the shortest head for `major` and `argument`.
    private static func appendHead(major: UInt8, argument: UInt64, to out: inout [UInt8]) {
        let type = major << 5
        switch argument {
        case 0..<24:
            out.append(type | UInt8(truncatingIfNeeded: argument))
        case 24...0xFF:
            out.append(contentsOf: [type | 24, UInt8(truncatingIfNeeded: argument)])
        case 0x100...0xFFFF:
            out.append(type | 25)
            out.append(contentsOf: bigEndian(argument, byteCount: 2))
        case 0x1_0000...0xFFFF_FFFF:
            out.append(type | 26)
            out.append(contentsOf: bigEndian(argument, byteCount: 4))
        default:
            out.append(type | 27)
            out.append(contentsOf: bigEndian(argument, byteCount: 8))
        }
    }

    private static func bigEndian(_ value: UInt64, byteCount: Int) -> [UInt8] {
        (0..<byteCount).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }
}
