/// Splits a message into fragments and emits an endless stream of parts (BCR-2024-001).
///
/// Parts `1...seqLen` carry the fragments in order; from then on each part XORs a pseudo-random subset
/// chosen by ``FountainCode/chooseFragments(sequenceNumber:sequenceLength:checksum:)``, so a receiver can
/// recover from any lost frames without waiting for the cycle to come round.
public struct FountainEncoder: Sendable {
    /// The message being sent.
    public let message: [UInt8]
    /// Length of each fragment (the last one is zero-padded).
    public let fragmentLength: Int
    /// The fragments.
    public let fragments: [[UInt8]]
    /// CRC-32 of the message.
    public let checksum: UInt32
    /// Sequence number of the last part emitted (0 before the first).
    public private(set) var sequenceNumber: UInt32
    private let sampler: RandomSampler

    /// Prepares `message` (non-empty) for fragments of at most `maxFragmentLength` bytes.
    /// - Parameter firstSequenceNumber: the number *before* the first part (the first part is this + 1).
    public init(
        message: [UInt8], maxFragmentLength: Int, minFragmentLength: Int = FountainCode.defaultMinFragmentLength,
        firstSequenceNumber: UInt32 = 0
    ) {
        precondition(!message.isEmpty, "cannot fountain-code an empty message — caller bug")
        self.message = message
        fragmentLength = FountainCode.nominalFragmentLength(
            messageLength: message.count, minFragmentLength: minFragmentLength,
            maxFragmentLength: max(maxFragmentLength, minFragmentLength)
        )
        fragments = FountainCode.partition(message, fragmentLength: fragmentLength)
        checksum = CRC32.checksum(message)
        sequenceNumber = firstSequenceNumber
        sampler = FountainCode.degreeSampler(sequenceLength: fragments.count)
    }

    /// Number of fragments.
    public var sequenceLength: Int { fragments.count }

    /// True when the message fits in one fragment (a single-part UR suffices).
    public var isSinglePart: Bool { fragments.count == 1 }

    /// True once every fragment has been sent at least once on its own.
    public var isComplete: Bool { sequenceNumber >= sequenceLength }

    /// The fragment indexes part `sequenceNumber` mixes.
    public func fragmentIndexes(sequenceNumber: UInt32) -> Set<Int> {
        FountainCode.chooseFragments(
            sequenceNumber: sequenceNumber, sequenceLength: sequenceLength, checksum: checksum, sampler: sampler
        )
    }

    /// Emits the next part.
    ///
    /// The sequence number wraps after 2^32 − 1 as in the reference, but skips 0, which names no part.
    public mutating func nextPart() -> FountainPart {
        sequenceNumber &+= 1
        if sequenceNumber == 0 { sequenceNumber = 1 }
        var data = [UInt8](repeating: 0, count: fragmentLength)
        for index in fragmentIndexes(sequenceNumber: sequenceNumber) { FountainCode.xor(&data, fragments[index]) }
        return FountainPart(
            sequenceNumber: sequenceNumber, sequenceLength: sequenceLength, messageLength: message.count,
            checksum: checksum, data: data
        )
    }
}
