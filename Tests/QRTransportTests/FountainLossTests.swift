import QRTransport
import TestSupport
import Testing

/// Frame-loss trials: how many frames a receiver needs for a 7-fragment message when 30 % are lost.
@Suite("Fountain decoding under 30 % frame loss")
struct FountainLossTests {
    static let trials = 200
    static let lossRate = 0.3

    /// One trial's counts: frames the decoder received and frames shown until it finished, and frames the
    /// reference peeling decoder received from the same lossy stream.
    private struct Trial {
        var received = 0
        var shown = 0
        var referenceReceived = 0
    }

    private func runTrial(_ trial: Int, joinAt firstSequenceNumber: UInt32) throws -> Trial {
        let ur = UR(bytes: Vectors.makeMessage(640, seed: "loss-\(trial)"))
        var encoder = UREncoder(ur, maxFragmentLength: 100, firstSequenceNumber: firstSequenceNumber)
        #expect(encoder.sequenceLength == 7)
        let checksum = CRC32.checksum(ur.cbor)
        var loss = Xoshiro256StarStar(string: "drop-\(trial)")
        var decoder = URDecoder()
        var reference = PeelingReference(fragmentCount: 7)
        var result = Trial()
        var shown = 0
        while !decoder.isComplete || result.referenceReceived == 0, shown < 500 {
            let text = encoder.nextPart()
            shown += 1
            if loss.nextDouble() < Self.lossRate { continue }
            if !decoder.isComplete {
                try decoder.receive(text)
                result.received += 1
                if decoder.isComplete { result.shown = shown }
            }
            if result.referenceReceived == 0,
                reference.receive(
                    FountainCode.chooseFragments(
                        sequenceNumber: encoder.sequenceNumber, sequenceLength: 7, checksum: checksum))
            {
                result.referenceReceived = reference.receivedCount
            }
        }
        #expect(decoder.result == ur, "trial \(trial)")
        #expect(result.referenceReceived > 0, "reference peeling did not finish in trial \(trial)")
        return result
    }

    /// `joinAt` 0: the receiver sees the stream from part 1 (7 fixed-rate parts, then rateless ones);
    /// 1000: it starts scanning long after the loop began and sees only rateless parts.
    @Test(
        "200 trials of a 7-fragment message: always completes, never needs more frames than reference peeling",
        arguments: [UInt32(0), 1000])
    func lossTrials(joinAt: UInt32) throws {
        let results = try (0..<Self.trials).map { try runTrial($0, joinAt: joinAt) }
        for (trial, result) in results.enumerated() {
            #expect(result.received <= result.referenceReceived, "trial \(trial): elimination needed more")
        }
        let mean = Double(results.map(\.received).reduce(0, +)) / Double(Self.trials)
        let shown = Double(results.map(\.shown).reduce(0, +)) / Double(Self.trials)
        let reference = Double(results.map(\.referenceReceived).reduce(0, +)) / Double(Self.trials)
        let atMinimum = results.filter { $0.received == 7 }.count
        print(
            "fountain-loss (join at part \(joinAt + 1)): 7 fragments, 30 % loss, \(Self.trials) trials: "
                + "received mean \(mean) (\(mean / 7)x), "
                + "exactly 7 in \(atMinimum), worst \(results.map(\.received).max() ?? 0); shown mean \(shown); "
                + "reference peeling received mean \(reference) (\(reference / 7)x), worst "
                + "\(results.map(\.referenceReceived).max() ?? 0)")
        #expect(mean >= 7 && mean <= reference)
        #expect(reference < 14)
    }
}

/// The reference (URKit / BCR-2024-001) peeling decoder, on fragment index sets only: simple parts reduce mixed
/// ones, mixed parts are reduced by strict subsets, and decoding ends when every fragment is simple.
struct PeelingReference {
    let fragmentCount: Int
    private var simple: Set<Int> = []
    private var mixed: Set<Set<Int>> = []
    private var queue: [Set<Int>] = []
    private(set) var receivedCount = 0

    init(fragmentCount: Int) { self.fragmentCount = fragmentCount }

    /// Takes one part's fragment set; returns true once every fragment is known.
    mutating func receive(_ indexes: Set<Int>) -> Bool {
        receivedCount += 1
        queue.append(indexes)
        while simple.count < fragmentCount, !queue.isEmpty { process(queue.removeFirst()) }
        return simple.count == fragmentCount
    }

    private mutating func process(_ part: Set<Int>) {
        if part.count == 1 {
            guard let index = part.first, !simple.contains(index) else { return }
            simple.insert(index)
            reduceMixed(by: part)
            return
        }
        guard !mixed.contains(part) else { return }
        var reduced = part
        for other in simple.map({ Set([$0]) }) + Array(mixed) where other.isStrictSubset(of: reduced) {
            reduced.subtract(other)
        }
        if reduced.count == 1 {
            queue.append(reduced)
        } else {
            reduceMixed(by: reduced)
            mixed.insert(reduced)
        }
    }

    private mutating func reduceMixed(by part: Set<Int>) {
        var kept: Set<Set<Int>> = []
        for other in mixed {
            let reduced = part.isStrictSubset(of: other) ? other.subtracting(part) : other
            if reduced.count == 1 { queue.append(reduced) } else { kept.insert(reduced) }
        }
        mixed = kept
    }
}
