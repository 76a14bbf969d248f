import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size caps of every input a tool reads (formats/README.md carries the same table).
///
/// A file over its cap is refused from its size alone (`fstat`), and a stream (stdin) is read with a bound, so an
/// oversized input costs neither time nor memory.
public enum InputLimit {
    /// Bundles, signed files, policies, approvals, network and charge files: 1 MiB.
    public static let document: UInt64 = 1 << 20
    /// Keystores, key, mnemonic, password and API key files: 64 KiB.
    public static let secretFile: UInt64 = 64 << 10
    /// The signing ledger and the audit log: 64 MiB.
    public static let log: UInt64 = 64 << 20
    /// One QR image file: 16 MiB (the decoded size is capped in QRTransport too).
    public static let image: UInt64 = 16 << 20
}

/// Reads whole files and descriptors with a size cap, refusing before reading when the cap is exceeded.
public enum BoundedFile {
    /// The bytes of the file at `path` (a ``FileAccessError`` naming `what` when missing or over `cap`).
    public static func read(_ path: String, what: String, cap: UInt64) throws(FileAccessError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(what: what, path: path, reason: errnoText()) }
        defer { close(descriptor) }
        return try read(descriptor: descriptor, path: path, what: what, cap: cap)
    }

    /// The bytes of an open descriptor from offset 0 (regular files are checked with `fstat` first; pipes are
    /// read until the cap is passed).
    public static func read(descriptor: Int32, path: String, what: String, cap: UInt64) throws(FileAccessError) -> [UInt8] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .cannotRead(what: what, path: path, reason: errnoText()) }
        let isRegular = (status.st_mode & S_IFMT) == S_IFREG
        if isRegular, UInt64(clamping: status.st_size) > cap {
            throw .inputTooLarge(what: what, path: path, size: UInt64(clamping: status.st_size), cap: cap)
        }
        var contents: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                isRegular
                    ? pread(descriptor, raw.baseAddress, raw.count, off_t(contents.count))
                    : Glibc.read(descriptor, raw.baseAddress, raw.count)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .cannotRead(what: what, path: path, reason: errnoText()) }
            if count == 0 { return contents }
            contents += buffer[0..<count]
            if UInt64(contents.count) > cap {
                let size = isRegular ? UInt64(contents.count) : UInt64(contents.count)
                throw .inputTooLarge(what: what, path: path, size: size, cap: cap)
            }
        }
    }

    /// The size of the file at `path`, when it is a regular file.
    public static func size(of path: String) -> UInt64? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return UInt64(clamping: status.st_size)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
