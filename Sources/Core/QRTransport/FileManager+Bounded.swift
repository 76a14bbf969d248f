public import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read with a size cap (QRTransport links no BundleFormat, so it has its own small bounded reader).
public struct BoundedContents: Sendable {
    /// The file's size in bytes when it was opened.
    public let size: UInt64
    /// The bytes, or nil when the file is larger than the cap (and was not read).
    public let data: Data?
}

extension FileManager {
    /// The contents of the regular file at `path` when at most `maxBytes` long (checked with `fstat` before
    /// reading); nil when it cannot be opened or read.
    public func contents(atPath path: String, maxBytes: UInt64) -> BoundedContents? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = UInt64(clamping: status.st_size)
        guard size <= maxBytes else { return BoundedContents(size: size, data: nil) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while UInt64(bytes.count) <= maxBytes {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return BoundedContents(size: UInt64(bytes.count), data: Data(bytes)) }
            bytes += buffer[0..<count]
        }
        return BoundedContents(size: UInt64(bytes.count), data: nil)
    }
}
