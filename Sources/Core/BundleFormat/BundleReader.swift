public import Foundation
public import StrictJSON

/// The strict JSON reader as every ColdCredits format reads it: errors are ``BundleError``s naming the field.
public typealias BundleReader = JSONReader<BundleError>

extension BundleError {
    /// The bundle error for a field error of the one JSON reader.
    public init(_ field: JSONFieldError) {
        switch field {
        case .missing(let path): self = .missingField(path: path)
        case .wrongType(let path, let expected, _): self = .wrongType(path: path, expected: expected)
        case .invalid(let path, let reason): self = .invalidField(path: path, reason: reason)
        case .malformed(let path, let cause): self = .invalidField(path: path, reason: "\(cause)")
        case .unknown(let path): self = .unknownField(path: path)
        }
    }
}

extension JSONReader where Failure == BundleError {
    /// Parses bytes that must hold one strict JSON object (RFC 8259 plus no duplicate keys), once.
    public init(document data: Data) throws(BundleError) {
        let value: JSONValue
        do { value = try JSON.parse(data) } catch { throw .invalidJSON(reason: error.description) }
        guard case .object = value else { throw .invalidJSON(reason: "top level is not an object") }
        self.init(value, path: "", fail: BundleError.init)
    }

    /// Wraps an already-parsed value found at `path`.
    public init(_ value: JSONValue, path: String) {
        self.init(value, path: path, fail: BundleError.init)
    }
}

/// The header every ColdCredits document starts with: `{"format": "…", "version": N}`.
///
/// Read first, so an unknown format or version is reported as such instead of as a confusing field error.
public enum FormatHeader {
    /// Checks `format` and `version` of the document `reader` wraps.
    public static func check(_ reader: inout BundleReader, format: String, version: Int) throws(BundleError) {
        let found = try reader.string("format")
        guard found == format else { throw .unexpectedFormat(expected: format, found: found) }
        let foundVersion = try reader.integer("version")
        guard foundVersion == UInt64(version) else {
            throw .unsupportedVersion(expected: version, found: Int(clamping: foundVersion))
        }
    }
}

extension JSONValue {
    /// The canonical document bytes (``JSON/Style/document``) as `Data`: what every ColdCredits file holds.
    public var canonicalDocument: Data { Data(JSON.serialize(self, style: .document)) }
}
