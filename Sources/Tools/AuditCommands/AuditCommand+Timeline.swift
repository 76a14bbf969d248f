import StrictJSON
public import ArgumentParser
import AuditLog
import EthereumPrimitives
public import CommandLineSupport
import Foundation
import TerminalText

extension AuditCommand {
    /// `audit timeline LOG…`: verifies each log, then merges their events into one timeline per purchase
    /// (fingerprint), showing whether the transaction mined is byte-identical to the one signed.
    public struct Timeline: AsyncParsableCommand {
        /// Name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Merge logs from both machines into one timeline per purchase (by fingerprint).",
            discussion: """
                Each log is verified first; one that does not verify stops the merge (exit 65, the entry named). \
                Exit 65 too when the events of a purchase contradict each other (another charge or signing hash, \
                or a transaction sent or mined that sign did not sign).
                """)

        /// The logs.
        @Argument(help: "Audit logs, e.g. the offline machine's and the online machine's.") public var logs: [String]

        /// Only this purchase.
        @Option(name: .long, help: "Show only the purchase with this fingerprint (xxxx-xxxx-xxxx-xxxx).")
        public var fingerprint: String?

        /// `--json`.
        @OptionGroup public var output: OutputOptions

        /// Creates the command (ArgumentParser).
        public init() {}

        /// Needs at least one log.
        public func validate() throws {
            guard !logs.isEmpty else { throw ValidationError("give at least one audit log") }
        }

        /// Verifies, merges and renders.
        public func run() async throws {
            try await CommandRunner.run(json: output.json) {
                var reports: [AuditLogReport] = []
                for log in logs {
                    let report = try AuditLogVerifier.verify(path: log)
                    guard report.isIntact else { return try AuditReporting.render(report, json: output.json) }
                    reports.append(report)
                }
                let timelines = AuditTimeline.merge(reports).filter { fingerprint == nil || $0.fingerprint == fingerprint }
                if let fingerprint, timelines.isEmpty {
                    throw CommandError(
                        kind: "notFound", message: "no event in the logs given has fingerprint \(fingerprint.escapedForTerminal)",
                        exitStatus: .dataError)
                }
                try render(timelines, reports: reports)
            }
        }

        func render(_ timelines: [AuditTimeline], reports: [AuditLogReport]) throws {
            let contradicted = timelines.filter { !$0.isConsistent }
            let message = contradicted.first.flatMap { timeline in
                timeline.findings.first.map { "purchase \((timeline.fingerprint ?? "?").escapedForTerminal): \($0)" }
            }
            if output.json {
                var object: JSONValue = [
                    "logs": .array(
                        reports.map {
                            ["source": .string($0.source), "entries": JSONValue($0.lineCount), "head": .string($0.head.hex)]
                        }),
                    "timelines": .array(timelines.map(\.fields)),
                ]
                if let message { object["error"] = ["kind": "timelineInconsistent", "message": .string(message)] }
                Console.writeArtifact(CanonicalResult.encode(object))
            } else {
                let text = timelines.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n\n")
                Console.writeArtifactLine(text)
            }
            if let message {
                Console.info("Error: \(message)")
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
        }
    }
}
