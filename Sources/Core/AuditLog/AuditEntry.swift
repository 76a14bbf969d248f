public import EthereumPrimitives
import StrictJSON

/// One line of an audit log: an ``AuditEvent`` with its place in the hash chain.
///
/// The line is canonical JSON — keys sorted by code point, no whitespace, strings escaped as
/// ``JSON/Style/line`` does (Python's `json.dumps(entry, sort_keys=True, separators=(",", ":"),
/// ensure_ascii=False)`), ending in `\n` in the file:
///
/// ```text
/// {"chargeId":"c1","details":{"txHash":"0x…"},"fingerprint":"d095-76c1-302c-afd8","kind":"signed",
///  "prev":"0x…","seq":3,"time":1740806460,"tool":"sign","v":1}
/// ```
///
/// `seq` counts from 1 within one file; `prev` is keccak256 of the previous line's exact bytes (without its
/// newline), and 32 zero bytes for the first entry; `chargeId` and `fingerprint` are `null` when unknown.
/// An entry's ``hash`` — keccak256 of its line — is what the next entry's `prev` commits to; the last
/// entry's hash is the log's *head*.
public struct AuditEntry: Equatable, Hashable, Sendable {
    /// The layout version written in `v`.
    public static let version: UInt64 = 1
    /// The `prev` of a log's first entry.
    public static let genesisHash = Hash32(uncheckedBytes: [UInt8](repeating: 0, count: 32))

    /// The event.
    public let event: AuditEvent
    /// Position in its file, from 1.
    public let sequence: UInt64
    /// keccak256 of the previous line (``genesisHash`` for the first).
    public let previousHash: Hash32
    /// The canonical line, without the newline.
    public let line: [UInt8]
    /// keccak256 of ``line``.
    public let hash: Hash32

    /// Builds the canonical line for `event` at `sequence` after the entry whose hash is `previousHash`.
    public init(event: AuditEvent, sequence: UInt64, previousHash: Hash32) {
        self.event = event
        self.sequence = sequence
        self.previousHash = previousHash
        line = Self.encode(event: event, sequence: sequence, previousHash: previousHash)
        hash = Keccak256.hash(line)
    }

    /// The line as text.
    public var text: String { String(decoding: line, as: UTF8.self) }

    static func encode(event: AuditEvent, sequence: UInt64, previousHash: Hash32) -> [UInt8] {
        let object: JSONValue = [
            "chargeId": JSONValue(event.chargeID), "details": JSONValue(event.details),
            "fingerprint": JSONValue(event.fingerprint), "kind": .string(event.kind.rawValue),
            "prev": .string(previousHash.hex), "seq": JSONValue(sequence), "time": JSONValue(event.time),
            "tool": .string(event.tool.rawValue), "v": JSONValue(version),
        ]
        return JSON.serialize(object, style: .line)
    }
}
