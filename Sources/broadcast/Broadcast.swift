import ArgumentParser
import CommandLineSupport

/// `broadcast`: the online half that submits a signed transaction and follows it to the credits.
@main
struct Broadcast: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadcast",
        abstract: "Check a signed transaction, submit it, follow it to its receipt, then watch the credits.",
        discussion: "Runs on the online machine. Holds no key.",
        version: CommandRunner.version
    )
}
