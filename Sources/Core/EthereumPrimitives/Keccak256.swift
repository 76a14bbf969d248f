/// Keccak-256 as Ethereum uses it: the original Keccak padding (domain byte `0x01`), not FIPS-202
/// SHA3-256 (domain byte `0x06`), so swift-crypto's `SHA3_256` cannot stand in for it.
///
/// Use ``Keccak256/hash(_:)`` for one-shot hashing, or create a value, ``update(_:)`` it with any
/// number of chunks, and ``finalize()`` it once.
public struct Keccak256: Sendable {
    /// The rate in bytes: 1600 − 2·256 bits of capacity, as bytes.
    public static let rate = 136
    /// Lanes absorbed per block (rate / 8).
    static let rateLanes = rate / 8

    private var state = [UInt64](repeating: 0, count: 25)
    private var pending: [UInt8] = []

    /// Creates an empty hasher.
    public init() {
        pending.reserveCapacity(Self.rate)
    }

    /// Returns the 32-byte Keccak-256 digest of `bytes`.
    public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Hash32 {
        var hasher = Keccak256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Absorbs `bytes`.
    public mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        let absorbedContiguously: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: $0) }
        if absorbedContiguously == nil {
            let array = Array(bytes)
            array.withUnsafeBufferPointer { update(buffer: $0) }
        }
    }

    private mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var offset = 0
        // Top up a partial block first.
        if !pending.isEmpty {
            let take = min(Self.rate - pending.count, buffer.count)
            pending.append(contentsOf: UnsafeBufferPointer(start: base, count: take))
            offset = take
            if pending.count == Self.rate {
                let block = pending
                block.withUnsafeBytes { absorbBlock($0) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        // Whole blocks straight from the caller's memory.
        while buffer.count - offset >= Self.rate {
            absorbBlock(UnsafeRawBufferPointer(start: base + offset, count: Self.rate))
            offset += Self.rate
        }
        if offset < buffer.count {
            pending.append(contentsOf: UnsafeBufferPointer(start: base + offset, count: buffer.count - offset))
        }
    }

    /// XORs one `rate`-byte block into the state and permutes.
    private mutating func absorbBlock(_ block: UnsafeRawBufferPointer) {
        state.withUnsafeMutableBufferPointer { lanes in
            for i in 0..<Self.rateLanes {
                lanes[i] ^= UInt64(littleEndian: block.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
            }
            Self.permute(lanes)
        }
    }

    /// Pads, absorbs the last block and returns the digest.
    ///
    /// The hasher must not be used afterwards.
    public mutating func finalize() -> Hash32 {
        var last = pending
        last.append(0x01)
        last.append(contentsOf: repeatElement(0, count: Self.rate - last.count))
        last[Self.rate - 1] |= 0x80
        last.withUnsafeBytes { absorbBlock($0) }
        var digest = [UInt8]()
        digest.reserveCapacity(32)
        for lane in state[0..<4] {
            withUnsafeBytes(of: lane.littleEndian) { digest.append(contentsOf: $0) }
        }
        pending.removeAll()
        return Hash32(uncheckedBytes: digest)
    }
}
