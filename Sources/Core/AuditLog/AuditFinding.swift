public import EthereumPrimitives
import TerminalText

/// One integrity problem ``AuditLogVerifier`` found, naming the entry by its line (1-based) and, when the
/// line parses, its sequence number.
///
/// A hash chain shows *that* the bytes changed and *where*; which single change explains it is inferred:
/// an entry is **edited** when its bytes no longer hash to what the next entry's `prev` commits to (and the
/// sequence numbers run on); entries are **deleted** when the chain breaks across a gap in the sequence
/// numbers; a line is **inserted** when the chain runs past it (its neighbours link to each other) or it
/// copies another line; an entry is **reordered** when the chain is intact but visits the lines out of order.
public enum AuditFinding: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The entry's bytes differ from those the next entry committed to.
    case edited(line: Int, sequence: UInt64?)
    /// Entries with these sequence numbers are missing after `afterLine` (0: at the start).
    case deleted(afterLine: Int, sequences: ClosedRange<UInt64>)
    /// The line is not part of the chain: the entries around it link to each other, or it copies another.
    case inserted(line: Int, sequence: UInt64?)
    /// The chain is intact but reaches this entry out of file order.
    case reordered(line: Int, sequence: UInt64)
    /// The line is not a valid entry (edited beyond parsing, or corrupted).
    case malformed(line: Int, reason: String)
    /// The hash links hold but the sequence number is not the one expected.
    case sequenceMismatch(line: Int, expected: UInt64, found: UInt64)
    /// The entry does not follow from any entry before it, for no reason the other cases explain.
    case brokenLink(line: Int, sequence: UInt64?)
    /// The file does not end with a newline: the last write was cut short (or the file was cut).
    case incompleteLastLine(line: Int)
    /// The expected head (an anchor recorded earlier) is the hash of no line: an entry up to the anchored
    /// one was edited or deleted — including the last entry, which the chain alone cannot protect.
    case anchorNotFound(Hash32)

    /// A stable machine-readable name for `--json` output.
    public var kind: String {
        switch self {
        case .edited: return "edited"
        case .deleted: return "deleted"
        case .inserted: return "inserted"
        case .reordered: return "reordered"
        case .malformed: return "malformed"
        case .sequenceMismatch: return "sequenceMismatch"
        case .brokenLink: return "brokenLink"
        case .incompleteLastLine: return "incompleteLastLine"
        case .anchorNotFound: return "anchorNotFound"
        }
    }

    /// The line the finding is about (for deletions, the line after which entries are missing).
    public var line: Int? {
        switch self {
        case .edited(let line, _), .inserted(let line, _), .reordered(let line, _), .malformed(let line, _),
            .sequenceMismatch(let line, _, _), .brokenLink(let line, _), .incompleteLastLine(let line):
            return line
        case .deleted(let afterLine, _): return afterLine
        case .anchorNotFound: return nil
        }
    }

    /// One line naming the entry and what happened to it.
    public var description: String {
        func entry(_ line: Int, _ sequence: UInt64?) -> String {
            "line \(line)" + (sequence.map { " (seq \($0))" } ?? "")
        }
        switch self {
        case .edited(let line, let sequence):
            return "\(entry(line, sequence)): edited — its bytes do not match what the next entry records as its "
                + "predecessor"
        case .deleted(let afterLine, let sequences):
            let which =
                sequences.count == 1
                ? "entry seq \(sequences.lowerBound) is"
                : "entries seq \(sequences.lowerBound)–\(sequences.upperBound) are"
            return afterLine == 0 ? "\(which) missing before line 1" : "\(which) missing after line \(afterLine)"
        case .inserted(let line, let sequence):
            return "\(entry(line, sequence)): inserted — not part of the chain (the entries around it link to each "
                + "other, or it repeats another line)"
        case .reordered(let line, let sequence):
            return "\(entry(line, sequence)): reordered — the chain reaches this entry out of file order"
        case .malformed(let line, let reason):
            return "line \(line): not a valid entry (\(reason.escapedForTerminal)) — edited or corrupted"
        case .sequenceMismatch(let line, let expected, let found):
            return "line \(line): sequence number \(found), expected \(expected)"
        case .brokenLink(let line, let sequence):
            return "\(entry(line, sequence)): does not follow from the entry before it"
        case .incompleteLastLine(let line):
            return "line \(line): incomplete (no newline) — a write was cut short or the file was truncated"
        case .anchorNotFound(let head):
            return "expected head \(head.hex) is not in the log — an entry up to the anchored one was edited or "
                + "deleted"
        }
    }
}
