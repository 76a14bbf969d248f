public import BundleFormat
import TerminalText

/// Why approvals could not be read or do not suffice.
///
/// `sign` maps ``quorumNotMet(_:)`` to exit 77 (nothing signed) and the reading errors to exit 65.
public enum ApprovalsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The charge id cannot be put into an approval text.
    case invalidChargeID(String, reason: String)
    /// A signature is not 65 bytes.
    case invalidSignature(reason: String)
    /// The JSON approvals file is malformed (format, version, missing/unknown field, wrong type, bad hex).
    case malformedFile(BundleError)
    /// A line of a text approvals file is not a 65-byte `0x` signature (1-based line number).
    case invalidLine(line: Int, reason: String)
    /// Fewer distinct approvers signed than the policy requires; the report names who did and who did not.
    case quorumNotMet(QuorumReport)

    /// A stable machine-readable name (`--json` output, `formats/approvals/v1/invalid/<kind>/`).
    public var kind: String {
        switch self {
        case .invalidChargeID: return "invalidChargeID"
        case .invalidSignature, .invalidLine: return "invalidField"
        case .malformedFile(let error): return error.kind
        case .quorumNotMet: return "quorumNotMet"
        }
    }

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .invalidChargeID(let chargeID, let reason):
            return "charge id \"\(chargeID.escapedForTerminal)\" cannot be approved: \(reason)"
        case .invalidSignature(let reason): return "approval signature: \(reason.escapedForTerminal)"
        case .malformedFile(let error): return "approvals file: \(error)"
        case .invalidLine(let line, let reason): return "approvals file line \(line): \(reason.escapedForTerminal)"
        case .quorumNotMet(let report):
            return "not enough approvals — \(report.shortfall) more needed; \(report)"
        }
    }
}
