import StrictJSON
public import ArgumentParser
import AuditLog
public import CommandLineSupport
import EthereumPrimitives
import Foundation
import TerminalText

extension AuditCommand {
    /// `audit verify LOG`: exit 0 when the chain is intact, 65 naming each edited, deleted, inserted or reordered
    /// entry otherwise.
    public struct Verify: AsyncParsableCommand {
        /// Name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Check a log's hash chain; name every edited, deleted, inserted or reordered entry (exit 65).")

        /// The log.
        @Argument(help: "The audit log (JSON Lines).") public var log: String

        /// A head recorded earlier.
        @Option(
            name: .long,
            help: "A head printed earlier (0x + 64 hex digits): it must be the hash of a line of the log.")
        public var expectHead: String?

        /// `--json`.
        @OptionGroup public var output: OutputOptions

        /// Creates the command (ArgumentParser).
        public init() {}

        /// Refuses a head that is not a 32-byte hash.
        public func validate() throws {
            if let expectHead {
                do { _ = try Hash32(hex: expectHead, field: "--expect-head") } catch {
                    throw ValidationError("\(error)")
                }
            }
        }

        /// Verifies and renders.
        public func run() async throws {
            try await CommandRunner.run(json: output.json) {
                let head = try expectHead.map { try Hash32(hex: $0, field: "--expect-head") }
                let report = try AuditLogVerifier.verify(path: log, expectedHead: head)
                try AuditReporting.render(report, json: output.json)
            }
        }
    }
}

/// Rendering shared by `audit verify` and `audit timeline`.
enum AuditReporting {
    /// Prints `report` (stdout: its lines, or one JSON object); when it does not verify, also the `Error:` line on
    /// stderr naming the first finding, then throws exit 65.
    static func render(_ report: AuditLogReport, json: Bool) throws {
        var object = report.fields
        if !report.isIntact { object["error"] = errorObject(report) }
        if json {
            Console.writeArtifact(CanonicalResult.encode(object))
        } else {
            Console.writeArtifactLine(report.lines.joined(separator: "\n"))
        }
        guard report.isIntact else { throw failure(report) }
    }

    /// `{"kind": "logDoesNotVerify", "message": …}`.
    static func errorObject(_ report: AuditLogReport) -> JSONValue {
        ["kind": "logDoesNotVerify", "message": .string(message(report))]
    }

    /// Prints the `Error:` line for a log that does not verify and returns exit 65.
    static func failure(_ report: AuditLogReport) -> ExitCode {
        Console.info("Error: \(message(report))")
        return ExitCode(ExitStatus.dataError.rawValue)
    }

    /// "audit log PATH does not verify: line 3 (seq 3): edited — …" (and how many more).
    static func message(_ report: AuditLogReport) -> String {
        let first = report.findings.first.map(\.description) ?? "no finding"
        let more = report.findings.count > 1 ? " (and \(report.findings.count - 1) more finding(s))" : ""
        return "audit log \(report.source.escapedForTerminal) does not verify: \(first)\(more)"
    }
}
