public import Foundation

/// Collects the `--json` stdout of the end-to-end tests' runs, byte for byte, so `scripts/check_results.py` (run by
/// `scripts/test` after `swift test`) can check the `--json` promise on what the built tools really printed: one
/// JSON object, sorted keys, a `version`, valid against its schema in `formats/results/`, no secret.
///
/// A test that already runs a tool with `--json` adds one line: `try ResultLog.record(result, schema: "sign")` for
/// a success, `schema: "error"` for a failure that prints the error object.
public enum ResultLog {
    /// Why a result could not be recorded.
    public enum RecordError: Error, Equatable, CustomStringConvertible {
        /// No `formats/results/<schema>.schema.json`: a typo in the test, caught here rather than by the checker.
        case unknownSchema(String)

        /// Names the schema and where it was looked for.
        public var description: String {
            switch self {
            case .unknownSchema(let name): return "no schema formats/results/\(name).schema.json"
            }
        }
    }

    /// `.build/results` under the repository (emptied by `scripts/test` before `swift test`).
    public static var directory: URL { Fixtures.repositoryRoot.appendingPathComponent(".build/results") }

    /// The schemas a result can be recorded against.
    public static var schemas: URL { Fixtures.formats.appendingPathComponent("results") }

    /// Writes `result`'s stdout unchanged to `.build/results/<schema>-<uuid>.json`, to be validated against
    /// `formats/results/<schema>.schema.json` (`prepare`, `sign`, `broadcast-send`, `error`, …).
    public static func record(_ result: ToolRunner.Result, schema: String) throws {
        let schemaFile = schemas.appendingPathComponent("\(schema).schema.json")
        guard FileManager.default.fileExists(atPath: schemaFile.path) else { throw RecordError.unknownSchema(schema) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try result.stdout.write(to: directory.appendingPathComponent("\(schema)-\(UUID().uuidString).json"))
    }
}
