import Crypto

/// The xoshiro256** 1.0 generator exactly as BCR-2024-001 drives it: seeded from SHA-256, read as doubles.
///
/// Every multipart UR encoder and decoder must derive the same fragment choices from the same seed, so the
/// arithmetic here is fixed by the standard: the state is SHA-256(seed) read as four big-endian `UInt64`s,
/// ``nextDouble()`` divides by 2^64 in IEEE-754 doubles, and ``nextInt(_:_:)`` truncates. Not for secrets.
public struct Xoshiro256StarStar: Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Seeds the generator with SHA-256 of `seed` (a UTF-8 string's bytes, or `seqNum ‖ checksum`).
    public init<Bytes: Sequence<UInt8>>(seed: Bytes) {
        let digest = Array(SHA256.hash(data: Array(seed)))
        func word(_ index: Int) -> UInt64 {
            digest[(index * 8)..<(index * 8 + 8)].reduce(0) { $0 << 8 | UInt64($1) }
        }
        state = (word(0), word(1), word(2), word(3))
    }

    /// Seeds the generator with SHA-256 of the UTF-8 bytes of `string` (the tests' `"Wolf"`).
    public init(string: String) {
        self.init(seed: Array(string.utf8))
    }

    /// The next raw 64-bit output: `rotl(s1 · 5, 7) · 9`, all arithmetic mod 2^64.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A double in [0, 1): `Double(next()) / 2^64` (the conversion rounds to nearest, as the reference does).
    public mutating func nextDouble() -> Double {
        Double(next()) / (Double(UInt64.max) + 1)
    }

    /// An integer in the closed range `low...high`: `Int(nextDouble() · (high − low + 1)) + low`.
    ///
    /// `Double(UInt64.max)` rounds up to 2^64, so ``nextDouble()`` returns exactly 1.0 for the top 1,024
    /// outputs and the reference formula would yield `high + 1`; that result is clamped to `high` here so
    /// a hostile seed cannot trap the decoder (the case has probability 2^-54 per draw).
    public mutating func nextInt(_ low: Int, _ high: Int) -> Int {
        precondition(low <= high, "empty range — caller bug")
        return min(Int(nextDouble() * Double(high - low + 1)) + low, high)
    }

    /// A byte drawn as `nextInt(0, 255)`.
    public mutating func nextByte() -> UInt8 {
        UInt8(truncatingIfNeeded: nextInt(0, 255))
    }

    /// `count` successive ``nextByte()`` values (the reference `makeMessage` generator).
    public mutating func nextData(count: Int) -> [UInt8] {
        (0..<count).map { _ in nextByte() }
    }

    private func rotateLeft(_ value: UInt64, _ amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}
