public import Foundation

/// Reads command inputs: a path, or `-` for stdin.
///
/// A missing or unreadable file is exit 66 with the path named.
public enum InputFile {
    /// The bytes of `path`, or of stdin for `-`.
    public static func read(_ path: String, what: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CommandError(
                kind: "noInput", message: "\(what) \(path) does not exist or cannot be read",
                exitStatus: .noInput)
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CommandError(
                kind: "noInput", message: "cannot read \(what) \(path): \(error.localizedDescription)",
                exitStatus: .noInput)
        }
    }
}
