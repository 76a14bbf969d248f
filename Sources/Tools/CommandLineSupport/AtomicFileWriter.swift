import BundleFormat
import TerminalText
public import Foundation
import Glibc

/// The tools' face of ``DurableFile`` (the one durable write helper, in BundleFormat): the same write, with its
/// failures as ``CommandError``s and the temporaries of crashed runs reported on stderr.
///
/// Refuses to replace an existing file unless `overwrite` is set — never lose a signed transaction by accident.
public enum AtomicFileWriter {
    /// Writes `data` to `path` (temporary created 0600, `mode` set before it is moved into place).
    ///
    /// `verify` reads the temporary file's bytes back and may throw to abort (the temporary file is removed and
    /// nothing appears at `path`).
    public static func write(
        _ data: Data, to path: String, overwrite: Bool, mode: mode_t = 0o644,
        verify: (Data) throws -> Void = { _ in }
    ) throws {
        do {
            let stale = try DurableFile.write(data, to: path, what: "output", overwrite: overwrite, mode: mode, verify: verify)
            report(stale)
        } catch let error as DurableFile.Exists {
            let message =
                error.appearedWhileWriting
                ? "\(path.escapedForTerminal) appeared while writing; not replaced"
                : "\(path.escapedForTerminal) exists; pass --force to replace it"
            throw CommandError(kind: "outputExists", message: message, exitStatus: .cannotCreate)
        } catch let error as FileAccessError {
            throw CommandError(kind: "cannotWrite", message: error.description, exitStatus: .cannotCreate)
        }
    }

    /// Removes the temporaries a crashed run left beside `path` and says so on stderr.
    public static func cleanStaleTemporaries(of path: String) {
        report(DurableFile.removeStaleTemporaries(of: path))
    }

    /// One stderr line per stale temporary: removed, or left (with why) for the operator.
    static func report(_ stale: [DurableFile.StaleTemporary]) {
        for temporary in stale {
            if temporary.removed {
                Console.info(
                    "Removed \(temporary.path.escapedForTerminal), left by process \(temporary.pid) that ended before finishing its write."
                )
            } else {
                Console.warning(
                    "\(temporary.path.escapedForTerminal), left by process \(temporary.pid) that ended before finishing its write, "
                        + "could not be removed (mode 0600); delete it by hand")
            }
        }
    }
}
