import ArgumentParser
import AuditCommands
import CommandLineSupport

/// `prepare`: the bundle-writing command by default (`prepare --amount … --sender … --chain …`), and
/// `prepare audit verify|timeline` for the online machine's audit log.
@main
struct PrepareTool: AsyncParsableCommand {
    /// Runs the tool, printing a JSON error object for a bad command line when `--json` is given.
    static func main() async { await JSONAwareMain.run(Self.self) }

    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: Prepare.configuration.abstract,
        discussion: (Prepare.configuration.discussion) + "\n\n" + DefaultCommandHelp.options(of: Prepare.self, tool: "prepare"),
        version: CommandRunner.version,
        subcommands: [Prepare.self, PrepareCheckout.self, AuditCommand.self],
        defaultSubcommand: Prepare.self
    )
}
