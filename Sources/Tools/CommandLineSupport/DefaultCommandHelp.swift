public import ArgumentParser

/// The options of a tool's default subcommand, for the tool's own `--help`.
///
/// ArgumentParser's help for a command with subcommands lists only the subcommands, so `prepare --help` would
/// never show `--amount`. Each tool appends this text to its discussion: it is rendered from the subcommand's own
/// definitions (the same ones `prepare bundle --help` prints), so the two can never drift apart.
public enum DefaultCommandHelp {
    /// The heading that starts the appended block (the manual generator stops a discussion here).
    public static let heading = "Options of the default subcommand"

    /// "Options of the default subcommand (`TOOL SUB`, run when none is named):" and the subcommand's option lines.
    public static func options(of command: ParsableCommand.Type, tool: String, columns: Int = 100) -> String {
        let help = command.helpMessage(columns: columns)
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("OPTIONS:") }) else { return "" }
        let body = lines[lines.index(after: start)...].filter { !$0.contains("-h, --help") && !$0.contains("--version") }
        let name = command.configuration.commandName ?? ""
        return "\(heading) (`\(tool) \(name)`, run when none is named):\n" + body.joined(separator: "\n")
    }
}
