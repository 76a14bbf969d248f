import BundleFormat
import EthereumABI
import EthereumPrimitives
import Foundation
import QRTransport

/// The charge's JSON text in the compact forms: the charge id, its two timestamps and the spelling of its
/// addresses, written so that the API's JSON object can be rebuilt exactly.
enum ChargeText {
    // MARK: Charge id

    /// 16 bytes for a lower-case UUID (how Coinbase Commerce names charges), otherwise the text.
    static func idItem(_ id: String) -> CBOR {
        guard let bytes = uuidBytes(id) else { return .text(id) }
        return .bytes(bytes)
    }

    /// The id written by ``idItem(_:)``.
    static func id(_ item: CBOR, field: String) throws(QRBundleError) -> String {
        switch item {
        case .bytes(let bytes) where bytes.count == 16: return uuidString(bytes)
        case .text(let text):
            guard uuidBytes(text) == nil else {
                throw .invalidField(field: field, reason: "a lower-case UUID must be written as 16 bytes")
            }
            return text
        default: throw .invalidField(field: field, reason: "expected text or 16 bytes, found \(item.kindName)")
        }
    }

    /// The bytes of `text` when it is a UUID in canonical lower-case form `8-4-4-4-12`.
    static func uuidBytes(_ text: String) -> [UInt8]? {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12],
            text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || $0 == 0x2D })
        else { return nil }
        do { return try Hex.decode(groups.joined(), field: "charge id", requirePrefix: false) } catch { return nil }
    }

    /// `8-4-4-4-12` lower-case hex.
    static func uuidString(_ bytes: [UInt8]) -> String {
        let hex = Hex.encode(bytes, prefix: false)
        var groups: [Substring] = []
        var start = hex.startIndex
        for length in [8, 4, 4, 4, 12] {
            let end = hex.index(start, offsetBy: length)
            groups.append(hex[start..<end])
            start = end
        }
        return groups.joined(separator: "-")
    }

    // MARK: Timestamps

    /// Seconds relative to `deadline` when `text` is a canonical `YYYY-MM-DDTHH:MM:SSZ` time, otherwise the text.
    static func timeItem(_ text: String, deadline: UInt256) -> CBOR {
        guard let seconds = ISO8601.unixSeconds(text), ISO8601.format(unixSeconds: seconds) == text,
            let deadline = deadline.uint64
        else { return .text(text) }
        return seconds >= deadline ? .unsigned(seconds - deadline) : .negative(deadline - seconds - 1)
    }

    /// The text written by ``timeItem(_:deadline:)``.
    static func time(_ item: CBOR, deadline: UInt64, field: String) throws(QRBundleError) -> String {
        switch item {
        case .unsigned(let offset):
            let (seconds, overflow) = deadline.addingReportingOverflow(offset)
            guard !overflow else { throw .invalidField(field: field, reason: "offset \(offset) overflows") }
            return ISO8601.format(unixSeconds: seconds)
        case .negative(let n):
            guard n < deadline else { throw .invalidField(field: field, reason: "offset -\(n) - 1 is before 1970") }
            return ISO8601.format(unixSeconds: deadline - n - 1)
        case .text(let text):
            if let seconds = ISO8601.unixSeconds(text), ISO8601.format(unixSeconds: seconds) == text {
                throw .invalidField(
                    field: field, reason: "a canonical time must be written as seconds from the deadline")
            }
            return text
        default: throw .invalidField(field: field, reason: "expected an integer or text, found \(item.kindName)")
        }
    }
}
