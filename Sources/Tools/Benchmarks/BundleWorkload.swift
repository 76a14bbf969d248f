import SigningKeys
import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import Secp256k1

/// The signer's whole offline path for one bundle: parse the JSON strictly, verify every rule (calldata decode,
/// operator signature recovery, limits, ledger), build the review, sign and self-check the output.
enum BundleWorkload {
    /// formats/unsigned-bundle/v1/examples/sandbox-polygon.json, found from this source file's location.
    static let bundleBytes: [UInt8] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("formats/unsigned-bundle/v1/examples/sandbox-polygon.json")
        guard let data = try? Data(contentsOf: path) else { fatalError("cannot read \(path.path)") }
        return [UInt8](data)
    }()

    /// The default policy with the sandbox operator pinned on Polygon (as the example needs).
    static let policy: Policy = {
        var policy = Policy.default
        let sandboxOperator = Address(uncheckedBytes: Hex.decodeUnchecked("19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A"))
        policy.chains = policy.chains.map { rules in
            var rules = rules
            if rules.chainID == .polygon { rules.operators = [sandboxOperator] }
            return rules
        }
        return policy
    }()

    /// Verifies and signs once; returns a byte of the output so the work stays observable.
    static func run(key: PrivateKey) -> UInt8 {
        let verifier = BundleVerifier(policy: policy, now: 1_800_000_000, keyAddress: key.address, ledger: SigningLedger())
        do {
            let verified = try verifier.verify(jsonData: bundleBytes)
            let ladder = try FeeLadder(verified, steps: 0, policy: policy)
            _ = Review(verified, now: 1_800_000_000, ladder: ladder, source: .builtIn)
            let file = try TransactionSigner.sign(verified, ladder: ladder, with: key, signedAt: 1_800_000_000)
            return file.transaction.rawTransaction[200]
        } catch {
            fatalError("benchmark bundle failed to verify or sign: \(error)")
        }
    }
}

extension Hex {
    /// Decodes a hex constant of the benchmark; a typo is a programmer error.
    static func decodeUnchecked(_ text: String) -> [UInt8] {
        do { return try decode(text, requirePrefix: false) } catch { fatalError("bad constant \(text)") }
    }
}
