public import EthereumPrimitives
public import StrictJSON

/// What ``ApprovalVerifier`` found: who approved, who is missing, and what did not count and why.
///
/// Addresses are listed in the policy's order (approved, missing) or in the order given (the rest).
public struct QuorumReport: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// An approval that did not count because its signature is unusable or not the claimed approver's.
    public struct Invalid: Equatable, Hashable, Sendable {
        /// Its position among the approvals given (0-based).
        public let index: Int
        /// The address it claimed, if any.
        public let claimedApprover: Address?
        /// Why it was not counted.
        public let reason: String
    }

    /// Distinct approvals required.
    public let threshold: Int
    /// Policy approvers with a valid approval (each once).
    public let approved: [Address]
    /// Policy approvers without one.
    public let missing: [Address]
    /// Valid signatures by addresses the policy does not list (each once).
    public let nonMembers: [Address]
    /// Addresses that approved more than once; the repeats were dropped.
    public let duplicates: [Address]
    /// Approvals whose signature could not be used.
    public let invalid: [Invalid]

    /// Whether enough distinct approvers signed.
    public var isMet: Bool { approved.count >= threshold }

    /// How many more approvals are needed (0 when met).
    public var shortfall: Int { max(0, threshold - approved.count) }

    /// One line: `approvals: 1 of 2 required; approved by 0x…; missing 0x…, 0x…; …`.
    public var description: String {
        var parts = ["approvals: \(approved.count) of \(threshold) required"]
        parts.append(approved.isEmpty ? "approved by nobody" : "approved by " + Self.list(approved))
        if !missing.isEmpty { parts.append("missing " + Self.list(missing)) }
        if !nonMembers.isEmpty { parts.append("not approvers (ignored): " + Self.list(nonMembers)) }
        if !duplicates.isEmpty { parts.append("duplicates dropped: " + Self.list(duplicates)) }
        for item in invalid { parts.append("approval #\(item.index + 1) invalid: \(item.reason)") }
        return parts.joined(separator: "; ")
    }

    /// The same facts, one per line, for the terminal.
    public var lines: [String] {
        var out = ["Approvals: \(approved.count) of \(threshold) required — \(isMet ? "quorum met" : "NOT met")"]
        out += approved.map { "  approved     \($0.checksummed)" }
        out += missing.map { "  missing      \($0.checksummed)" }
        out += nonMembers.map {
            "  not listed   \($0.checksummed) (signature valid, but not an approver in the policy)"
        }
        out += duplicates.map { "  duplicate    \($0.checksummed) (counted once)" }
        out += invalid.map { "  invalid      approval #\($0.index + 1): \($0.reason)" }
        return out
    }

    static func list(_ addresses: [Address]) -> String { addresses.map(\.checksummed).joined(separator: ", ") }

    /// Machine-readable form for `--json` (addresses checksummed, invalid approvals with their 1-based number).
    public var fields: JSONValue {
        [
            "threshold": JSONValue(threshold), "met": .bool(isMet), "approved": JSONValue(approved.map(\.checksummed)),
            "missing": JSONValue(missing.map(\.checksummed)), "nonMembers": JSONValue(nonMembers.map(\.checksummed)),
            "duplicates": JSONValue(duplicates.map(\.checksummed)),
            "invalid": .array(
                invalid.map { item in
                    var object: JSONValue = ["approval": JSONValue(item.index + 1), "reason": .string(item.reason)]
                    if let claimed = item.claimedApprover { object["claimedApprover"] = .string(claimed.checksummed) }
                    return object
                }),
        ]
    }
}
