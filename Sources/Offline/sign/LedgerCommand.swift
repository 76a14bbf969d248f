import ArgumentParser
import CommandLineSupport
import OfflineSigning

/// `sign ledger …`: the recovery for a signing ledger a crash tore.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Recover the signing ledger after a crash.", subcommands: [Repair.self])

    /// `sign ledger repair FILE`.
    struct Repair: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop a torn last line a crash left in the ledger; keep every entry, save what was dropped.",
            discussion: """
                Drops the last line only when it is unterminated or is not a valid entry, and only when every line \
                before it is valid; the dropped bytes go to FILE.dropped-TIME (mode 0600) and a line on stderr says \
                so. Any other damage is refused (exit 65) and nothing is changed: a ledger entry is never dropped.
                """)

        @Argument(help: "The signing ledger (JSON Lines).") var file: String
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await CommandRunner.run(json: output.json) {
                try TornTailRepair.run(
                    file, what: "signing ledger", json: output.json, isValid: SigningLedger.isValid,
                    lineParses: SigningLedger.lineParses)
            }
        }
    }
}
