public import Foundation

/// Runs one target: its seeds first, then deterministic mutants, within an execution and a time budget.
public enum FuzzRunner {
    /// What a run did.
    public struct Summary: Sendable, CustomStringConvertible {
        /// The target's name.
        public let target: String
        /// The seed the mutants followed from.
        public let seed: UInt64
        /// Seed files in the corpus.
        public let corpusCount: Int
        /// Inputs run (seeds included).
        public let executions: Int
        /// Inputs the decoder took.
        public let accepted: Int
        /// Wall-clock time spent.
        public let seconds: Double
        /// Broken properties (at most 5), each with the input's hex.
        public let findings: [String]

        /// `rlp: 2000 execs (412 accepted) in 0.41 s, 4878/s, 12 seeds, seed 0x…`.
        public var description: String {
            let rate = seconds > 0 ? Int(Double(executions) / seconds) : executions
            return "\(target): \(executions) execs (\(accepted) accepted) in "
                + String(format: "%.2f", seconds) + " s, \(rate)/s, \(corpusCount) seeds, seed 0x"
                + String(seed, radix: 16)
        }
    }

    /// The files of `directory` (sorted by name, so the run is reproducible), each as bytes.
    public static func corpus(at directory: URL) -> [[UInt8]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.compactMap { name in
            (try? Data(contentsOf: directory.appendingPathComponent(name))).map { [UInt8]($0) }
        }
    }

    /// Runs `target` over `corpus` and then mutants until `maxExecutions` inputs or `maxSeconds` have passed.
    ///
    /// The mutants are a fixed sequence for a given target name and `seed`, so a crash reproduces; when
    /// `crashFile` is given, a trap saves the input that caused it there before the process dies. Mutants the
    /// target accepts join the pool mutated from (at most 64), which leads the engine past the first checks.
    public static func run(
        _ target: FuzzTarget, corpus: [[UInt8]], seed: UInt64, maxExecutions: Int, maxSeconds: Double,
        crashFile: String? = nil
    ) -> Summary {
        if let crashFile { CrashCapture.arm(file: crashFile) }
        defer { if crashFile != nil { CrashCapture.disarm() } }
        var rng = FuzzRandom(name: target.name, seed: seed)
        var pool = corpus
        var mutator = Mutator(
            corpus: pool, dictionary: target.dictionary, nesting: target.nesting, maxLength: target.maxLength)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int(maxSeconds * 1000)))
        var executions = 0
        var accepted = 0
        var findings: [String] = []
        func execute(_ input: [UInt8]) -> FuzzTarget.Outcome {
            if crashFile != nil { CrashCapture.record(input) }
            executions += 1
            let outcome = target.body(input)
            switch outcome {
            case .accepted: accepted += 1
            case .refused: break
            case .finding(let text):
                if findings.count < 5 {
                    findings.append(text + ": 0x" + input.prefix(512).map { String(format: "%02x", $0) }.joined())
                }
            }
            return outcome
        }
        for input in corpus { _ = execute(input) }
        while executions < maxExecutions, executions % 16 != 0 || clock.now < deadline {
            let input = mutator.next(using: &rng)
            if case .accepted = execute(input), pool.count < corpus.count + 64, !pool.contains(input) {
                pool.append(input)
                mutator = Mutator(
                    corpus: pool, dictionary: target.dictionary, nesting: target.nesting, maxLength: target.maxLength)
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Summary(
            target: target.name, seed: seed, corpusCount: corpus.count, executions: executions, accepted: accepted,
            seconds: seconds, findings: findings)
    }
}
