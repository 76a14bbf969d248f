import ArgumentParser
import AuditCommands
import CommandLineSupport

/// `broadcast`: the online half that submits a signed transaction and follows it to the credits.
@main
struct Broadcast: AsyncParsableCommand {
    /// Runs the tool, printing a JSON error object for a bad command line when `--json` is given.
    static func main() async { await JSONAwareMain.run(Self.self) }

    static let configuration = CommandConfiguration(
        commandName: "broadcast",
        abstract: "Check a signed transaction, submit it, follow it to its receipt, then watch the credits.",
        discussion: """
            Runs on the online machine and holds no key. `broadcast SIGNED --rpc-url URL` reads the file `sign --out` \
            wrote (or a raw 0x02… transaction), checks it, sends it to every node given, and follows it. A state file \
            beside SIGNED (SIGNED.state.json) records what was sent, so re-running after a crash or timeout resumes.
            A checkout payment (an ERC-20 transfer or a native transfer) is reported paid only when the receipt shows \
            the token's Transfer(from, to, amount) log, or the mined native transfer, exactly as signed.
            Exit codes: 0 paid (and credited with --wait-credits), 3 mined but reverted, 65 mined but the payment is \
            not in the receipt, 75 timed out (safe to re-run).
            Examples:
              broadcast signed.json --rpc-url https://mainnet.base.org
              broadcast --qr-image signed-001.png --rpc-url https://mainnet.base.org --wait-credits

            """ + DefaultCommandHelp.options(of: Send.self, tool: "broadcast"),
        version: CommandRunner.version,
        subcommands: [Send.self, Balance.self, AuditCommand.self],
        defaultSubcommand: Send.self
    )
}
