import EthereumPrimitives
import StrictJSON

/// The strict JSON reader as the keystore reads it: every failure is a ``KeystoreError`` naming the member by its
/// JSON path (`crypto.kdfparams.n`).
typealias KeystoreReader = JSONReader<KeystoreError>

extension KeystoreError {
    /// The keystore error for a field error of the one JSON reader.
    init(_ field: JSONFieldError) {
        switch field {
        case .missing(let path): self = .missingField(path)
        case .wrongType(let path, let expected, _):
            let reason = "expected " + (expected == "an object" ? "a JSON object" : expected)
            self = path.isEmpty ? .malformedJSON(reason: reason) : .invalidField(field: path, reason: reason)
        case .invalid(let path, let reason): self = .invalidField(field: path, reason: reason)
        case .malformed(let path, let cause): self = .invalidField(field: path, reason: "\(cause)")
        case .unknown(let path): self = .unexpectedField(path)
        }
    }
}

extension JSONReader where Failure == KeystoreError {
    /// The object at this path, refusing members outside `allowed` up front.
    func strictObject(allowed: Set<String>, allowsExtensions: Bool = false) throws(KeystoreError) -> KeystoreReader {
        let object = try object()
        try object.finish { allowed.contains($0) || (allowsExtensions && $0.hasPrefix("x-")) }
        return object
    }

    /// A required integer member (any sign; the limits judge the range).
    mutating func int(_ key: String) throws(KeystoreError) -> Int {
        let member = try field(key)
        guard let text = member.value.numberText, let number = Int(text) else { throw member.wrongType(expected: "an integer") }
        return number
    }

    /// A required hex member (with or without `0x`) whose byte count lies in `lengths`.
    mutating func hex(_ key: String, lengths: ClosedRange<Int>) throws(KeystoreError) -> [UInt8] {
        try field(key).bytes(count: lengths, requirePrefix: false)
    }
}
