import ArgumentParser
import CommandLineSupport

/// `sign`: the offline signer. Links no networking code.
@main
struct Sign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Verify an unsigned bundle, show what it pays, ask for approval and sign it (offline).",
        discussion: "Runs on the offline machine. Reads bundles from files or stdin; never opens a network connection.",
        version: CommandRunner.version
    )
}
