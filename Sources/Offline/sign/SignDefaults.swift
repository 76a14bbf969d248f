import TerminalText
import BundleFormat
import CommandLineSupport
import Foundation
import OfflineSigning

/// Defaults shared by the signing subcommands.
enum SignDefaults {
    /// `~/.coldcredits`, the cold machine's own folder.
    static var home: String { "\(ProcessInfo.processInfo.environment["HOME"] ?? ".")/.coldcredits" }

    /// `~/.coldcredits/signing-ledger.jsonl`.
    static var ledgerPath: String { "\(home)/signing-ledger.jsonl" }

    /// `~/.coldcredits/policy.json`: the cold machine's own policy, used when no `--policy` is given.
    static var policyPath: String { "\(home)/policy.json" }

    /// The policy in force and where it came from: the `--policy` file, else the cold machine's own
    /// `~/.coldcredits/policy.json` if it exists, else the built-in policy.
    ///
    /// Warns when the policy file sits in the same folder as the bundle: a policy belongs to the cold machine and
    /// should not travel on the medium that brought the bundle.
    static func loadPolicy(_ path: String?, bundlePath: String? = nil) throws -> (Policy, PolicySource) {
        let chosen = path ?? (FileManager.default.fileExists(atPath: policyPath) ? policyPath : nil)
        guard let chosen else { return (.default, .builtIn) }
        let bytes = try InputFile.read(chosen, what: .policy)
        let policy: Policy
        do { policy = try Policy(jsonData: bytes) } catch {
            throw CommandError(
                kind: "invalidPolicy", message: "policy \(chosen.escapedForTerminal): \(error)", exitStatus: .dataError)
        }
        if let bundlePath, bundlePath != "-", sameFolder(chosen, bundlePath) {
            Console.warning(
                "the policy file \(chosen.escapedForTerminal) is in the same folder as the bundle; a policy belongs to the cold machine "
                    + "(\(policyPath)), not beside what the online machine wrote")
        }
        return (policy, PolicySource(path: chosen, bytes: bytes))
    }

    /// Whether two files live in the same folder (symbolic links resolved).
    static func sameFolder(_ first: String, _ second: String) -> Bool {
        func folder(_ path: String) -> String {
            URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL.path
        }
        return folder(first) == folder(second)
    }
}
