import ArgumentParser
import AuditCommands
import CommandLineSupport

/// `sign`: the offline signer.
///
/// Links no networking code (checked in CI on the built binary).
@main
struct Sign: AsyncParsableCommand {
    /// Runs the tool, printing a JSON error object for a bad command line when `--json` is given.
    static func main() async { await JSONAwareMain.run(Self.self) }

    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Verify an unsigned bundle, show what it pays, ask for approval and sign it (offline).",
        discussion: """
            Runs on the offline machine. `sign BUNDLE --keystore FILE` verifies the bundle written by `prepare` \
            against the bytes it will sign, the policy, the clock and the signing ledger; shows a review; asks you \
            to type the fingerprint's first group; and prints the raw signed transaction (or writes --out FILE).
            Examples:
              sign bundle.json --keystore cold.json --out signed.json
              sign --qr-image frame-001.png --keystore cold.json --qr-png signed-frames/

            """ + DefaultCommandHelp.options(of: SignBundle.self, tool: "sign"),
        version: CommandRunner.version,
        subcommands: [SignBundle.self, Approve.self, AuditCommand.self, Keys.self, PolicyCommand.self, LedgerCommand.self],
        defaultSubcommand: SignBundle.self
    )
}
