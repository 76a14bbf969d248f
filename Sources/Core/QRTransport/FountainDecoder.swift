/// Reassembles a fountain-coded message from parts received in any order, with repeats and losses.
///
/// Each part is an equation over GF(2): the XOR of the fragments it names equals its data. The decoder
/// keeps the equations in reduced row-echelon form, XOR-reducing every incoming part against what it
/// already holds (the reference's "reduce mixed parts by simple and by subset parts" is the special case
/// of this that it can see). So the message is complete exactly when the equations reach full rank, which
/// never needs more parts than the reference peeling decoder and often needs fewer; ``progress`` reports
/// that rank, an exact measure rather than the reference's `received / (1.75 · seqLen)` guess.
///
/// The first accepted part fixes `seqLen`, `messageLen`, checksum and fragment length; a later part that
/// differs in any of them belongs to another message and is rejected with
/// ``QRTransportError/partFromAnotherMessage(field:expected:found:)``, leaving the state untouched.
public struct FountainDecoder: Sendable {
    /// Bounds on what a part may claim, checked before any allocation that size would drive.
    public struct Limits: Sendable, Equatable {
        /// Largest accepted message, in bytes.
        public var maxMessageLength: Int
        /// Largest accepted number of fragments.
        public var maxSequenceLength: Int

        /// Creates limits; the defaults (1 MiB, 1,024 fragments) are far above any signing request.
        ///
        /// Decoding costs up to `seqLen² · fragmentLength` byte XORs over a whole message, so the fragment
        /// limit is what bounds the work a hostile sequence can cause.
        public init(maxMessageLength: Int = 1 << 20, maxSequenceLength: Int = 1024) {
            self.maxMessageLength = maxMessageLength
            self.maxSequenceLength = maxSequenceLength
        }
    }

    /// The decoder's knowledge, for a progress display.
    public struct Progress: Sendable, Equatable, CustomStringConvertible {
        /// Fragments in the message (0 before the first part).
        public let fragmentCount: Int
        /// Linearly independent parts held; the message is decoded when this equals ``fragmentCount``.
        public let independentPartCount: Int
        /// Fragments already solved individually.
        public let knownFragmentCount: Int
        /// Parts accepted so far, including repeats and redundant ones.
        public let acceptedPartCount: Int

        /// `independentPartCount / fragmentCount`: 0 before the first part, 1 exactly when decoded.
        public var fraction: Double {
            fragmentCount == 0 ? 0 : Double(independentPartCount) / Double(fragmentCount)
        }

        /// `"5/7 independent parts, 4 fragments known, 9 parts accepted"`.
        public var description: String {
            "\(independentPartCount)/\(fragmentCount) independent parts, \(knownFragmentCount) fragments known, "
                + "\(acceptedPartCount) parts accepted"
        }
    }

    /// One reduced equation: the fragments it XORs (a bit set) and their XOR.
    private struct Row: Sendable {
        var indexes: [UInt64]
        var data: [UInt8]
    }

    /// The message parameters the first part fixed.
    private struct Expected: Sendable {
        let sequenceLength: Int
        let messageLength: Int
        let checksum: UInt32
        let fragmentLength: Int
        let sampler: RandomSampler
    }

    /// The limits in force.
    public let limits: Limits
    private var expected: Expected?
    private var rows: [Int: Row] = [:]
    private var acceptedPartCount = 0
    /// The message, once decoded and its CRC-32 verified.
    public private(set) var result: [UInt8]?

    /// Creates an empty decoder.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// True once ``result`` is available.
    public var isComplete: Bool { result != nil }

    /// What the decoder knows so far.
    public var progress: Progress {
        Progress(
            fragmentCount: expected?.sequenceLength ?? 0, independentPartCount: rows.count,
            knownFragmentCount: rows.values.filter { $0.indexes.reduce(0) { $0 + $1.nonzeroBitCount } == 1 }.count,
            acceptedPartCount: acceptedPartCount
        )
    }

    /// Takes one part and returns true when it added information (raised the rank).
    ///
    /// Returns false for a repeat, a redundant combination, or any part after completion.
    ///
    /// - Throws: ``QRTransportError/invalidPart(field:reason:)`` for a part that contradicts itself,
    ///   ``QRTransportError/fountainLimitExceeded(field:limit:found:)`` beyond ``limits``,
    ///   ``QRTransportError/partFromAnotherMessage(field:expected:found:)`` for a foreign part, and
    ///   ``QRTransportError/messageChecksumMismatch(expected:found:)`` when the solved message fails its
    ///   CRC-32 — then the decoder starts over, because some accepted part must have been corrupt.
    @discardableResult
    public mutating func receive(_ part: FountainPart) throws(QRTransportError) -> Bool {
        let expected = try validate(part)
        if self.expected == nil { self.expected = expected }
        acceptedPartCount += 1
        // A repeated part reduces to the zero equation below, so no set of seen numbers is kept (it would grow
        // without bound on a long stream).
        guard result == nil else { return false }
        var indexes = [UInt64](repeating: 0, count: (expected.sequenceLength + 63) / 64)
        let chosen = FountainCode.chooseFragments(
            sequenceNumber: part.sequenceNumber, sequenceLength: expected.sequenceLength,
            checksum: expected.checksum, sampler: expected.sampler
        )
        for index in chosen { indexes[index / 64] |= 1 << UInt64(index % 64) }
        var incoming = Row(indexes: indexes, data: part.data)
        // Rows are in reduced echelon form: each pivot column is set in its own row only, so one pass
        // over the pivots clears every pivot column from the incoming equation.
        for (pivot, row) in rows where Self.bit(pivot, of: incoming.indexes) { Self.add(row, to: &incoming) }
        guard let pivot = Self.lowestBit(of: incoming.indexes) else { return false }
        for key in Array(rows.keys) where Self.bit(pivot, of: rows[key]?.indexes ?? []) {
            if var row = rows[key] {
                Self.add(incoming, to: &row)
                rows[key] = row
            }
        }
        rows[pivot] = incoming
        if rows.count == expected.sequenceLength { try finish(expected) }
        return true
    }

    /// Forgets everything, including a decoded result.
    public mutating func reset() {
        self = FountainDecoder(limits: limits)
    }

    /// Full rank means every row is a single fragment: join them, trim the padding, check the CRC-32.
    private mutating func finish(_ expected: Expected) throws(QRTransportError) {
        var message: [UInt8] = []
        message.reserveCapacity(expected.sequenceLength * expected.fragmentLength)
        for index in 0..<expected.sequenceLength {
            guard let row = rows[index] else { fatalError("full-rank system lacks pivot \(index) — library bug") }
            message.append(contentsOf: row.data)
        }
        message.removeLast(message.count - expected.messageLength)
        let found = CRC32.checksum(message)
        guard found == expected.checksum else {
            reset()
            throw .messageChecksumMismatch(expected: expected.checksum, found: found)
        }
        result = message
    }

    /// Checks a part on its own and against the message the first part fixed.
    private func validate(_ part: FountainPart) throws(QRTransportError) -> Expected {
        guard part.sequenceNumber >= 1 else { throw .invalidPart(field: "part.seqNum", reason: "must be at least 1") }
        guard part.messageLength >= 1, !part.data.isEmpty else {
            throw .invalidPart(field: "part.messageLen/data", reason: "an empty message has no parts")
        }
        guard part.messageLength <= limits.maxMessageLength else {
            throw .fountainLimitExceeded(
                field: "part.messageLen", limit: limits.maxMessageLength, found: part.messageLength)
        }
        guard part.sequenceLength <= limits.maxSequenceLength else {
            throw .fountainLimitExceeded(
                field: "part.seqLen", limit: limits.maxSequenceLength, found: part.sequenceLength)
        }
        // An encoder splits messageLen bytes into fragments of data.count bytes: seqLen follows from both.
        let impliedLength = (part.messageLength + part.data.count - 1) / part.data.count
        guard part.sequenceLength == impliedLength else {
            throw .invalidPart(
                field: "part.seqLen",
                reason: "\(part.sequenceLength) fragments cannot hold \(part.messageLength) bytes "
                    + "in fragments of \(part.data.count) (expected \(impliedLength))")
        }
        guard let expected else {
            return Expected(
                sequenceLength: part.sequenceLength, messageLength: part.messageLength, checksum: part.checksum,
                fragmentLength: part.data.count,
                sampler: FountainCode.degreeSampler(sequenceLength: part.sequenceLength))
        }
        let comparisons: [(String, Int, Int)] = [
            ("checksum", Int(expected.checksum), Int(part.checksum)),
            ("seqLen", expected.sequenceLength, part.sequenceLength),
            ("messageLen", expected.messageLength, part.messageLength),
            ("fragmentLen", expected.fragmentLength, part.data.count),
        ]
        for (field, want, found) in comparisons where want != found {
            throw .partFromAnotherMessage(field: field, expected: want, found: found)
        }
        return expected
    }

    private static func bit(_ index: Int, of words: [UInt64]) -> Bool {
        index / 64 < words.count && words[index / 64] & (1 << UInt64(index % 64)) != 0
    }

    private static func lowestBit(of words: [UInt64]) -> Int? {
        for (wordIndex, word) in words.enumerated() where word != 0 {
            return wordIndex * 64 + word.trailingZeroBitCount
        }
        return nil
    }

    /// `target ^= row` for both the index set and the data.
    private static func add(_ row: Row, to target: inout Row) {
        for index in target.indexes.indices { target.indexes[index] ^= row.indexes[index] }
        FountainCode.xor(&target.data, row.data)
    }
}
