import Foundation
import FuzzTargets
import Testing

/// Every decoder reachable from a file or a QR code, fed its committed seeds and then deterministic mutants within a
/// bounded budget: none may trap, and none may break the property its target checks.
///
/// A trap ends the test process; the input that caused it is then in `.build/fuzz-crashes/<target>.bin` (see
/// ``CrashCapture``), and the run repeats exactly from the seed printed. `FUZZ_SEED`, `FUZZ_SECONDS` (per target,
/// lifts the execution cap) and `FUZZ_TARGETS` (comma-separated names) widen a local run.
@Suite(.serialized) struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let seed =
        environment["FUZZ_SEED"].flatMap { UInt64($0.replacingOccurrences(of: "0x", with: ""), radix: 16) }
        ?? 0xC01D_C4ED
    static let seconds = environment["FUZZ_SECONDS"].flatMap(Double.init)
    /// The CI budget per target: this many executions, or 3 s (a backstop for a loaded machine), whichever comes first.
    static let maxExecutions = seconds == nil ? 1_500 : .max
    static let selected = FuzzTargets.all.map(\.name).filter { name in
        environment["FUZZ_TARGETS"].map { $0.split(separator: ",").contains(Substring(name)) } ?? true
    }

    @Test("the target survives its seeds and its mutants", arguments: selected)
    func fuzz(_ name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        let corpus = FuzzRunner.corpus(at: FuzzTargets.corpusDirectory(name))
        try #require(!corpus.isEmpty, "no seeds in Tests/FuzzTests/Corpus/\(name)")
        let crashes = FuzzTargets.repositoryRoot.appendingPathComponent(".build/fuzz-crashes")
        try FileManager.default.createDirectory(at: crashes, withIntermediateDirectories: true)
        let crashFile = crashes.appendingPathComponent("\(name).bin").path
        print("fuzz \(name): seed 0x\(String(Self.seed, radix: 16)); a crash leaves its input in \(crashFile)")
        let summary = FuzzRunner.run(
            target, corpus: corpus, seed: Self.seed, maxExecutions: Self.maxExecutions,
            maxSeconds: Self.seconds ?? 3, crashFile: crashFile)
        print("fuzz " + summary.description)
        #expect(summary.findings.isEmpty, "\(summary.findings.joined(separator: "\n"))")
        #expect(summary.executions >= corpus.count + 100, "the budget ran out before the mutants: \(summary)")
    }

    @Test("every target accepts some of its seeds, so mutants start past the first checks")
    func seedsReachTheDecoders() throws {
        for target in FuzzTargets.all {
            let corpus = FuzzRunner.corpus(at: FuzzTargets.corpusDirectory(target.name))
            let accepted = corpus.filter { if case .accepted = target.body($0) { true } else { false } }
            #expect(!accepted.isEmpty, "\(target.name): none of \(corpus.count) seeds decodes")
        }
    }

    @Test("every corpus folder belongs to a target, and seeds stay small")
    func corpusFolders() throws {
        let root = FuzzTargets.repositoryRoot.appendingPathComponent("Tests/FuzzTests/Corpus")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.contains(".") }
        #expect(Set(folders) == Set(FuzzTargets.all.map(\.name)))
        for folder in folders {
            for seed in FuzzRunner.corpus(at: root.appendingPathComponent(folder)) {
                #expect(seed.count <= 16_384, "\(folder): a seed of \(seed.count) bytes")
            }
        }
    }
}
