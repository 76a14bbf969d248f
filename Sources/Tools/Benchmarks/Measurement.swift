/// Times closures in batches.
///
/// The batches of all workloads are interleaved round-robin (in a rotating order), so a burst of load on the
/// shared machine hits every workload alike and ratios between them stay meaningful.
struct Measurement {
    /// Per-call seconds of each batch, in the order the batches ran (round by round).
    let chronological: [Double]
    /// The same, sorted.
    let perCallSeconds: [Double]

    /// The median per-call time in seconds.
    var median: Double { perCallSeconds[perCallSeconds.count / 2] }

    /// The fastest batch's per-call time in seconds (the least disturbed one).
    var best: Double { perCallSeconds[0] }

    /// One workload: a name, calls per batch, and a body whose result byte is folded into a sink so the
    /// optimiser cannot drop the work.
    struct Workload {
        let name: String
        let iterations: Int
        let body: () -> UInt8
    }

    /// Runs one untimed warm-up batch of each workload, then `rounds` rounds of one batch of each.
    static func run(rounds: Int, sink: inout UInt8, _ workloads: [Workload]) -> [String: Measurement] {
        precondition(rounds > 0 && workloads.allSatisfy { $0.iterations > 0 })
        for workload in workloads {
            for _ in 0..<workload.iterations { sink &+= workload.body() }
        }
        let clock = ContinuousClock()
        var samples = [[Double]](repeating: [], count: workloads.count)
        for round in 0..<rounds {
            // Rotate the order each round so no workload always follows the same one (cache state).
            for offset in 0..<workloads.count {
                let index = (offset + round) % workloads.count
                let workload = workloads[index]
                let start = clock.now
                for _ in 0..<workload.iterations { sink &+= workload.body() }
                samples[index].append(seconds(clock.now - start) / Double(workload.iterations))
            }
        }
        var result: [String: Measurement] = [:]
        for (index, workload) in workloads.enumerated() {
            result[workload.name] = Measurement(chronological: samples[index], perCallSeconds: samples[index].sorted())
        }
        return result
    }

    /// The median over rounds of `numerator / (denominator₁ + denominator₂ + …)`, each ratio taken from
    /// batches that ran back to back — robust when load changes between rounds.
    static func pairedRatio(_ numerator: Measurement, over denominators: [Measurement]) -> Double {
        let ratios = numerator.chronological.indices.map { round in
            numerator.chronological[round] / denominators.reduce(0) { $0 + $1.chronological[round] }
        }.sorted()
        return ratios[ratios.count / 2]
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (wholeSeconds, attoseconds) = duration.components
        return Double(wholeSeconds) + Double(attoseconds) * 1e-18
    }
}
