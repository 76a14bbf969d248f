public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    public import Darwin
#endif

/// The one durable write helper: readers see either the old file, or nothing, or the whole new file.
///
/// ``write(_:to:what:overwrite:mode:verify:)`` writes a temporary `.NAME.tmp-PID-RANDOM` beside the target,
/// created mode 0600 whatever the final mode (a crash never leaves key material or a signed transaction readable
/// by others), `fsync`s it, lets the caller check the bytes read back, moves it into place — `rename` when
/// replacing is allowed, `link` (which fails if the target appeared meanwhile) then `unlink` otherwise — then sets
/// the final mode and `fsync`s the folder (a crash in between leaves the file 0600, never more open). Temporaries left by a run that died (their pid no longer exists) are removed first
/// (``removeStaleTemporaries(of:)``); the caller reports them.
public enum DurableFile {
    /// The target exists and replacing it was not allowed; nothing was written.
    public struct Exists: Error, Sendable {
        /// The target.
        public let path: String
        /// Whether it appeared while the temporary file was being written (another run).
        public let appearedWhileWriting: Bool
    }

    /// A temporary file a dead run left beside a target, removed by ``removeStaleTemporaries(of:)``.
    public struct StaleTemporary: Equatable, Sendable {
        /// Its path.
        public let path: String
        /// The pid that created it (no longer running).
        public let pid: Int32
        /// Whether it could be removed (if not, it is only reported).
        public let removed: Bool
    }

    /// The prefix of every temporary file of `path`'s name (`.NAME.tmp-`).
    public static func temporaryPrefix(of path: String) -> String {
        ".\(URL(fileURLWithPath: path).lastPathComponent).tmp-"
    }

    /// Writes `data` to `path` durably; see the type's documentation.
    ///
    /// Throws ``Exists``, ``FileAccessError`` or
    /// what `verify` throws (the temporary file is then removed and `path` is untouched).
    @discardableResult
    public static func write(
        _ data: Data, to path: String, what: String, overwrite: Bool, mode: mode_t = 0o644,
        verify: (Data) throws -> Void = { _ in }
    ) throws -> [StaleTemporary] {
        let stale = removeStaleTemporaries(of: path)
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw Exists(path: path, appearedWhileWriting: false)
        }
        let folder = folder(of: path)
        let temporary = "\(folder)/\(temporaryPrefix(of: path))\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(what, path, "create \(temporary)") }
        var removeTemporary = true
        defer { if removeTemporary { unlink(temporary) } }
        let written = data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let result = Glibc.write(descriptor, base + offset, raw.count - offset)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                offset += result
            }
            return true
        }
        let synced = written && fsync(descriptor) == 0
        let code = errno
        close(descriptor)
        guard synced else {
            errno = code
            throw failure(what, path, "write")
        }
        let readBack = try BoundedFile.read(temporary, what: what, cap: UInt64(data.count) + 1)
        try verify(Data(readBack))
        if overwrite {
            guard rename(temporary, path) == 0 else { throw failure(what, path, "rename") }
        } else {
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw Exists(path: path, appearedWhileWriting: true) }
                throw failure(what, path, "link")
            }
            unlink(temporary)
        }
        removeTemporary = false
        // The final mode only once the temporary is gone: a crash never leaves a readable temporary behind.
        guard chmod(path, mode) == 0 else { throw failure(what, path, "chmod") }
        LockedAppendFile.syncFolder(of: path)
        return stale
    }

    /// Removes the temporary files of `path` whose creating process is gone (a crash, kill -9), and returns them;
    /// one that cannot be removed is returned with `removed` false so the caller can report it.
    @discardableResult
    public static func removeStaleTemporaries(of path: String) -> [StaleTemporary] {
        let folder = folder(of: path)
        let prefix = temporaryPrefix(of: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var found: [StaleTemporary] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let parts = name.dropFirst(prefix.count).split(separator: "-")
            guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, UInt32(parts[1]) != nil else { continue }
            guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let temporary = "\(folder)/\(name)"
            found.append(StaleTemporary(path: temporary, pid: pid, removed: unlink(temporary) == 0))
        }
        return found
    }

    /// The folder holding `path`.
    static func folder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    static func failure(_ what: String, _ path: String, _ step: String) -> FileAccessError {
        .cannotWrite(what: what, path: path, reason: "\(step): \(BoundedFile.errnoText())")
    }
}
