import ArgumentParser
import CommandLineSupport
import OfflineSigning

/// `sign policy show`: the effective policy as a policy file.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Inspect the signing policy.", subcommands: [Show.self])

    /// Prints the effective policy.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective policy (the file given, or the built-in default) as a policy file.")

        @Option(
            name: .long,
            help: "Policy file to check and print; default: ~/.coldcredits/policy.json if present, else the built-in policy.")
        var policy: String?

        func run() async throws {
            try await CommandRunner.run(json: false) {
                let (effective, source) = try SignDefaults.loadPolicy(policy)
                Console.info("Policy: \(source)")
                Console.writeArtifact(effective.canonicalJSON())
            }
        }
    }
}
