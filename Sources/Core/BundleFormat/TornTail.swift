import Foundation

/// The recovery for a line-per-record file (the signing ledger, the audit log) whose last line a crash tore.
///
/// ``plan(_:isValid:lineParses:)`` decides from the bytes alone: a file that is valid as it stands is left alone; otherwise
/// the last line — an unterminated remnant, or a terminated line that does not parse — may be dropped only when
/// everything before it is valid. Damage anywhere else is refused (``Refused``): that is an edit to investigate,
/// not a crash to repair. ``repair(_:what:cap:now:isValid:lineParses:)`` applies the plan under the file's exclusive lock
/// (``LockedAppendFile``), first saving the dropped bytes to `PATH.dropped-TIME` (mode 0600, ``DurableFile``).
public enum TornTail {
    /// What to do with a file's bytes.
    public enum Plan: Equatable, Sendable {
        /// Valid as it stands; nothing to drop.
        case intact
        /// Keep the first `keep` bytes, drop the rest (the torn last line).
        case drop(keep: Int)
    }

    /// The file is damaged before its last line (or its last line cannot be told apart); nothing was dropped.
    public struct Refused: Error, Sendable, CustomStringConvertible {
        /// The file.
        public let path: String
        /// What the file is.
        public let what: String

        /// A one-line explanation.
        public var description: String {
            "\(what) \(path): the damage is not only a torn last line (the lines before it do not verify either); "
                + "nothing dropped — keep the file as evidence and investigate"
        }
    }

    /// A repair that dropped a torn tail.
    public struct Repaired: Equatable, Sendable {
        /// Bytes kept (the intact prefix).
        public let kept: Int
        /// The dropped bytes.
        public let dropped: [UInt8]
        /// Where the dropped bytes were saved.
        public let sidecar: String
    }

    /// The plan for `contents`; nil when more than the last line would have to go, or when the last line is
    /// complete (newline-terminated) and parses as a record (`lineParses`): a well-formed record is never dropped.
    public static func plan(
        _ contents: [UInt8], isValid: ([UInt8]) -> Bool, lineParses: ([UInt8]) -> Bool
    ) -> Plan? {
        if isValid(contents) { return .intact }
        var end = contents.count
        let terminated = end > 0 && contents[end - 1] == 0x0a
        if terminated { end -= 1 }
        let keep = (contents[..<end].lastIndex(of: 0x0a) ?? -1) + 1
        if terminated, lineParses(Array(contents[keep..<end])) { return nil }
        return isValid(Array(contents[..<keep])) ? .drop(keep: keep) : nil
    }

    /// Repairs the file at `path`; returns nil when it was intact.
    ///
    /// Throws ``Refused`` or ``FileAccessError``.
    public static func repair(
        _ path: String, what: String, cap: UInt64, now: UInt64, isValid: ([UInt8]) -> Bool,
        lineParses: ([UInt8]) -> Bool
    ) throws -> Repaired? {
        let file = try LockedAppendFile.open(path, what: what, cap: cap, create: false)
        defer { file.close() }
        guard let plan = plan(file.contents, isValid: isValid, lineParses: lineParses) else {
            throw Refused(path: path, what: what)
        }
        guard case .drop(let keep) = plan else { return nil }
        let dropped = Array(file.contents[keep...])
        let stamp = ISO8601.format(unixSeconds: now).filter { $0 != ":" && $0 != "-" }
        var sidecar = "\(path).dropped-\(stamp)"
        var suffix = 1
        while FileManager.default.fileExists(atPath: sidecar) {
            suffix += 1
            sidecar = "\(path).dropped-\(stamp)-\(suffix)"
        }
        try DurableFile.write(Data(dropped), to: sidecar, what: "\(what) repair record", overwrite: false, mode: 0o600)
        try file.truncate(to: keep)
        return Repaired(kept: keep, dropped: dropped, sidecar: sidecar)
    }
}
