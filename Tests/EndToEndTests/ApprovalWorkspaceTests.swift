import Foundation
import TestSupport
import Testing

/// A folder for one approvals or audit test: the payer's key (the sandbox-polygon example's), the approvers' keys
/// A–D from the eth-account vectors, and a policy pinning the sandbox operator and requiring 2 of A, B, C.
struct ApprovalWorkspace {
    static let example = SignCommandTests.example

    let dir: URL
    let vectors: ApprovalVectors

    init(threshold: Int = 2) throws {
        dir = try ToolRunner.temporaryDirectory()
        vectors = try ApprovalVectors()
        try write("0x4646464646464646464646464646464646464646464646464646464646464646\n", to: "key.hex", mode: 0o600)
        for label in ["A", "B", "C", "D"] {
            try write(vectors.privateKey(label) + "\n", to: "\(label).hex", mode: 0o600)
        }
        _ = try rewritePolicy(threshold: threshold, approvers: ["A", "B", "C"].map(vectors.address), name: "policy.json")
    }

    var policy: String { path("policy.json") }
    var ledger: String { path("ledger.jsonl") }
    var auditLog: String { path("audit.jsonl") }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    /// The JSON object in the file at `path`.
    static func json(_ path: String) throws -> [String: Any]? {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Writes `text` into the folder and returns its path.
    @discardableResult
    func write(_ text: String, to name: String, mode: Int = 0o644) throws -> String {
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path(name))
        return path(name)
    }

    /// The built-in policy with the sandbox operator pinned on Polygon and the given approvals rule.
    func rewritePolicy(threshold: Int, approvers: [String], name: String = "policy-2.json") throws -> String {
        let defaultPolicy = try ToolRunner.run("sign", ["policy", "show"]).stdout
        var policy = try #require(try JSONSerialization.jsonObject(with: defaultPolicy) as? [String: Any])
        var chains = try #require(policy["chains"] as? [[String: Any]])
        for index in chains.indices where chains[index]["chainId"] as? Int == 137 {
            chains[index]["operators"] = ["0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A"]
        }
        policy["chains"] = chains
        policy["approvals"] = ["threshold": threshold, "approvers": approvers]
        try JSONSerialization.data(withJSONObject: policy).write(to: dir.appendingPathComponent(name))
        return path(name)
    }

    /// `sign BUNDLE` with the payer's key, this folder's policy, ledger and audit log, and `--approvals` files.
    func signArguments(approvals: [String], policy: String? = nil, bundle: String = example) -> [String] {
        [
            bundle, "--private-key-file", path("key.hex"), "--policy", policy ?? self.policy, "--ledger", ledger,
            "--audit-log", auditLog,
        ] + approvals.flatMap { ["--approvals", $0] }
    }

    /// `sign approve` with approver `label`'s key, answering `answer` at the confirmation.
    func approve(_ label: String, out: String, policy: String? = nil, answer: String = "d095") throws -> ToolRunner.Result {
        try ToolRunner.runAttended(
            "sign",
            [
                "approve", Self.example, "--private-key-file", path("\(label).hex"), "--policy", policy ?? self.policy,
                "--ledger", ledger, "--audit-log", auditLog, "--out", out,
            ], answer: answer)
    }
}

/// `Tests/ApprovalsTests/Fixtures/eth_account_approvals.json`: keys A–D and eth-account's approvals of the
/// formats/ example payments (scripts/vectors/generate_approval_vectors.py).
struct ApprovalVectors {
    let keys: [[String: Any]]
    let payments: [[String: Any]]

    init() throws {
        let data = try Fixtures.repositoryFile("Tests/ApprovalsTests/Fixtures/eth_account_approvals.json")
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        keys = try #require(root["keys"] as? [[String: Any]])
        payments = try #require(root["payments"] as? [[String: Any]])
        #expect(payments.first?["name"] as? String == "sandbox-polygon", "payment 0 must be the example bundle's")
    }

    func address(_ label: String) -> String { field(label, "address") }
    func privateKey(_ label: String) -> String { field(label, "privateKey") }

    /// The approval text of the sandbox-polygon example.
    var text: String { payments.first?["text"] as? String ?? "" }

    /// eth-account's signature by `label` of payment `payment` (0: the sandbox-polygon example).
    func signature(_ label: String, payment: Int = 0) -> String {
        let signatures = payments[payment]["signatures"] as? [[String: Any]] ?? []
        return signatures.first { $0["approver"] as? String == label }?["signature"] as? String ?? ""
    }

    /// Replaces `{A}`… with the approvers' checksummed addresses.
    func expand(_ text: String) -> String {
        ["A", "B", "C", "D"].reduce(text) { $0.replacingOccurrences(of: "{\($1)}", with: address($1)) }
    }

    private func field(_ label: String, _ key: String) -> String {
        keys.first { $0["label"] as? String == label }?[key] as? String ?? ""
    }
}

/// The workspace reads the committed vectors it relies on.
@Suite struct ApprovalWorkspaceTests {
    @Test("the eth-account vectors hold four keys and three payments, the first over the example bundle")
    func vectorsArePresent() throws {
        let vectors = try ApprovalVectors()
        #expect(vectors.keys.count == 4)
        #expect(vectors.payments.count == 3)
        #expect(vectors.text.contains("fingerprint: d095-76c1-302c-afd8"))
        #expect(vectors.signature("D").count == 132)
    }
}
