public import StrictJSON
public import ArgumentParser
import BundleFormat
public import Foundation

/// `--json`, shared by every command: one JSON object on stdout instead of the human rendering.
public struct OutputOptions: ParsableArguments, Sendable {
    /// Emit one machine-readable JSON object on stdout.
    @Flag(name: .long, help: "Print one machine-readable JSON object on stdout (schemas in formats/results/).")
    public var json = false

    /// Creates the default (human output).
    public init() {}
}

/// Runs a command body and turns any error into the documented exit code, the `Error: …` line on stderr and,
/// with `--json`, `{"error": {"kind", "message"}}` on stdout.
public enum CommandRunner {
    /// The version every tool reports: version, commit and build configuration (``BuildInfo``).
    public static var version: String { BuildInfo.versionLine }

    /// Runs `body`; on failure reports and throws `ExitCode`.
    public static func run(json: Bool, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw report(error, json: json)
        }
    }

    /// Reports `error` and returns the `ExitCode` to throw.
    public static func report(_ error: Error, json: Bool) -> ExitCode {
        let (kind, message, status) = ExitTable.classify(error)
        Console.info("Error: \(message)")
        if json {
            Console.writeArtifact(CanonicalResult.encode(["error": ["kind": .string(kind), "message": .string(message)]]))
        }
        return ExitCode(status.rawValue)
    }
}

/// The `--json` writer: the canonical writer's document style (keys sorted by code point, two-space indentation,
/// one trailing newline), with a `version` field added at the top.
public enum CanonicalResult {
    /// Serialises a JSON object, adding `"version": 1` unless present.
    public static func encode(_ object: JSONValue) -> Data {
        var object = object
        if object["version"] == nil { object["version"] = 1 }
        return object.canonicalDocument
    }
}
