/// Key material: bytes that are zeroed when the last reference goes away, compared in constant time and
/// never printed.
///
/// - Warning: Copying the bytes out (``withUnsafeBytes(_:)``) into a long-lived array defeats the zeroing;
///   keep such copies inside the closure.
public struct SecretBytes: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private final class Storage: @unchecked Sendable {
        // Immutable after init apart from the final wipe in deinit, so sharing across threads is safe.
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        deinit {
            bytes.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                // A volatile-style wipe the optimiser cannot drop: memset_s is unavailable on Linux, and
                // writing through an opaque pointer keeps the stores observable.
                _ = memsetZero(base, raw.count)
            }
        }
    }

    private let storage: Storage

    /// Takes ownership of `bytes`; the caller should wipe its own copy with ``SecretBytes/wipe(_:)``.
    public init(_ bytes: [UInt8]) { storage = Storage(bytes) }

    /// Number of bytes.
    public var count: Int { storage.bytes.count }

    /// Lends the bytes to `body` without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.bytes.withUnsafeBytes(body)
    }

    /// Lends the bytes as an array (passed to C as a pointer to its storage, not copied).
    package func withBytes<R>(_ body: ([UInt8]) -> R) -> R { body(storage.bytes) }

    /// Compares two secrets in time that depends only on their lengths.
    public func constantTimeEquals(_ other: SecretBytes) -> Bool {
        guard count == other.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<count { difference |= storage.bytes[index] ^ other.storage.bytes[index] }
        return difference == 0
    }

    /// Overwrites an array that held key material with zeros.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { raw in
            guard let base = raw.baseAddress else { return }
            _ = memsetZero(base, raw.count)
        }
        bytes.removeAll()
    }

    /// Never shows the bytes.
    public var description: String { "SecretBytes(\(count) bytes, redacted)" }

    /// Never shows the bytes.
    public var debugDescription: String { description }
}

/// Zeroes `count` bytes through a pointer the optimiser must treat as escaping.
@inline(never)
func memsetZero(_ pointer: UnsafeMutableRawPointer, _ count: Int) -> UnsafeMutableRawPointer {
    let bytes = pointer.bindMemory(to: UInt8.self, capacity: count)
    for index in 0..<count { bytes[index] = 0 }
    return pointer
}
