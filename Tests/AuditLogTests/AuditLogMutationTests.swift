import AuditLog
import EthereumPrimitives
import Testing

/// Seeded random single mutations of logs of 2–40 entries: each must produce exactly one finding, of the
/// right kind, at the right entry; and random multiple mutations must never crash or pass.
@Suite struct AuditLogMutationTests {
    /// SplitMix64, so a failure reproduces from its seed.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static func findings(_ lines: [[UInt8]]) -> [AuditFinding] {
        AuditLogVerifier.verify(contents: LogFactory.contents(lines), source: "random.log").findings
    }

    @Test("one random edit, deletion, insertion or move is found at its entry", arguments: 0..<4)
    func singleMutationFound(kind: Int) {
        var random = SeededGenerator(state: 0xC01D + UInt64(kind))
        for _ in 0..<150 {
            let count = Int.random(in: 2...40, using: &random)
            let entries = LogFactory.entries(count)
            var lines = LogFactory.lines(entries)
            let target = Int.random(in: 1...(count - 1), using: &random)  // never the last: the anchor's job
            let expected: AuditFinding
            switch kind {
            case 0:
                lines[target - 1] = LogFactory.edited(entries[target - 1]).line
                expected = .edited(line: target, sequence: UInt64(target))
            case 1:
                let length = Int.random(in: 1...(count - target), using: &random)
                guard target + length - 1 < count else { continue }
                lines.removeSubrange((target - 1)..<(target - 1 + length))
                expected = .deleted(afterLine: target - 1, sequences: UInt64(target)...UInt64(target + length - 1))
            case 2:
                let forged = AuditEntry(
                    event: LogFactory.edited(entries[target - 1]).event, sequence: UInt64(target),
                    previousHash: target == 1 ? AuditEntry.genesisHash : entries[target - 2].hash)
                lines.insert(forged.line, at: target - 1)
                expected = .inserted(line: target, sequence: UInt64(target))
            default:
                let destination = Int.random(in: 1...count, using: &random)
                guard abs(destination - target) > 1 else { continue }  // neighbours: either may be named
                lines.insert(lines.remove(at: target - 1), at: destination - 1)
                expected = .reordered(line: destination, sequence: UInt64(target))
            }
            let found = Self.findings(lines)
            #expect(found == [expected], "n=\(count) target=\(target)")
        }
    }

    @Test("random combinations of mutations never pass and never crash")
    func multipleMutationsDetected() {
        var random = SeededGenerator(state: 0xA0D17)
        for _ in 0..<300 {
            let count = Int.random(in: 3...25, using: &random)
            let entries = LogFactory.entries(count)
            var lines = LogFactory.lines(entries)
            let last = lines[count - 1]
            for _ in 0..<Int.random(in: 2...4, using: &random) {
                let index = Int.random(in: 0..<lines.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: lines[index] = Array(lines[index].dropLast())
                case 1: if lines.count > 1 { lines.remove(at: index) }
                case 2: lines.insert(lines[Int.random(in: 0..<lines.count, using: &random)], at: index)
                default: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
                }
            }
            let unchanged = lines == LogFactory.lines(entries)
            let tailOnly =
                lines.count == count - 1 && Array(lines) == Array(LogFactory.lines(entries).prefix(count - 1))
            let report = AuditLogVerifier.verify(
                contents: LogFactory.contents(lines), source: "r",
                expectedHead: Keccak256.hash(last))
            #expect(unchanged == report.isIntact, "\(report.findings)")
            if tailOnly { #expect(report.findings.contains(.anchorNotFound(Keccak256.hash(last)))) }
        }
    }
}
