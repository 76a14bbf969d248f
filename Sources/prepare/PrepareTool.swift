import ArgumentParser
import AuditCommands
import CommandLineSupport

/// `prepare`: the bundle-writing command by default (`prepare --amount … --sender … --chain …`), and
/// `prepare audit verify|timeline` for the online machine's audit log.
@main
struct PrepareTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: Prepare.configuration.abstract,
        discussion: Prepare.configuration.discussion,
        version: CommandRunner.version,
        subcommands: [Prepare.self, AuditCommand.self],
        defaultSubcommand: Prepare.self
    )
}
