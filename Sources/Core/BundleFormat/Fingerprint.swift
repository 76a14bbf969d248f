public import EthereumPrimitives

/// A short, speakable fingerprint of a signing hash, shown identically by `prepare`, `sign` and `broadcast` so an operator can compare machines at a glance: the first 8 bytes as four groups of 4 hex digits, `e63a-0530-9ff1-982d`.
///
/// `sign` asks the operator to type the first group to approve.
///
/// 64 bits are enough to catch accidents and a careless attacker; the full hash is always available too, and
/// the signer recomputes the hash itself rather than trusting any fingerprint.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The four groups.
    public let groups: [String]

    /// The fingerprint of a 32-byte hash.
    public init(_ hash: Hash32) {
        let hex = Hex.encode(hash.bytes[0..<8], prefix: false)
        groups = stride(from: 0, to: 16, by: 4).map { start in
            let begin = hex.index(hex.startIndex, offsetBy: start)
            return String(hex[begin..<hex.index(begin, offsetBy: 4)])
        }
    }

    /// The first group: what the operator types to approve.
    public var confirmationWord: String { groups[0] }

    /// `e63a-0530-9ff1-982d`.
    public var description: String { groups.joined(separator: "-") }
}
