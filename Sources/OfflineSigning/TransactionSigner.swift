import Foundation
public import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
public import Secp256k1

/// Signs a ``VerifiedBundle`` — nothing else — and checks its own output before anyone sees it.
public enum TransactionSigner {
    /// Each fee-ladder rung raises both fees by this many percent over the previous one; nodes require at least
    /// 10 % to accept a replacement, so 20 % leaves room for rounding and for nodes with stricter rules.
    public static let ladderStepPercent: UInt64 = 20

    /// Signs the bundle's transaction, plus `ladderSteps` replacements with rising fees, and verifies every
    /// signature recovers the key's address and the bundle's `from`.
    /// - Throws: ``VerificationError/limitExceeded(field:found:limit:)`` when a ladder rung would exceed the
    ///   policy, ``SigningError`` when the output fails its own check (a bug; nothing is written).
    public static func sign(
        _ verified: VerifiedBundle, with key: PrivateKey, policy: Policy, ladderSteps: Int,
        signedAt: UInt64
    ) throws -> SignedTransactionFile {
        guard ladderSteps <= policy.maxFeeLadderSteps else {
            throw VerificationError.limitExceeded(
                field: "--fee-ladder", found: String(ladderSteps),
                limit: String(policy.maxFeeLadderSteps))
        }
        var transactions = [verified.transaction]
        for step in 0..<ladderSteps {
            let previous = transactions[transactions.count - 1]
            var next = previous
            next.maxFeePerGas = Wei(raise(previous.maxFeePerGas.amount))
            next.maxPriorityFeePerGas = Wei(raise(previous.maxPriorityFeePerGas.amount))
            let rules = verified.rules
            let (fee, overflow) = UInt256(next.gasLimit).multipliedReportingOverflow(by: next.maxFeePerGas.amount)
            guard next.maxFeePerGas <= rules.maxFeePerGas, next.maxPriorityFeePerGas <= rules.maxPriorityFeePerGas,
                !overflow, fee <= rules.maxNetworkFee.amount
            else {
                throw VerificationError.limitExceeded(
                    field: "fee ladder rung \(step + 1) maxFeePerGas", found: "\(next.maxFeePerGas.gweiString) gwei",
                    limit: "\(rules.maxFeePerGas.gweiString) gwei (network fee ≤ \(rules.maxNetworkFee.etherString))")
            }
            transactions.append(next)
        }
        let signed = transactions.map { $0.signed(with: key) }
        for transaction in signed {
            let signer: Address
            do { signer = try transaction.recoverSender() } catch { throw SigningError.selfCheckFailed("\(error)") }
            guard signer == key.address, signer == verified.bundle.from else {
                throw SigningError.selfCheckFailed("signature recovers \(signer), expected \(verified.bundle.from)")
            }
        }
        guard signed[0].signingHash == verified.signingHash else {
            throw SigningError.selfCheckFailed("the signed transaction's hash differs from the verified one")
        }
        return SignedTransactionFile(
            transaction: signed[0], from: verified.bundle.from, chargeID: verified.bundle.charge.id,
            validUntil: verified.bundle.validUntil, signedAt: signedAt,
            unsignedBundleHash: Keccak256.hash(verified.bundle.canonicalJSON()), feeLadder: Array(signed.dropFirst()))
    }

    /// `value × (100 + step) / 100`, rounded up, and at least `value + 1` so a zero tip still rises.
    static func raise(_ value: UInt256) -> UInt256 {
        let raised = (value * UInt256(100 + ladderStepPercent) + 99) / 100
        return raised > value ? raised : value + 1
    }
}

/// The signer's own output check failed: a bug or a corrupted runtime.
///
/// Nothing is written.
public enum SigningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Decoding or recovering what was just signed gave something else.
    case selfCheckFailed(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .selfCheckFailed(let reason): return "self-check of the signed output failed: \(reason)"
        }
    }
}
