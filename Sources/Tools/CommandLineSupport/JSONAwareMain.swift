import StrictJSON
public import ArgumentParser
import Foundation

/// The entry point of every tool: ArgumentParser's own `main`, plus JSON errors for bad command lines.
///
/// A command line that fails to parse or validate while `--json` is present also prints
/// `{"error": {"kind": "usage", "message": …}}` on stdout, so a script never has to read stderr.
/// `--help` and `--version` are not errors and print as usual.
public enum JSONAwareMain {
    /// Parses the process arguments for `command`, runs the chosen subcommand and exits with its status.
    public static func run<Command: ParsableCommand>(_ command: Command.Type) async -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var parsed = try command.parseAsRoot(arguments)
            if var asyncCommand = parsed as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try parsed.run()
            }
            exit(0)
        } catch {
            if command.exitCode(for: error) != .success, let unknown = UnknownOption.find(in: arguments, of: command) {
                // A misspelled option is the real mistake even when a validation error (a missing option) came first.
                if arguments.contains("--json") {
                    Console.writeArtifact(CanonicalResult.encode(["error": ["kind": "usage", "message": .string(unknown)]]))
                }
                Console.info("Error: \(unknown)")
                exit(ExitStatus.usage.rawValue)
            }
            let code = command.exitCode(for: error)
            if code != .success, !(error is ExitCode), arguments.contains("--json") {
                let message = command.message(for: error)
                Console.writeArtifact(CanonicalResult.encode(["error": ["kind": "usage", "message": .string(message)]]))
            }
            // ArgumentParser's own printing would pass input (an unknown option, a bad value) to the terminal raw.
            let text = command.fullMessage(for: error)
            if !text.isEmpty {
                if code == .success {
                    Console.writeArtifactLine(text)
                } else {
                    Console.info(text)
                }
            }
            exit(code.rawValue)
        }
    }
}
