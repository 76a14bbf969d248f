import BundleFormat
import CommandLineSupport
import Foundation
import OfflineSigning

/// Defaults shared by the signing subcommands.
enum SignDefaults {
    /// `~/.coldcredits/signing-ledger.jsonl`.
    static var ledgerPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "."
        return "\(home)/.coldcredits/signing-ledger.jsonl"
    }

    /// The policy file's contents, or the built-in policy.
    static func loadPolicy(_ path: String?) throws -> Policy {
        guard let path else { return .default }
        do { return try Policy(jsonData: InputFile.read(path, what: .policy)) } catch let error as BundleError {
            throw CommandError(kind: "invalidPolicy", message: "policy \(path): \(error)", exitStatus: .dataError)
        }
    }
}
