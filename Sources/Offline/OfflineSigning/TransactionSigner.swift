public import SigningKeys
import Foundation
public import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Secp256k1

/// Signs a ``VerifiedBundle`` — nothing else — and checks its own output before anyone sees it.
public enum TransactionSigner {
    /// Each fee-ladder rung raises both fees by this many percent over the previous one; nodes require at least
    /// 10 % to accept a replacement, so 20 % leaves room for rounding and for nodes with stricter rules.
    public static let ladderStepPercent: UInt64 = 20

    /// Signs the bundle's transaction plus `ladderSteps` replacements (see ``FeeLadder``).
    /// - Throws: ``VerificationError/limitExceeded(field:found:limit:)`` when a ladder rung would exceed the
    ///   policy, ``SigningError`` when the output fails its own check (a bug; nothing is written).
    public static func sign(
        _ verified: VerifiedBundle, with key: PrivateKey, policy: Policy, ladderSteps: Int,
        signedAt: UInt64
    ) throws -> SignedTransactionFile {
        try sign(verified, ladder: FeeLadder(verified, steps: ladderSteps, policy: policy), with: key, signedAt: signedAt)
    }

    /// Signs the bundle's transaction and the ladder's rungs, and verifies every signature recovers the key's
    /// address and the bundle's `from`.
    /// - Throws: ``SigningError`` when the output fails its own check (a bug; nothing is written).
    public static func sign(
        _ verified: VerifiedBundle, ladder: FeeLadder, with key: PrivateKey, signedAt: UInt64
    ) throws(SigningError) -> SignedTransactionFile {
        let signed = ([verified.transaction] + ladder.rungs).map { $0.signed(with: key) }
        for transaction in signed {
            let signer: Address
            do { signer = try transaction.recoverSender() } catch { throw .selfCheckFailed("\(error)") }
            guard signer == key.address, signer == verified.bundle.from else {
                throw .selfCheckFailed("signature recovers \(signer), expected \(verified.bundle.from)")
            }
        }
        guard signed[0].signingHash == verified.signingHash else {
            throw .selfCheckFailed("the signed transaction's hash differs from the verified one")
        }
        return SignedTransactionFile(
            transaction: signed[0], from: verified.bundle.from, chargeID: verified.paymentID,
            validUntil: verified.bundle.validUntil, signedAt: signedAt,
            unsignedBundleHash: Keccak256.hash(verified.bundle.canonicalJSON()), feeLadder: Array(signed.dropFirst()))
    }
}

/// The signer's own output check failed: a bug or a corrupted runtime.
///
/// Nothing is written.
public enum SigningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Decoding or recovering what was just signed gave something else.
    case selfCheckFailed(String)
    /// The operator did not type the confirmation word (`action` is `sign` or `approve`).
    case declined(action: String)
    /// Unattended signing was asked of a policy that does not allow it.
    case unattendedNotAllowed

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .selfCheckFailed(let reason): return "self-check of the signed output failed: \(reason)"
        case .declined(let action):
            return "declined by the operator; " + (action == "sign" ? "nothing signed" : "nothing written")
        case .unattendedNotAllowed: return "--yes needs a policy with \"allowUnattended\": true; nothing signed"
        }
    }
}
