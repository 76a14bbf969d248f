import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An append-only file held under an exclusive `flock` from the moment it is read until it is closed: the one
/// helper behind the signing ledger and the audit log, so that a check of the contents and the append that
/// follows are one critical section, even with two runs at once.
///
/// ``open(_:what:cap:create:timeoutSeconds:)`` opens `O_RDWR|O_APPEND|O_CLOEXEC` (creating the file with mode 0600
/// and its folder when `create` is set), waits at most `timeoutSeconds` for the lock (``FileAccessError/locked``
/// naming the holder's pid when the kernel tells), and reads the whole file under the lock, refusing one larger
/// than `cap`. ``append(_:)`` writes its bytes with one `O_APPEND` write, `fsync`s the file and, when the file was
/// new, its folder. ``close()`` (or deinit) releases the lock.
public final class LockedAppendFile {
    /// How long a run waits for another to release the lock, unless told otherwise.
    public static let defaultTimeoutSeconds = 10.0

    /// The file's path.
    public let path: String
    /// What the file is, for messages (`signing ledger`, `audit log`).
    public let what: String
    /// The bytes read under the lock, plus whatever this handle appended since.
    public private(set) var contents: [UInt8]
    private var descriptor: Int32
    private var wasNew: Bool

    private init(path: String, what: String, descriptor: Int32, contents: [UInt8]) {
        self.path = path
        self.what = what
        self.descriptor = descriptor
        self.contents = contents
        wasNew = contents.isEmpty
    }

    deinit { close() }

    /// Opens and locks `path` and reads it; see the type's documentation.
    public static func open(
        _ path: String, what: String, cap: UInt64, create: Bool = true, timeoutSeconds: Double = defaultTimeoutSeconds
    ) throws(FileAccessError) -> LockedAppendFile {
        if create { try createFolder(of: path, what: what) }
        let flags = O_RDWR | O_APPEND | O_CLOEXEC | (create ? O_CREAT : 0)
        let descriptor = Glibc.open(path, flags, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(what: what, path: path, reason: BoundedFile.errnoText()) }
        do {
            try lock(descriptor, exclusive: true, path: path, what: what, timeoutSeconds: timeoutSeconds)
            let contents = try BoundedFile.read(descriptor: descriptor, path: path, what: what, cap: cap)
            return LockedAppendFile(path: path, what: what, descriptor: descriptor, contents: contents)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// The contents of `path` read under a shared lock (waits for a writer to finish its line), or nil when the
    /// file does not exist.
    public static func readShared(
        _ path: String, what: String, cap: UInt64, timeoutSeconds: Double = defaultTimeoutSeconds
    ) throws(FileAccessError) -> [UInt8]? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .cannotOpen(what: what, path: path, reason: BoundedFile.errnoText())
        }
        defer { Glibc.close(descriptor) }
        try lock(descriptor, exclusive: false, path: path, what: what, timeoutSeconds: timeoutSeconds)
        return try BoundedFile.read(descriptor: descriptor, path: path, what: what, cap: cap)
    }

    /// Appends `bytes` with one write and makes them durable (file, and folder when the file was new).
    public func append(_ bytes: [UInt8]) throws(FileAccessError) {
        guard descriptor >= 0 else { throw .cannotWrite(what: what, path: path, reason: "already closed") }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw .cannotWrite(what: what, path: path, reason: "write: \(BoundedFile.errnoText())") }
            offset += count
        }
        guard fsync(descriptor) == 0 else {
            throw .cannotWrite(what: what, path: path, reason: "fsync: \(BoundedFile.errnoText())")
        }
        contents += bytes
        if wasNew {
            Self.syncFolder(of: path)
            wasNew = false
        }
    }

    /// Cuts the file to its first `length` bytes and syncs it.
    public func truncate(to length: Int) throws(FileAccessError) {
        guard length >= 0, length <= contents.count, ftruncate(descriptor, off_t(length)) == 0, fsync(descriptor) == 0
        else { throw .cannotWrite(what: what, path: path, reason: "truncate: \(BoundedFile.errnoText())") }
        contents.removeSubrange(length...)
    }

    /// Releases the lock and the descriptor (idempotent).
    public func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    /// Takes the lock, polling `LOCK_NB` every 10 ms until `timeoutSeconds` have passed.
    static func lock(
        _ descriptor: Int32, exclusive: Bool, path: String, what: String, timeoutSeconds: Double
    ) throws(FileAccessError) {
        let operation = (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
        let start = Date()
        while flock(descriptor, operation) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw .cannotOpen(what: what, path: path, reason: "lock: \(BoundedFile.errnoText())")
            }
            let waited = Date().timeIntervalSince(start)
            if waited >= timeoutSeconds {
                throw .locked(what: what, path: path, holder: LockHolder.pid(of: descriptor), waitedSeconds: waited)
            }
            usleep(10_000)
        }
    }

    static func createFolder(of path: String, what: String) throws(FileAccessError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .cannotWrite(what: what, path: path, reason: "cannot create \(folder): \(error.localizedDescription)")
        }
    }

    /// Makes a new file's directory entry durable; best effort (some file systems refuse directory fsync).
    static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let descriptor = Glibc.open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        Glibc.close(descriptor)
    }
}
