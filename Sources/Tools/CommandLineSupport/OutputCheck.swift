import TerminalText
import Foundation
import Glibc

/// Checks an output path before any side effect (unlocking a key, a request, a ledger entry), so a run that
/// cannot write its result fails first and loses nothing.
public enum OutputCheck {
    /// Refuses (exit 73) an existing file without `overwrite`, a directory, or a folder that does not exist or
    /// cannot be written; `whenExists` is what the message tells a person to do about an existing file.
    ///
    /// Temporaries a crashed run left beside `path` are removed first (and reported).
    public static func writable(
        _ path: String, overwrite: Bool, whenExists: String = "pass --force to replace it"
    ) throws {
        AtomicFileWriter.cleanStaleTemporaries(of: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw CommandError(
                    kind: "cannotWrite", message: "\(path.escapedForTerminal) is a directory; give a file name",
                    exitStatus: .cannotCreate)
            }
            guard overwrite else {
                throw CommandError(
                    kind: "outputExists", message: "\(path.escapedForTerminal) exists; \(whenExists)",
                    exitStatus: .cannotCreate)
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandError(
                kind: "cannotWrite",
                message: "cannot write \(path.escapedForTerminal): folder \(folder.escapedForTerminal) does not exist",
                exitStatus: .cannotCreate)
        }
        guard access(folder, W_OK) == 0 else {
            throw CommandError(
                kind: "cannotWrite",
                message: "cannot write \(path.escapedForTerminal): folder \(folder.escapedForTerminal) is not writable",
                exitStatus: .cannotCreate)
        }
    }
}
