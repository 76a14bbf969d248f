import Foundation
import TestSupport
import Testing

/// M-of-N approvals for checkout payments through the built `sign`: a policy with
/// `approvals.requiredFor: "unpinned-recipients"` asks for the quorum only when the deposit address is not pinned.
@Suite(.serialized) struct CheckoutApprovalTests {
    static let bundle = Fixtures.formats.appendingPathComponent("checkout-bundle/v1/examples/checkout-base.json").path
    static let deposit = "0xD694Dd3D754E6B080f89191B2DFA87cA01a8F21b"  // checkout-base.json's recipient
    static let word = "07cf"  // its fingerprint's first group

    /// The built-in policy requiring approver A's approval for unpinned recipients, optionally pinning `pinned` on Base.
    static func policy(in space: ApprovalWorkspace, pinned: [String] = [], name: String) throws -> String {
        let defaultPolicy = try ToolRunner.run("sign", ["policy", "show"]).stdout
        var policy = try #require(try JSONSerialization.jsonObject(with: defaultPolicy) as? [String: Any])
        var chains = try #require(policy["chains"] as? [[String: Any]])
        for index in chains.indices where chains[index]["chainId"] as? Int == 8453 {
            chains[index]["paymentRecipients"] = pinned
        }
        policy["chains"] = chains
        policy["approvals"] = [
            "threshold": 1, "approvers": [space.vectors.address("A")], "requiredFor": "unpinned-recipients",
        ]
        try JSONSerialization.data(withJSONObject: policy).write(to: URL(fileURLWithPath: space.path(name)))
        return space.path(name)
    }

    static func sign(_ space: ApprovalWorkspace, policy: String, approvals: [String], out: String) throws -> ToolRunner.Result {
        try ToolRunner.runAttended(
            "sign",
            [
                bundle, "--private-key-file", space.path("key.hex"), "--policy", policy, "--ledger", space.ledger,
                "--audit-log", space.auditLog, "--out", out,
            ] + approvals.flatMap { ["--approvals", $0] }, answer: word)
    }

    @Test("an unpinned deposit needs the quorum: refused without it (77), signed with A's approval")
    func unpinnedNeedsQuorum() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let policy = try Self.policy(in: space, name: "checkout-policy.json")
        let refused = try Self.sign(space, policy: policy, approvals: [], out: space.path("refused.json"))
        #expect(refused.status == 77, "\(refused.stderr)")
        #expect(refused.stderr.contains("Error: not enough approvals"))
        #expect(!refused.stderr.contains("Type \(Self.word) to sign"), "asked to confirm a payment it cannot sign")
        #expect(!FileManager.default.fileExists(atPath: space.path("refused.json")))

        let approvals = space.path("approvals.json")
        let approved = try ToolRunner.runAttended(
            "sign",
            [
                "approve", Self.bundle, "--private-key-file", space.path("A.hex"), "--policy", policy, "--ledger",
                space.ledger, "--audit-log", space.auditLog, "--out", approvals,
            ], answer: Self.word)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stderr.contains("charge: checkout:4b1f2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"))
        #expect(approved.stderr.contains("amount: $25.00"))

        let signed = try Self.sign(space, policy: policy, approvals: [approvals], out: space.path("signed.json"))
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stderr.contains("quorum met"))
        let file = try #require(try ApprovalWorkspace.json(space.path("signed.json")))
        #expect(file["chargeId"] as? String == "checkout:4b1f2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
    }

    @Test("a pinned deposit is signed without approvals, and the review says it is pinned")
    func pinnedSkipsQuorum() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let policy = try Self.policy(in: space, pinned: [Self.deposit], name: "pinned-policy.json")
        let signed = try Self.sign(space, policy: policy, approvals: [], out: space.path("signed.json"))
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stderr.contains("\(Self.deposit) (pinned by the policy file)"))
        #expect(!signed.stderr.contains("CRITICAL: the recipient is not pinned"))
    }
}
