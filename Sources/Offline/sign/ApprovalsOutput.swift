import TerminalText
import Approvals
import BundleFormat
import CommandLineSupport
import Foundation

/// Where `sign approve` puts an approval: added to an approvals file, or printed as one.
enum ApprovalsOutput {
    /// The approvals already in `path` (none when it does not exist); a file that does not parse is refused before
    /// any key is unlocked, so it is never replaced.
    static func existing(_ path: String) throws -> [Approval] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try ApprovalQuorum.read([path])
    }

    /// Adds `approval` to the file at `path` (unless the same signature is already there), atomically, read back
    /// and checked; without a path, prints an approvals file holding `approval` alone on stdout.
    ///
    /// The file is re-read and rewritten under the exclusive lock of `PATH.lock` (``LockedAppendFile``, waiting
    /// up to its default timeout), so two approvers writing to one file at once both land: none is lost.
    static func write(_ approval: Approval, to path: String?) throws {
        guard let path else { return Console.writeArtifact(ApprovalsFile.encode([approval])) }
        let lock: LockedAppendFile
        do { lock = try LockedAppendFile.open(path + ".lock", what: "approvals file lock", cap: 4096) } catch {
            if case .locked = error {
                throw CommandError(kind: "fileLocked", message: error.description, exitStatus: .temporaryFailure)
            }
            throw CommandError(kind: "cannotWrite", message: error.description, exitStatus: .cannotCreate)
        }
        defer { lock.close() }
        let existing = try Self.existing(path)
        if existing.contains(where: { $0.signature == approval.signature }) {
            Console.info("\(path.escapedForTerminal) already holds this approval; unchanged.")
            return
        }
        let all = existing + [approval]
        try AtomicFileWriter.write(ApprovalsFile.encode(all), to: path, overwrite: true) { written in
            let reread = try ApprovalsFile.parse(written)
            guard reread.map(\.signature) == all.map(\.signature) else {
                throw CommandError(
                    kind: "selfCheckFailed", message: "\(path.escapedForTerminal) does not read back as written",
                    exitStatus: .failure)
            }
        }
        Console.info("Added the approval to \(path.escapedForTerminal) (\(all.count) approval(s)).")
    }
}
