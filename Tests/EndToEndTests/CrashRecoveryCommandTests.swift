import Foundation
import TestSupport
import Testing

/// Files that survive crashes and collisions, through the built tools: concurrent `sign approve` runs on one
/// approvals file, and the documented recovery (`sign ledger repair`, `audit repair`) for a torn last line.
@Suite(.serialized) struct CrashRecoveryCommandTests {
    @Test("3 sign approve runs confirmed at once on one approvals file: all three approvals land, none is lost")
    func concurrentApprovals() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        let out = space.path("approvals.json")
        let sessions = try ["A", "B", "C"].map { label in
            try TerminalSession(
                "sign",
                [
                    "approve", ApprovalWorkspace.example, "--private-key-file", space.path("\(label).hex"), "--policy",
                    space.policy, "--ledger", space.ledger, "--audit-log", space.auditLog, "--out", out,
                ])
        }
        // Every run has read the (missing) file and waits at its prompt; the three writes then race.
        for session in sessions { #expect(session.waitFor(ToolRunner.confirmationPrompt)) }
        for session in sessions { session.type("d095\n") }
        let results = sessions.map { $0.finish() }
        #expect(results.map(\.status) == [0, 0, 0], "\(results.map(\.stderr))")
        let file = try #require(try ApprovalWorkspace.json(out))
        let signatures = Set((file["approvals"] as? [[String: Any]] ?? []).compactMap { $0["signature"] as? String })
        #expect(signatures == Set(["A", "B", "C"].map { space.vectors.signature($0) }))
        let temporaries = try FileManager.default.contentsOfDirectory(atPath: space.dir.path).filter { $0.contains(".tmp-") }
        #expect(temporaries.isEmpty, "\(temporaries)")
    }

    /// A folder where the example signed unattended once: its ledger holds one entry, its audit log two events.
    struct Signed {
        let dir: URL
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        var ledger: String { path("ledger.jsonl") }
        var auditLog: String { path("audit.jsonl") }
        var signArguments: [String] { SignCommandTests.signArguments(dir) + ["--yes", "--audit-log", auditLog] }
        func remove() { try? FileManager.default.removeItem(at: dir) }
    }

    static func signedOnce() throws -> (Signed, String) {
        let space = Signed(dir: try SignCommandTests.workspace(allowUnattended: true))
        let result = try ToolRunner.run("sign", space.signArguments)
        #expect(result.status == 0, "\(result.stderr)")
        return (space, try String(contentsOfFile: space.ledger, encoding: .utf8))
    }

    @Test("a torn last ledger line: sign exits 65 naming `sign ledger repair`; the repair keeps every entry")
    func ledgerRepair() throws {
        let (space, intact) = try Self.signedOnce()
        defer { space.remove() }
        #expect(intact.hasSuffix("\n"))
        let torn = "{\"chainId\":137,\"chargeId\":\"tor"
        try Data((intact + torn).utf8).write(to: URL(fileURLWithPath: space.ledger))
        let refused = try ToolRunner.run("sign", space.signArguments)
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("sign ledger repair"), "\(refused.stderr)")

        let repair = try ToolRunner.run("sign", ["ledger", "repair", space.ledger])
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(repair.stdoutText == "repaired\n")
        #expect(try String(contentsOfFile: space.ledger, encoding: .utf8) == intact)
        let sidecars = try FileManager.default.contentsOfDirectory(atPath: space.dir.path).filter {
            $0.hasPrefix("ledger.jsonl.dropped-")
        }
        #expect(sidecars.count == 1)
        let sidecar = space.path(sidecars.first ?? "?")
        #expect(try String(contentsOfFile: sidecar, encoding: .utf8) == torn)
        let mode = try FileManager.default.attributesOfItem(atPath: sidecar)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(repair.stderr.contains("dropped the torn last line"), "\(repair.stderr)")
        let again = try ToolRunner.run("sign", ["ledger", "repair", space.ledger])
        #expect(again.status == 0 && again.stdoutText == "intact\n", "\(again.stderr)")
    }

    @Test("ledger repair refuses damage before the last line, and a last line that is a valid entry (exit 65)")
    func ledgerRepairRefusesMore() throws {
        let (space, intact) = try Self.signedOnce()
        defer { space.remove() }
        let damaged = "{\"not\":\"an entry\"}\n" + intact + "{\"torn"
        try Data(damaged.utf8).write(to: URL(fileURLWithPath: space.ledger))
        let refused = try ToolRunner.run("sign", ["ledger", "repair", space.ledger])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(try String(contentsOfFile: space.ledger, encoding: .utf8) == damaged, "nothing may change")
        let missing = try ToolRunner.run("sign", ["ledger", "repair", space.path("missing.jsonl")])
        #expect(missing.status == 66, "\(missing.stderr)")
    }

    @Test("a torn last audit line: sign exits 65 naming `audit repair`; each tool's audit repair keeps the chain")
    func auditRepair() throws {
        for tool in ["sign", "prepare", "broadcast"] {
            let (space, _) = try Self.signedOnce()
            defer { space.remove() }
            let intact = try String(contentsOfFile: space.auditLog, encoding: .utf8)
            let verified = try ToolRunner.run(tool, ["audit", "verify", space.auditLog])
            #expect(verified.status == 0, "\(verified.stderr)")
            try Data((intact + "{\"event\":{\"kind\":\"sig").utf8).write(to: URL(fileURLWithPath: space.auditLog))
            if tool == "sign" {
                let refused = try ToolRunner.run("sign", space.signArguments)
                #expect(refused.status == 65, "\(refused.stderr)")
                #expect(refused.stderr.contains("audit repair"), "\(refused.stderr)")
            }
            let repair = try ToolRunner.run(tool, ["audit", "repair", space.auditLog, "--json"])
            #expect(repair.status == 0, "\(tool): \(repair.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: repair.stdout) as? [String: Any])
            #expect(object["status"] as? String == "repaired")
            #expect(try String(contentsOfFile: space.auditLog, encoding: .utf8) == intact)
            #expect(try ToolRunner.run(tool, ["audit", "verify", space.auditLog]).status == 0)
        }
    }

    @Test("audit repair refuses an edited entry before the last line and a well-formed last entry (exit 65)")
    func auditRepairRefusesMore() throws {
        let (space, _) = try Self.signedOnce()
        defer { space.remove() }
        let intact = try String(contentsOfFile: space.auditLog, encoding: .utf8)
        let lines = intact.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count >= 3, "at least two entries and the final newline")
        // Swap the two entries: each still parses, the chain breaks; the last line is well-formed, so never dropped.
        let swapped = ([lines[1], lines[0]] + lines.dropFirst(2)).joined(separator: "\n")
        try Data(swapped.utf8).write(to: URL(fileURLWithPath: space.auditLog))
        let refused = try ToolRunner.run("sign", ["audit", "repair", space.auditLog])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(try String(contentsOfFile: space.auditLog, encoding: .utf8) == swapped)
    }
}
