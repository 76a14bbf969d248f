import EthereumPrimitives
import Foundation
import TestSupport
import Testing

/// `audit timeline` merging `sign`'s log with a broadcast log written here by hand from the format's definition,
/// and the `audit` subcommand and refusal events of the online tools.
@Suite(.serialized) struct AuditTimelineCommandTests {
    /// Writes a log from the audit-log v1 definition alone: sorted-key compact JSON lines, `prev` = keccak256 of the
    /// previous line (zeros first), `seq` from 1.
    static func handMadeLog(_ events: [[String: Any]], to path: String) throws {
        var previous = "0x" + String(repeating: "0", count: 64)
        var text = ""
        for (index, event) in events.enumerated() {
            var entry = event
            entry["prev"] = previous
            entry["seq"] = index + 1
            entry["v"] = 1
            let data = try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes])
            previous = Keccak256.hash([UInt8](data)).hex
            text += String(decoding: data, as: UTF8.self) + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Broadcast's events for the example purchase: sent and mined (or reverted) `minedHash`.
    static func broadcastEvents(sent: String, mined: String, kind: String = "mined") -> [[String: Any]] {
        let time = Int(Date().timeIntervalSince1970) + 60
        func event(_ kind: String, _ offset: Int, _ details: [String: String]) -> [String: Any] {
            [
                "chargeId": "sandbox-polygon-example", "fingerprint": "d095-76c1-302c-afd8", "kind": kind,
                "time": time + offset, "tool": "broadcast", "details": details,
            ]
        }
        return [
            event("sent", 0, ["txHash": sent, "nodes": "https://rpc.example"]),
            event(kind, 12, ["txHash": mined, "block": "123456"]),
        ]
    }

    /// A signed session in `space` (quorum met, primary plus one fee-ladder rung) and eth-account's hash of the primary.
    static func signedSession(_ space: ApprovalWorkspace) throws -> String {
        let lineA = try space.write(space.vectors.signature("A"), to: "a.txt")
        let lineB = try space.write(space.vectors.signature("B"), to: "b.txt")
        let result = try ToolRunner.runAttended(
            "sign",
            space.signArguments(approvals: [lineA, lineB]) + ["--out", space.path("signed.json"), "--fee-ladder", "1", "--json"],
            answer: "d095")
        #expect(result.status == 0, "\(result.stderr)")
        try ResultLog.record(result, schema: "sign")
        return try #require(try QRImages.signedExample("transactionHash") as? String)
    }

    @Test(
        "the mined transaction is shown byte-identical to the one approved and signed",
        arguments: ["sign", "prepare", "broadcast"])
    func timelineProvesIdentity(tool: String) throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let hash = try Self.signedSession(space)
        let online = space.path("online.jsonl")
        try Self.handMadeLog(Self.broadcastEvents(sent: hash, mined: hash), to: online)
        #expect(try ToolRunner.run(tool, ["audit", "verify", online]).status == 0)
        try ResultLog.record(ToolRunner.run(tool, ["audit", "verify", online, "--json"]), schema: "audit-verify")
        let result = try ToolRunner.run(tool, ["audit", "timeline", space.auditLog, online])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.hasPrefix("purchase d095-76c1-302c-afd8 — charge sandbox-polygon-example"))
        #expect(result.stdoutText.contains("verified: the transaction included on chain, \(hash), is byte-identical"))
        #expect(result.stdoutText.contains(", approved)"))
        let json = try ToolRunner.run(tool, ["audit", "timeline", space.auditLog, online, "--json"])
        try ResultLog.record(json, schema: "audit-timeline")
        let root = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let timeline = try #require((root["timelines"] as? [[String: Any]])?.first)
        #expect(timeline["includedTransactionIsSigned"] as? Bool == true)
        #expect((timeline["events"] as? [Any])?.count == 5)  // reviewed, approved, signed, sent, mined
        #expect((timeline["signedTransactionHashes"] as? [String])?.count == 2)
    }

    @Test("a fee-ladder rung mined instead of the primary is still one that sign signed")
    func ladderRungMined() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        _ = try Self.signedSession(space)
        let signed = try #require(try ApprovalWorkspace.json(space.path("signed.json")))
        let rung = try #require((signed["feeLadder"] as? [[String: Any]])?.first?["transactionHash"] as? String)
        let online = space.path("online.jsonl")
        try Self.handMadeLog(Self.broadcastEvents(sent: rung, mined: rung), to: online)
        let result = try ToolRunner.run("sign", ["audit", "timeline", space.auditLog, online])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("included on chain, \(rung), is byte-identical"))
    }

    @Test("a mined transaction that sign did not sign is a contradiction (exit 65)")
    func foreignTransaction() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let hash = try Self.signedSession(space)
        let foreign = Keccak256.hash(Array("another transaction".utf8)).hex
        let online = space.path("online.jsonl")
        try Self.handMadeLog(Self.broadcastEvents(sent: hash, mined: foreign, kind: "reverted"), to: online)
        let result = try ToolRunner.run("sign", ["audit", "timeline", space.auditLog, online])
        #expect(result.status == 65)
        #expect(result.stdoutText.contains("MISMATCH: \(online):2: reverted transaction \(foreign) is not one that sign signed"))
        #expect(result.stderr.contains("Error: purchase d095-76c1-302c-afd8: "))
        try ResultLog.record(
            ToolRunner.run("sign", ["audit", "timeline", space.auditLog, online, "--json"]), schema: "audit-timeline")
    }

    @Test("timeline refuses a log that does not verify, naming the entry")
    func timelineNeedsIntactLogs() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let hash = try Self.signedSession(space)
        let online = space.path("online.jsonl")
        try Self.handMadeLog(Self.broadcastEvents(sent: hash, mined: hash), to: online)
        let lines = try String(contentsOfFile: online, encoding: .utf8).split(separator: "\n").map(String.init)
        try space.write(lines[1] + "\n", to: "online.jsonl")  // the sent entry deleted
        let result = try ToolRunner.run("broadcast", ["audit", "timeline", space.auditLog, online])
        #expect(result.status == 65)
        #expect(result.stderr.contains("entry seq 1 is missing before line 1"))
        try ResultLog.record(
            ToolRunner.run("broadcast", ["audit", "timeline", space.auditLog, online, "--json"]), schema: "audit-timeline")
    }

    @Test("prepare and broadcast log their refusals (missing input, exit 66)", arguments: ["prepare", "broadcast"])
    func onlineRefusals(tool: String) throws {
        let space = try ApprovalWorkspace(threshold: 0)
        defer { space.remove() }
        let missing = space.path("missing.json")
        let arguments =
            tool == "prepare"
            ? [
                "--charge-file", missing, "--sender", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", "--chain", "polygon",
                "--rpc-url", "http://127.0.0.1:9/rpc",
            ]
            : [missing, "--rpc-url", "http://127.0.0.1:9/rpc"]
        let result = try ToolRunner.run(tool, arguments + ["--audit-log", space.auditLog])
        #expect(result.status == 66, "\(result.stderr)")
        let lines = try String(contentsOfFile: space.auditLog, encoding: .utf8).split(separator: "\n")
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(lines.joined().utf8)) as? [String: Any])
        #expect(lines.count == 1)
        #expect(entry["tool"] as? String == tool)
        #expect(entry["kind"] as? String == "refused")
        #expect((entry["details"] as? [String: String])?["reason"]?.contains(missing) == true)
    }
}
