public import ArgumentParser
import AuditLog
public import CommandLineSupport

extension AuditCommand {
    /// `audit repair LOG`: drops the torn last line a crash left, and nothing else.
    public struct Repair: AsyncParsableCommand {
        /// Name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Drop a torn last line a crash left in a log; keep the intact prefix, save what was dropped.",
            discussion: """
                Drops the last line only when it is unterminated or does not parse as an entry, and only when every \
                line before it verifies; the dropped bytes go to LOG.dropped-TIME (mode 0600) and a line on stderr \
                says so. Any other damage is refused (exit 65) and nothing is changed.
                """)

        /// The log.
        @Argument(help: "The audit log (JSON Lines).") public var log: String

        /// `--json`.
        @OptionGroup public var output: OutputOptions

        /// Creates the command (ArgumentParser).
        public init() {}

        /// Repairs and reports.
        public func run() async throws {
            try await CommandRunner.run(json: output.json) {
                try TornTailRepair.run(
                    log, what: "audit log", json: output.json, isValid: AuditLogWriter.isValid,
                    lineParses: AuditLogWriter.lineParses)
            }
        }
    }
}
