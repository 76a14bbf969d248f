import ArgumentParser
import CommandLineSupport

/// `prepare`: the online half that turns an OpenRouter charge into an unsigned bundle for the cold machine.
@main
struct Prepare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare",
        abstract: "Create an OpenRouter crypto charge and write an unsigned transaction bundle for `sign`.",
        discussion: """
            Runs on the online machine. Holds no key. Note: OpenRouter reports POST /api/v1/credits/coinbase \
            as removed (HTTP 410 Gone); use --charge-file with a saved charge, or the local sandbox.
            """,
        version: CommandRunner.version
    )
}
