import EthereumPrimitives
import Foundation
import TestSupport
import Testing

/// The audit trail through the built tools: what `sign` appends, `audit verify` on a log mutated four ways, the
/// same subcommand on the online tools, and a timeline merging `sign`'s log with a broadcast log.
@Suite(.serialized) struct AuditCommandTests {
    /// The kinds `session` appends, in order.
    static let sessionKinds = [
        "approved", "reviewed", "refused", "reviewed", "approved", "declined", "reviewed", "approved", "signed",
    ]

    /// A log written by `sign` alone: an approval, a refusal for want of a quorum, a declined and a signed payment.
    static func session(_ space: ApprovalWorkspace) throws -> ToolRunner.Result {
        let approvalsA = space.path("a.json")
        #expect(try space.approve("A", out: approvalsA).status == 0)
        let short = try ToolRunner.runAttended("sign", space.signArguments(approvals: [approvalsA]), answer: "d095")
        #expect(short.status == 77)
        let lineB = try space.write(space.vectors.signature("B"), to: "b.txt")
        let declined = try ToolRunner.runAttended(
            "sign", space.signArguments(approvals: [approvalsA, lineB]), answer: "no")
        #expect(declined.status == 77)
        let signed = try ToolRunner.runAttended(
            "sign", space.signArguments(approvals: [approvalsA, lineB]), answer: "d095")
        #expect(signed.status == 0, "\(signed.stderr)")
        return signed
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("sign appends reviewed, approved, refused, declined and signed; the log verifies against the head it printed")
    func signSession() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let last = try Self.session(space)
        let entries = try Self.lines(space.auditLog).map(Self.object)
        #expect(entries.map { $0["kind"] as? String ?? "" } == Self.sessionKinds)
        #expect(entries.allSatisfy { $0["tool"] as? String == "sign" })
        #expect(entries.allSatisfy { $0["fingerprint"] as? String == "d095-76c1-302c-afd8" })
        let refused = try #require(entries[2]["details"] as? [String: String])
        #expect(refused["error"] == "quorumNotMet")
        #expect(refused["reason"]?.contains("missing \(space.vectors.address("B"))") == true)
        let signed = try #require(entries[8]["details"] as? [String: String])
        #expect(signed["txHash"] == (try QRImages.signedExample("transactionHash") as? String))
        #expect(signed["signingHash"] == (try QRImages.signedExample("signingHash") as? String))
        let approved = try #require(entries[7]["details"] as? [String: String])
        #expect(approved["approvers"] == "\(space.vectors.address("A")),\(space.vectors.address("B"))")
        let text = try String(contentsOfFile: space.auditLog, encoding: .utf8)
        for label in ["A", "B"] { #expect(!text.contains(space.vectors.privateKey(label).dropFirst(2))) }
        #expect(!text.contains("4646464646464646"), "the payer's key is in the audit log")

        let head = try #require(last.stderr.split(separator: "\n").last { $0.contains("appended signed #9") })
        let printed = try #require(head.split(separator: " ").last.map(String.init))
        #expect(printed == Keccak256.hash(Array(try Self.lines(space.auditLog)[8].utf8)).hex)
        let verified = try ToolRunner.run("sign", ["audit", "verify", space.auditLog, "--expect-head", printed])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdoutText.contains("9 entries, chain intact"))
        #expect(verified.stdoutText.contains("anchor: found at line 9"))
    }

    /// A mutation of a 9-entry log and the lines `audit verify` must name.
    struct Mutation: CustomTestStringConvertible, Sendable {
        let kind: String
        let lines: Set<Int>
        /// What the text report says about it.
        let says: String
        var testDescription: String { kind }

        func apply(_ lines: [String]) throws -> [String] {
            var out = lines
            switch kind {
            case "edited":
                // Entry 3 (the refusal) gets another time: still a canonical line, no longer the bytes entry 4 chains to.
                let time = try #require(try AuditCommandTests.object(lines[2])["time"] as? Int)
                out[2] = lines[2].replacingOccurrences(of: "\"time\":\(time)", with: "\"time\":\(time + 60)")
                #expect(out[2] != lines[2])
            case "deleted":
                out.remove(at: 2)
            case "inserted":
                // A forged copy of entry 3 that says "signed", slipped in after it: it chains to entry 2 like entry 3.
                out.insert(lines[2].replacingOccurrences(of: "\"kind\":\"refused\"", with: "\"kind\":\"signed\""), at: 3)
            default:
                out.swapAt(2, 3)
            }
            return out
        }
    }

    static let mutations = [
        Mutation(kind: "edited", lines: [3], says: "line 3 (seq 3): edited"),
        Mutation(kind: "deleted", lines: [2], says: "entry seq 3 is missing after line 2"),
        Mutation(kind: "inserted", lines: [4], says: "line 4 (seq 3): inserted"),
        Mutation(kind: "reordered", lines: [3, 4], says: "reordered"),
    ]

    @Test("audit verify exits 65 and names the edited, deleted, inserted or reordered entry", arguments: mutations)
    func mutatedLog(_ mutation: Mutation) throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        _ = try Self.session(space)
        let mutated = try mutation.apply(try Self.lines(space.auditLog))
        let path = try space.write(mutated.joined(separator: "\n") + "\n", to: "mutated.jsonl")
        let result = try ToolRunner.run("sign", ["audit", "verify", path, "--json"])
        try ResultLog.record(result, schema: "audit-verify")
        #expect(result.status == 65)
        #expect(result.stderr.contains("Error: audit log \(path) does not verify: "))
        let report = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(report["intact"] as? Bool == false)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding["kind"] as? String == mutation.kind, "\(findings)")
            #expect(mutation.lines.contains(finding["line"] as? Int ?? -1), "\(findings)")
        }
        let text = try ToolRunner.run("sign", ["audit", "verify", path])
        #expect(text.status == 65)
        #expect(text.stdoutText.contains(mutation.says), "\(text.stdoutText)")
    }

    @Test("removing the newest entry passes the chain check but not the head sign printed (exit 65)")
    func truncatedLogNeedsTheHead() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let last = try Self.session(space)
        let head = try #require(last.stderr.split(separator: "\n").last { $0.contains("appended signed #9") })
        let printed = try #require(head.split(separator: " ").last.map(String.init))
        let lines = try Self.lines(space.auditLog)
        let path = try space.write(lines.dropLast().joined(separator: "\n") + "\n", to: "truncated.jsonl")
        #expect(try ToolRunner.run("sign", ["audit", "verify", path]).status == 0)
        let anchored = try ToolRunner.run("sign", ["audit", "verify", path, "--expect-head", printed])
        #expect(anchored.status == 65)
        #expect(anchored.stderr.contains("expected head \(printed) is not in the log"))
    }

    @Test("a log that does not verify stops sign before the confirmation; nothing is signed")
    func brokenLogStopsSigning() throws {
        let space = try ApprovalWorkspace(threshold: 0)
        defer { space.remove() }
        let first = try ToolRunner.runAttended("sign", space.signArguments(approvals: []), answer: "no")
        #expect(first.status == 77)
        let lines = try Self.lines(space.auditLog)
        #expect(try lines.map { try Self.object($0)["kind"] as? String } == ["reviewed", "declined"])
        try space.write(lines[1] + "\n" + lines[0] + "\n", to: "audit.jsonl", mode: 0o600)
        let result = try ToolRunner.runAttended("sign", space.signArguments(approvals: []), answer: "d095")
        #expect(result.status == 65)
        #expect(result.stderr.contains("does not verify"))
        #expect(!result.stderr.contains("Type d095"))
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: space.ledger))
    }

    @Test("a key that is not the payer's is refused and logged with the verifier's kind and the bundle's fingerprint")
    func refusalIsLogged() throws {
        let space = try ApprovalWorkspace(threshold: 0)
        defer { space.remove() }
        var arguments = space.signArguments(approvals: [])
        arguments[2] = space.path("A.hex")
        let result = try ToolRunner.runAttended("sign", arguments, answer: "d095")
        #expect(result.status == 65)
        let last = try #require(try Self.lines(space.auditLog).map(Self.object).last)
        #expect(last["kind"] as? String == "refused")
        #expect(last["fingerprint"] as? String == "d095-76c1-302c-afd8")
        #expect(last["chargeId"] as? String == "sandbox-polygon-example")
        let details = try #require(last["details"] as? [String: String])
        #expect(details["error"] == "senderMismatch")
        #expect(details["reason"]?.contains(space.vectors.address("A")) == true)
    }

    @Test("a bundle that does not parse is refused and logged without a fingerprint")
    func malformedBundleRefusal() throws {
        let space = try ApprovalWorkspace(threshold: 0)
        defer { space.remove() }
        let bundle = Fixtures.formats.appendingPathComponent(
            "unsigned-bundle/v1/invalid/signingHashMismatch/value-changed.json"
        ).path
        let result = try ToolRunner.runAttended(
            "sign", space.signArguments(approvals: [], bundle: bundle), answer: "d095")
        #expect(result.status == 65)
        let last = try #require(try Self.lines(space.auditLog).map(Self.object).last)
        #expect(last["kind"] as? String == "refused")
        #expect(last["fingerprint"] is NSNull)
        #expect((last["details"] as? [String: String])?["error"] == "signingHashMismatch")
    }

    @Test("without --audit-log the log is ~/.coldcredits/audit.jsonl; --no-audit-log writes none")
    func defaultLogAndOptOut() throws {
        let space = try ApprovalWorkspace(threshold: 0)
        defer { space.remove() }
        let home = space.dir.appendingPathComponent("home")
        let log = home.appendingPathComponent(".coldcredits/audit.jsonl").path
        var arguments = space.signArguments(approvals: [])
        arguments.removeLast(2)  // --audit-log FILE
        let off = try ToolRunner.runAttended(
            "sign", arguments + ["--no-audit-log"], answer: "no", environment: ["HOME": home.path])
        #expect(off.status == 77)
        #expect(!FileManager.default.fileExists(atPath: log))
        #expect(!off.stderr.contains("audit:"))
        let on = try ToolRunner.runAttended("sign", arguments, answer: "no", environment: ["HOME": home.path])
        #expect(on.status == 77)
        #expect(try Self.lines(log).count == 2)
        #expect(on.stderr.contains("audit: appended declined #2 to \(log), head 0x"))
        let both = try ToolRunner.run("sign", arguments + ["--no-audit-log", "--audit-log", space.auditLog])
        #expect(both.status == 64)
    }
}
