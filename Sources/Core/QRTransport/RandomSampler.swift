/// Walker–Vose alias sampling over fixed weights, as BCR-2024-001 specifies for choosing a part's degree.
///
/// The construction order (small/large stacks filled from the highest index down, popped from the back) and
/// the double arithmetic follow the reference implementations, because encoder and decoder must agree on
/// every sample bit for bit.
public struct RandomSampler: Sendable {
    private var probabilities: [Double]
    private var aliases: [Int]

    /// Builds the alias table for positive `weights` (they need not sum to 1).
    public init(weights: [Double]) {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 > 0 }, "weights must be positive — caller bug")
        let count = weights.count
        let sum = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(count) / sum }
        var small: [Int] = []
        var large: [Int] = []
        for index in stride(from: count - 1, through: 0, by: -1) {
            if scaled[index] < 1 { small.append(index) } else { large.append(index) }
        }
        var probabilities = [Double](repeating: 0, count: count)
        var aliases = [Int](repeating: 0, count: count)
        while let less = small.last, let more = large.last {
            small.removeLast()
            large.removeLast()
            probabilities[less] = scaled[less]
            aliases[less] = more
            scaled[more] += scaled[less] - 1
            if scaled[more] < 1 { small.append(more) } else { large.append(more) }
        }
        while let index = large.popLast() { probabilities[index] = 1 }
        while let index = small.popLast() { probabilities[index] = 1 }
        self.probabilities = probabilities
        self.aliases = aliases
    }

    /// Draws an index in `0..<weights.count` using two doubles from `random`.
    ///
    /// A first draw of exactly 1.0 (see ``Xoshiro256StarStar/nextInt(_:_:)``) is clamped to the last index.
    public func next(_ random: () -> Double) -> Int {
        let first = random()
        let second = random()
        let index = min(Int(Double(probabilities.count) * first), probabilities.count - 1)
        return second < probabilities[index] ? index : aliases[index]
    }
}
