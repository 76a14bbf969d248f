/// The deterministic building blocks of multipart UR fountain codes (BCR-2024-001).
///
/// Encoder and decoder both call these with the same inputs and must get the same answers, so each function
/// mirrors the reference step for step; the vectors in `Tests/Vectors/ur/fountain.json` pin them down.
public enum FountainCode {
    /// The default smallest fragment length of the reference encoders.
    public static let defaultMinFragmentLength = 10

    /// The fragment length for a message: the first fragment count (from 1 up to
    /// `max(1, messageLength / minFragmentLength)`) whose `ceil(messageLength / count)` is at most
    /// `maxFragmentLength`.
    ///
    /// The `max(1, …)` keeps a message shorter than `minFragmentLength` in one fragment, where the reference
    /// would trap on an empty range.
    public static func nominalFragmentLength(messageLength: Int, minFragmentLength: Int, maxFragmentLength: Int)
        -> Int
    {
        precondition(messageLength > 0 && minFragmentLength > 0, "lengths must be positive — caller bug")
        precondition(maxFragmentLength >= minFragmentLength, "max < min fragment length — caller bug")
        let maxFragmentCount = max(1, messageLength / minFragmentLength)
        var fragmentLength = messageLength
        for fragmentCount in 1...maxFragmentCount {
            fragmentLength = (messageLength + fragmentCount - 1) / fragmentCount
            if fragmentLength <= maxFragmentLength { break }
        }
        return fragmentLength
    }

    /// Splits `message` into fragments of `fragmentLength` bytes, zero-padding the last one.
    public static func partition(_ message: [UInt8], fragmentLength: Int) -> [[UInt8]] {
        precondition(fragmentLength > 0, "fragment length must be positive — caller bug")
        var fragments: [[UInt8]] = []
        var start = 0
        while start < message.count {
            var fragment = Array(message[start..<min(start + fragmentLength, message.count)])
            fragment.append(contentsOf: repeatElement(0, count: fragmentLength - fragment.count))
            fragments.append(fragment)
            start += fragmentLength
        }
        return fragments
    }

    /// The first `count` picks of a Fisher–Yates shuffle of `items`: each pick removes
    /// `remaining[rng.nextInt(0, remaining.count - 1)]`.
    public static func shuffled<Element>(_ items: [Element], count: Int? = nil, using rng: inout Xoshiro256StarStar)
        -> [Element]
    {
        var remaining = items
        var result: [Element] = []
        let picks = min(count ?? items.count, items.count)
        result.reserveCapacity(picks)
        while result.count < picks {
            let index = rng.nextInt(0, remaining.count - 1)
            result.append(remaining.remove(at: index))
        }
        return result
    }

    /// The harmonic weights `1/1, 1/2, …, 1/seqLen` from which a rateless part's degree is drawn.
    public static func degreeSampler(sequenceLength: Int) -> RandomSampler {
        RandomSampler(weights: (1...sequenceLength).map { 1 / Double($0) })
    }

    /// A rateless part's degree: `sampler.next(rng.nextDouble) + 1`.
    public static func chooseDegree(sequenceLength: Int, using rng: inout Xoshiro256StarStar) -> Int {
        chooseDegree(sampler: degreeSampler(sequenceLength: sequenceLength), using: &rng)
    }

    /// A rateless part's degree drawn with a prepared ``degreeSampler(sequenceLength:)``.
    public static func chooseDegree(sampler: RandomSampler, using rng: inout Xoshiro256StarStar) -> Int {
        sampler.next { rng.nextDouble() } + 1
    }

    /// The fragment indexes mixed into part `sequenceNumber`.
    ///
    /// Parts `1...seqLen` carry fragment `seqNum − 1` alone. Later parts seed the generator with
    /// `BE32(seqNum) ‖ BE32(checksum)`, draw a degree, then take that many picks of a shuffle of
    /// `0..<seqLen` from the same generator.
    public static func chooseFragments(sequenceNumber: UInt32, sequenceLength: Int, checksum: UInt32) -> Set<Int> {
        chooseFragments(
            sequenceNumber: sequenceNumber, sequenceLength: sequenceLength, checksum: checksum,
            sampler: sequenceNumber <= sequenceLength ? nil : degreeSampler(sequenceLength: sequenceLength)
        )
    }

    /// ``chooseFragments(sequenceNumber:sequenceLength:checksum:)`` reusing a degree sampler (one per message).
    static func chooseFragments(
        sequenceNumber: UInt32, sequenceLength: Int, checksum: UInt32, sampler: RandomSampler?
    ) -> Set<Int> {
        precondition(sequenceNumber >= 1 && sequenceLength >= 1, "seqNum and seqLen start at 1 — caller bug")
        if sequenceNumber <= sequenceLength { return [Int(sequenceNumber) - 1] }
        var rng = Xoshiro256StarStar(seed: CRC32.bigEndianBytes(sequenceNumber) + CRC32.bigEndianBytes(checksum))
        let degree = chooseDegree(sampler: sampler ?? degreeSampler(sequenceLength: sequenceLength), using: &rng)
        return Set(shuffled(Array(0..<sequenceLength), count: degree, using: &rng))
    }

    /// XORs `other` into `target` byte by byte; both must have the same length.
    static func xor(_ target: inout [UInt8], _ other: [UInt8]) {
        precondition(target.count == other.count, "XOR of unequal lengths — caller bug")
        for index in target.indices { target[index] ^= other[index] }
    }
}
