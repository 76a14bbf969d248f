import BundleFormat
import EthereumPrimitives
import OfflineSigning

extension FuzzTargets {
    /// The policy the signing targets verify under: the built-in one with the sandbox's operator also pinned on
    /// Polygon and the lowest price floor on every chain, so the committed example bundles (the sandbox's, and sample
    /// A's deliberately generous value) get past verification and the mutants reach the fee ladder and the review.
    static let signingPolicy: Policy = {
        var policy = Policy.default
        for index in policy.chains.indices {
            policy.chains[index].nativePriceFloorUSDUnits = UInt256(1)
            if policy.chains[index].chainID == .polygon, let sandbox = sandboxOperator {
                policy.chains[index].operators.append(sandbox)
            }
        }
        return policy
    }()

    /// The sandbox's operator (the formats examples' intents are signed by it).
    static let sandboxOperator = try? Address(hex: "0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A")

    /// Verifies `bundle` for `signer` at `now` under ``signingPolicy`` and renders its review, as `sign` would before
    /// asking anyone: how the bundle targets reach the verifier and the review.
    static func review(_ bundle: UnsignedBundle, signer: Address, at now: UInt64) throws {
        let session = SigningSession(policy: signingPolicy, policySource: .builtIn, ledgerPath: nil, clock: .fixed(now))
        _ = try session.plan(bundle, signer: signer, ladderSteps: 0).review.text
    }
}
