public import Foundation

/// The one JSON writer of the package: keys sorted by Unicode code points, two-space indentation, `"key": value`, `[]`/`{}` for empty collections, only `"`, `\` and control characters escaped, one trailing newline.
///
/// It is exactly Python's `json.dumps(obj, sort_keys=True, indent=2, ensure_ascii=False)` plus a newline, so a
/// second implementation can reproduce our bytes. Same object, same bytes — which keeps snapshots, hashes and
/// QR codes stable.
public enum CanonicalJSON {
    /// Serialises Foundation JSON values (dictionaries, arrays, strings, integers, booleans, null).
    public static func encode(_ object: Any) -> Data {
        var out = ""
        write(object, indent: 0, to: &out)
        out += "\n"
        return Data(out.utf8)
    }

    static func write(_ value: Any, indent: Int, to out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch value {
        case let dictionary as [String: Any]:
            guard !dictionary.isEmpty else { out += "{}"; return }
            out += "{\n"
            let keys = dictionary.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (index, key) in keys.enumerated() {
                out += pad
                writeString(key, to: &out)
                out += ": "
                write(dictionary[key] ?? NSNull(), indent: indent + 2, to: &out)
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case let array as [Any]:
            guard !array.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in array.enumerated() {
                out += pad
                write(item, indent: indent + 2, to: &out)
                out += index == array.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case let text as String:
            writeString(text, to: &out)
        case let flag as Bool where !(value is NSNumber):
            out += flag ? "true" : "false"
        case let number as NSNumber:
            out += JSONReader.isBool(number) ? (number.boolValue ? "true" : "false") : number.stringValue
        case is NSNull:
            out += "null"
        case let integer as any BinaryInteger:
            out += "\(integer)"
        default:
            fatalError("CanonicalJSON given a non-JSON value of type \(type(of: value)) — caller bug")
        }
    }

    static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// The header every ColdCredits document starts with: `{"format": "…", "version": N}`.
///
/// Read first, so an unknown format or version is reported as such instead of as a confusing field error.
public enum FormatHeader {
    /// Checks `format` and `version` of the document `reader` wraps.
    public static func check(_ reader: inout JSONReader, format: String, version: Int) throws(BundleError) {
        let found = try reader.string("format")
        guard found == format else { throw .unexpectedFormat(expected: format, found: found) }
        let foundVersion = try reader.integer("version")
        guard foundVersion == UInt64(version) else {
            throw .unsupportedVersion(expected: version, found: Int(clamping: foundVersion))
        }
    }
}

/// A JSON string literal in the canonical escaping (for line-oriented logs).
public enum CanonicalJSONString {
    /// `"…"` with the canonical escapes, as UTF-8 bytes.
    public static func encode(_ text: String) -> Data {
        var out = ""
        CanonicalJSON.writeString(text, to: &out)
        return Data(out.utf8)
    }
}
