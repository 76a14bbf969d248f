import Foundation
import TestSupport
import Testing

/// M-of-N approvals through the built `sign`: approvals made by `sign approve` and by eth-account (committed
/// vectors), counted by `sign` before the typed confirmation.
@Suite(.serialized) struct ApprovalCommandTests {
    /// One quorum scenario: where each approval comes from, and what `sign` must do.
    struct Scenario: CustomTestStringConvertible, Sendable {
        let name: String
        /// `approve:A` — made by `sign approve` with approver A's key; `vector:B` — eth-account's signature of B.
        let sources: [String]
        let signs: Bool
        /// Fragments `sign` must print (stderr), addresses named by their fixture label.
        let mentions: [String]
        var testDescription: String { name }
    }

    static let scenarios = [
        Scenario(
            name: "no approvals", sources: [], signs: false,
            mentions: ["approvals: 0 of 2 required", "approved by nobody", "missing {A}, {B}, {C}"]),
        Scenario(
            name: "M−1 approvals", sources: ["approve:A"], signs: false,
            mentions: ["approved by {A}", "missing {B}, {C}", "1 more needed"]),
        Scenario(name: "M approvals", sources: ["approve:A", "vector:B"], signs: true, mentions: ["quorum met"]),
        Scenario(
            name: "a duplicate counts once", sources: ["approve:A", "vector:A"], signs: false,
            mentions: ["duplicates dropped: {A}", "missing {B}, {C}"]),
        Scenario(
            name: "a non-member does not count", sources: ["approve:A", "approve:D"], signs: false,
            mentions: ["not approvers (ignored): {D}", "missing {B}, {C}"]),
    ]

    @Test("sign counts distinct policy approvers and refuses without a quorum (exit 77, nothing written)", arguments: scenarios)
    func quorum(_ scenario: Scenario) throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        var files: [String] = []
        for source in scenario.sources {
            let parts = source.split(separator: ":").map(String.init)
            if parts[0] == "approve" {
                let out = space.path("approval-\(files.count).json")
                let made = try space.approve(parts[1], out: out)
                #expect(made.status == 0, "\(made.stderr)")
                files.append(out)
            } else {
                files.append(try space.write(space.vectors.signature(parts[1]) + "\n", to: "vector-\(files.count).txt"))
            }
        }
        let out = space.path("signed.json")
        let result = try ToolRunner.runAttended(
            "sign", space.signArguments(approvals: files) + ["--out", out], answer: "d095")
        for mention in scenario.mentions {
            #expect(result.stderr.contains(space.vectors.expand(mention)), "missing \(mention) in \(result.stderr)")
        }
        if scenario.signs {
            #expect(result.status == 0, "\(result.stderr)")
            let signed = try #require(try ApprovalWorkspace.json(out))
            #expect(signed["transactionHash"] as? String == (try QRImages.signedExample("transactionHash") as? String))
        } else {
            #expect(result.status == 77)
            #expect(result.stderr.contains("Error: not enough approvals"))
            #expect(!result.stderr.contains("Type d095 to sign"), "asked to confirm a payment it cannot sign")
            #expect(!FileManager.default.fileExists(atPath: out))
            #expect(!FileManager.default.fileExists(atPath: space.ledger))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("--print-text prints exactly the text eth-account's generator built from the specification")
    func printText() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let result = try ToolRunner.run(
            "sign", ["approve", ApprovalWorkspace.example, "--print-text", "--policy", space.policy, "--ledger", space.ledger])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == space.vectors.text)
    }

    @Test("sign approve makes eth-account's signature (RFC 6979) and records `approved` in the audit log")
    func approveMatchesEthAccount() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let out = space.path("approvals.json")
        let result = try space.approve("A", out: out)
        #expect(result.status == 0, "\(result.stderr)")
        let file = try #require(try ApprovalWorkspace.json(out))
        #expect(file["format"] as? String == "coldcredits.approvals")
        let approvals = try #require(file["approvals"] as? [[String: Any]])
        #expect(approvals.count == 1)
        #expect(approvals.first?["signature"] as? String == space.vectors.signature("A"))
        #expect(approvals.first?["approver"] as? String == space.vectors.address("A"))
        let log = try String(contentsOfFile: space.auditLog, encoding: .utf8)
        #expect(log.contains("\"kind\":\"approved\""))
        #expect(log.contains(space.vectors.address("A")))
        #expect(!log.contains(space.vectors.privateKey("A").dropFirst(2)), "the approver's key is in the audit log")
    }

    @Test("cast-style lines (formats/ example, eth-account signatures of A and C) meet the quorum")
    func castLines() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let lines = Fixtures.formats.appendingPathComponent("approvals/v1/examples/cast-lines.txt").path
        let result = try ToolRunner.runAttended("sign", space.signArguments(approvals: [lines]), answer: "d095")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("approved     \(space.vectors.address("A"))"))
        #expect(result.stderr.contains("approved     \(space.vectors.address("C"))"))
        #expect(result.stdoutText == (try QRImages.signedExample("rawTransaction") as? String ?? "") + "\n")
    }

    @Test("an approval of another bundle is listed as invalid and does not count")
    func approvalOfAnotherBundle() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        // A's eth-account signature of the sample-a-base payment, claiming A: a valid signature of another text.
        let other = space.vectors.signature("A", payment: 1)
        let json = """
            {"approvals": [{"approver": "\(space.vectors.address("A"))", "signature": "\(other)"}], \
            "format": "coldcredits.approvals", "version": 1}
            """
        let files = [try space.write(json, to: "other.json"), try space.write(space.vectors.signature("B"), to: "b.txt")]
        let result = try ToolRunner.runAttended("sign", space.signArguments(approvals: files), answer: "d095")
        #expect(result.status == 77)
        #expect(result.stderr.contains("approval #1 invalid: claims \(space.vectors.address("A")) but recovers"))
        #expect(result.stderr.contains("approved by \(space.vectors.address("B"))"))
    }

    @Test("approvals from a keystore approver and a raw-key approver accumulate in one file, atomically rewritten")
    func keystoreApproverAccumulates() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let password = try space.write("approver password\n", to: "password")
        let keystore = space.path("approver.json")
        let created = try ToolRunner.run(
            "sign", ["keys", "new", "--out", keystore, "--password-file", password, "--insecure-fast-kdf"])
        #expect(created.status == 0, "\(created.stderr)")
        let address = created.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let policy = try space.rewritePolicy(threshold: 2, approvers: [space.vectors.address("A"), address])
        let out = space.path("approvals.json")
        #expect(try space.approve("A", out: out, policy: policy).status == 0)
        let second = try ToolRunner.runAttended(
            "sign",
            [
                "approve", ApprovalWorkspace.example, "--keystore", keystore, "--password-file", password,
                "--policy", policy, "--ledger", space.ledger, "--audit-log", space.auditLog, "--out", out,
            ], answer: "d095")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("(2 approval(s))"))
        let again = try space.approve("A", out: out, policy: policy)
        #expect(again.stderr.contains("already holds this approval"))
        let result = try ToolRunner.runAttended(
            "sign", space.signArguments(approvals: [out], policy: policy), answer: "d095")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Approvals: 2 of 2 required — quorum met"))
    }

    @Test("declining an approval writes no approvals file and logs `declined`")
    func declinedApproval() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let out = space.path("approvals.json")
        let result = try space.approve("A", out: out, answer: "no")
        #expect(result.status == 77)
        #expect(!FileManager.default.fileExists(atPath: out))
        let log = try String(contentsOfFile: space.auditLog, encoding: .utf8)
        #expect(log.contains("\"kind\":\"declined\""))
        #expect(!log.contains("\"kind\":\"approved\""))
    }
}
