import Broadcasting
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import Foundation
import QRBundle
import QRTransport

/// Reads what `sign` produced (the signed-transaction file, or a bare raw transaction in hex) and the unsigned
/// bundle; the parsing and the check that they match are the library's (``BroadcastInput``).
enum SignedInput {
    static func read(_ path: String, bundle: String?) throws -> SignedTransactionFile {
        var file = try BroadcastInput.signed(InputFile.read(path, what: .signedTransaction))
        if let unsigned = try readBundle(bundle) { try BroadcastInput.check(&file, against: unsigned) }
        return file
    }

    /// The unsigned bundle at `path` (a transfer-intent or a checkout bundle), when one is given.
    static func readBundle(_ path: String?) throws -> UnsignedBundle? {
        guard let path else { return nil }
        do { return try UnsignedBundle(jsonData: InputFile.read(path, what: .bundle)) } catch let error as BundleError {
            throw BroadcastError.invalidInput("bundle \(path): \(error)")
        }
    }
}

extension SignedTransactionFile {
    /// The signed file for either kind of bundle built from an ERC-4527 `eth-signature`: a transfer-intent bundle
    /// through ``QRBundle``'s own initialiser; a checkout bundle by the same rules (the request id is the bundle's,
    /// the signature recovers the bundle's `from`), taking its request key as the charge id and its validity.
    init(unsigned: UnsignedBundle, ethSignature: EthSignature) throws {
        switch unsigned {
        case .intent(let bundle):
            self = try SignedTransactionFile(bundle: bundle, ethSignature: ethSignature)
        case .checkout(let bundle):
            let expected = EthSignRequest.requestID(for: bundle.signingHash)
            guard ethSignature.requestID == expected else {
                throw QRBundleError.requestMismatch(
                    expected: expected.uuidString.lowercased(), found: ethSignature.requestID.uuidString.lowercased())
            }
            let signed = try ethSignature.signedTransaction(for: bundle.transaction, expectedSigner: bundle.from)
            let file = SignedTransactionFile(
                transaction: signed, from: bundle.from, chargeID: bundle.requestKey, validUntil: bundle.validUntil,
                signedAt: 0, unsignedBundleHash: Keccak256.hash(bundle.canonicalJSON()))
            do { self = try SignedTransactionFile(jsonData: file.canonicalJSON()) } catch { throw QRBundleError.bundle(error) }
        }
    }
}
