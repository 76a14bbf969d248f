public import EthereumPrimitives
import TerminalText

/// Why a bundle, signed-transaction file or charge was refused.
///
/// Paths are JSON paths such as `transaction.maxFeePerGas` or
/// `charge.web3_data.transfer_intent.call_data.deadline`.
public enum BundleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not JSON, or not a JSON object at the top.
    case invalidJSON(reason: String)
    /// The `format` field names another kind of document.
    case unexpectedFormat(expected: String, found: String)
    /// The `version` is not one this build reads.
    case unsupportedVersion(expected: Int, found: Int)
    /// A required field is absent.
    case missingField(path: String)
    /// A field this version does not define (the signer refuses what it does not understand).
    case unknownField(path: String)
    /// A field of the wrong JSON type.
    case wrongType(path: String, expected: String)
    /// A field whose value is malformed.
    case invalidField(path: String, reason: String)
    /// The recorded signing hash differs from the one recomputed from the transaction fields.
    case signingHashMismatch(recorded: Hash32, recomputed: Hash32)
    /// Two parts of the document disagree (e.g. `from` vs the charge's sender).
    case inconsistent(path: String, reason: String)
    /// A charge id that breaks ``ChargeID``'s rule (printable ASCII without spaces, 1–128 bytes).
    case invalidChargeID(path: String, id: String, reason: String)

    /// A stable machine-readable name for `--json` output and `formats/*/invalid/<kind>/` folders.
    public var kind: String {
        switch self {
        case .invalidJSON: return "invalidJSON"
        case .unexpectedFormat: return "unexpectedFormat"
        case .unsupportedVersion: return "unsupportedVersion"
        case .missingField: return "missingField"
        case .unknownField: return "unknownField"
        case .wrongType: return "wrongType"
        case .invalidField: return "invalidField"
        case .signingHashMismatch: return "signingHashMismatch"
        case .inconsistent: return "inconsistent"
        case .invalidChargeID: return "invalidChargeID"
        }
    }

    /// A one-line explanation naming the field, what was found and what was expected; every part that can come
    /// from the document (paths name its keys, reasons quote its values) is escaped for the terminal.
    public var description: String {
        switch self {
        case .invalidJSON(let reason): return "not a JSON object: \(reason.escapedForTerminal)"
        case .unexpectedFormat(let expected, let found):
            return "format: expected \"\(expected)\", found \"\(found.escapedForTerminal)\""
        case .unsupportedVersion(let expected, let found): return "version: this build reads version \(expected), found \(found)"
        case .missingField(let path): return "\(path.escapedForTerminal): required field is missing"
        case .unknownField(let path): return "\(path.escapedForTerminal): unknown field (not part of this format version)"
        case .wrongType(let path, let expected): return "\(path.escapedForTerminal): expected \(expected)"
        case .invalidField(let path, let reason): return "\(path.escapedForTerminal): \(reason.escapedForTerminal)"
        case .signingHashMismatch(let recorded, let recomputed):
            return "signingHash: bundle says \(recorded), recomputed \(recomputed) from the transaction fields"
        case .inconsistent(let path, let reason): return "\(path.escapedForTerminal): \(reason.escapedForTerminal)"
        case .invalidChargeID(let path, let id, let reason):
            return "\(path.escapedForTerminal): charge id \"\(id.escapedForTerminal)\" refused: \(reason)"
        }
    }
}
