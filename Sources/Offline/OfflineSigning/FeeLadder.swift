public import EthereumPrimitives
public import EthereumTransactions

/// The replacements `--fee-ladder N` signs beside the transaction, each raising both fees by
/// ``TransactionSigner/ladderStepPercent`` %.
///
/// It is built before the review, so every rung — the highest above all — is checked against the policy's fee
/// caps before anyone is asked to confirm, and the review's worst-case fee is the highest rung's.
public struct FeeLadder: Sendable, Equatable {
    /// The replacements, lowest first (the verified transaction itself is not among them).
    public let rungs: [EIP1559Transaction]
    /// The transaction whose fee is the worst that can be paid: the highest rung, or the verified one.
    public let worstCase: EIP1559Transaction

    /// Builds `steps` rungs over `verified`'s transaction within `policy`.
    /// - Throws: ``VerificationError/limitExceeded(field:found:limit:)`` for too many steps or a rung over a cap.
    public init(_ verified: VerifiedBundle, steps: Int, policy: Policy) throws(VerificationError) {
        guard steps >= 0, steps <= policy.maxFeeLadderSteps else {
            throw .limitExceeded(field: "--fee-ladder", found: String(steps), limit: String(policy.maxFeeLadderSteps))
        }
        let rules = verified.rules
        var rungs: [EIP1559Transaction] = []
        var previous = verified.transaction
        for step in 0..<steps {
            var next = previous
            next.maxFeePerGas = Wei(Self.raise(previous.maxFeePerGas.amount))
            next.maxPriorityFeePerGas = Wei(Self.raise(previous.maxPriorityFeePerGas.amount))
            guard next.maxFeePerGas <= rules.maxFeePerGas, next.maxPriorityFeePerGas <= rules.maxPriorityFeePerGas,
                let fee = try? next.maximumFee(), fee <= rules.maxNetworkFee
            else {
                throw .limitExceeded(
                    field: "fee ladder rung \(step + 1) of \(steps) (maxFeePerGas)",
                    found: "\(next.maxFeePerGas.gweiString) gwei",
                    limit: "\(rules.maxFeePerGas.gweiString) gwei (network fee ≤ \(rules.maxNetworkFee.etherString))")
            }
            rungs.append(next)
            previous = next
        }
        self.rungs = rungs
        worstCase = previous
    }

    /// The worst-case network fee: the highest rung's gas limit × max fee per gas, in wei (nil on overflow).
    public var worstCaseFee: Wei? { try? worstCase.maximumFee() }

    /// `value × (100 + step) / 100`, rounded up, and at least `value + 1` so a zero tip still rises.
    static func raise(_ value: UInt256) -> UInt256 {
        let (scaled, overflow) = value.multipliedReportingOverflow(by: UInt256(100 + TransactionSigner.ladderStepPercent))
        let (rounded, roundingOverflow) = scaled.addingReportingOverflow(99)
        guard !overflow, !roundingOverflow else { return UInt256.max }
        let raised = rounded / 100
        return raised > value || value == UInt256.max ? raised : value + 1
    }
}
