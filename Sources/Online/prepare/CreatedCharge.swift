import CommandLineSupport
import Foundation
import StrictJSON
import TerminalText

/// A charge created through the API during this run: kept on disk when a later step fails, so the next run can
/// reuse it with `--charge-file` instead of creating another.
final class CreatedCharge: @unchecked Sendable {
    // @unchecked: set once by the preparer's callback, read after it returned, on one task.
    /// The API's answer, once a charge exists.
    var body: Data?

    /// The charge id in the API's answer (`{"data": {"id": …}}` or a bare object), when there is one.
    static func id(of body: Data) -> String? {
        guard let object = try? JSON.parse(Array(body)) else { return nil }
        return (object["data"] ?? object)["id"]?.stringValue
    }

    /// Saves the answer beside `out` (or in `~/.coldcredits/charges/`) as `charge-ID.json` and says how to reuse it.
    func keep(_ body: Data, beside out: String?) {
        let id = Self.id(of: body) ?? "unknown"
        let safe = String(
            id.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }.prefix(80))
        let home = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory())
        let folder =
            out.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? home.appendingPathComponent(".coldcredits/charges")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("charge-\(safe.isEmpty ? "unknown" : safe).json").path
        do {
            try AtomicFileWriter.write(body, to: path, overwrite: false)
            Console.info(
                "Charge \(id.escapedForTerminal) was created before this failure; it is saved in \(path.escapedForTerminal). Fix the cause and run prepare "
                    + "again with --charge-file \(path.escapedForTerminal) (instead of --amount) to use it rather than create another."
            )
        } catch {
            Console.info(
                "Charge \(id.escapedForTerminal) was created before this failure but could not be saved (\(error)); "
                    + "it expires unpaid, and the next run creates a new one.")
        }
    }
}
