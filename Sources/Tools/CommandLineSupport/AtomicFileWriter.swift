import TerminalText
public import Foundation
import Glibc

/// Writes a file so that readers see either nothing or the whole file: write a temporary file in the same
/// folder, fsync it, let the caller verify what was written, rename it into place, fsync the folder.
///
/// Refuses to replace an existing file unless `overwrite` is set — never lose a signed transaction by accident.
public enum AtomicFileWriter {
    /// Writes `data` to `path`.
    ///
    /// `verify` reads the temporary file's bytes back and may throw to abort (the temporary file is removed and
    /// nothing appears at `path`).
    public static func write(
        _ data: Data, to path: String, overwrite: Bool, mode: mode_t = 0o644,
        verify: (Data) throws -> Void = { _ in }
    ) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw CommandError(
                kind: "outputExists", message: "\(path.escapedForTerminal) exists; pass --force to replace it",
                exitStatus: .cannotCreate)
        }
        let temporary = "\(directory)/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw cannotCreate(path, errno) }
        var removeTemporary = true
        defer { if removeTemporary { unlink(temporary) } }
        let written = data.withUnsafeBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            var offset = 0
            while offset < raw.count {
                let result = Glibc.write(descriptor, base + offset, raw.count - offset)
                if result <= 0 { if errno == EINTR { continue }; return -1 }
                offset += result
            }
            return offset
        }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == data.count, synced == 0 else { throw cannotCreate(path, errno) }
        let readBack = try Data(contentsOf: URL(fileURLWithPath: temporary))
        try verify(readBack)
        if !overwrite, FileManager.default.fileExists(atPath: path) {
            throw CommandError(
                kind: "outputExists", message: "\(path.escapedForTerminal) appeared while writing; not replaced",
                exitStatus: .cannotCreate)
        }
        guard rename(temporary, path) == 0 else { throw cannotCreate(path, errno) }
        removeTemporary = false
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    static func cannotCreate(_ path: String, _ code: Int32) -> CommandError {
        CommandError(
            kind: "cannotWrite", message: "cannot write \(path.escapedForTerminal): \(String(cString: strerror(code)))",
            exitStatus: .cannotCreate)
    }
}
