import Broadcasting
import BundleFormat
import CommandLineSupport
import Foundation

/// Reads what `sign` produced (the signed-transaction file, or a bare raw transaction in hex) and the unsigned
/// bundle; the parsing and the check that they match are the library's (``BroadcastInput``).
enum SignedInput {
    static func read(_ path: String, bundle: String?) throws -> SignedTransactionFile {
        var file = try BroadcastInput.signed(InputFile.read(path, what: .signedTransaction))
        if let unsigned = try readBundle(bundle) { try BroadcastInput.check(&file, against: unsigned) }
        return file
    }

    /// The unsigned bundle at `path`, when one is given.
    static func readBundle(_ path: String?) throws -> IntentBundle? {
        guard let path else { return nil }
        do { return try IntentBundle(jsonData: InputFile.read(path, what: .bundle)) } catch let error as BundleError {
            throw BroadcastError.invalidInput("bundle \(path): \(error)")
        }
    }
}
