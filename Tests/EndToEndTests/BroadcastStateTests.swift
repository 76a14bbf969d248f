import Foundation
import TestSupport
import Testing

/// The broadcast state under pressure, through the built binaries: concurrent runs on one signed file, credits
/// that arrive late and short of the USDC paid, a state file lost after mining.
@Suite struct BroadcastStateTests {
    /// The audit events of `kind` in a JSON Lines log.
    static func events(_ kind: String, in path: String) throws -> [[String: Any]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["kind"] as? String == kind }
    }

    /// The state file beside signed.json.
    static func state(_ flow: Flow) throws -> [String: Any] {
        try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: flow.path("signed.json.state.json"))))
                as? [String: Any])
    }

    @Test("4 concurrent broadcasts of one signed file: one sends, the others wait their turn or stop naming the holder")
    func concurrentRuns() throws {
        let flow = try Flow(sandboxArguments: ["--block-time", "1"])
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        let audit = flow.path("audit.jsonl")
        let runs = try (0..<4).map { _ in
            try ToolRunner.start(
                "broadcast", flow.broadcastArguments(["--audit-log", audit]), directory: flow.directory,
                environment: ["OPENROUTER_API_KEY": "sandbox-management-key"])
        }
        let results = try runs.map { try $0.finish() }
        let statuses = results.map(\.status)
        #expect(statuses.allSatisfy { $0 == 0 || $0 == 75 }, "\(statuses): \(results.map(\.stderr))")
        #expect(statuses.contains(0))
        for refused in results where refused.status == 75 {
            #expect(refused.stderr.contains("is locked by process"), "\(refused.stderr)")
            #expect(flow.errorKind(refused) == "stateLocked")
        }
        let sent = try Self.events("sent", in: audit)
        #expect(sent.count == 1, "one send sequence: \(sent)")
        let submissions = try Self.state(flow)["submissions"] as? [[String: Any]] ?? []
        #expect(submissions.count == sent.count, "the state keeps every submission")
        #expect(try Self.events("mined", in: audit).count == 1, "mined is recorded once per transaction, however many runs")
    }

    @Test("credits short of the USDC paid (5 % fee) and late (credit delay) are detected, with the implied fee")
    func creditsWithFeeAndDelay() throws {
        let flow = try Flow(
            sandboxArguments: ["--credit-fee-percent", "5", "--credit-delay", "3", "--initial-credits", "100"])
        #expect(try flow.prepare(amount: "600").status == 0)
        #expect(try flow.sign().status == 0)
        let audit = flow.path("audit.jsonl")
        let sent = try flow.broadcast(["--wait-credits", "--timeout", "60", "--audit-log", audit])
        try ResultLog.record(sent, schema: "broadcast-send")
        #expect(sent.status == 0, "\(sent.stderr)")
        let credits = try #require(try flow.json(sent)["credits"] as? [String: Any])
        #expect(credits["confirmed"] as? Bool == true)
        #expect(credits["before"] as? String == "100.0")
        #expect(credits["expected"] as? String == "600.0")
        #expect(credits["rise"] as? String == "570.0")
        #expect(credits["impliedFee"] as? String == "30.0")
        #expect(credits["mixedIn"] as? Bool == false)
        #expect(sent.stderr.contains("implied fee"))
        #expect(try Self.state(flow)["creditsBefore"] as? String == "100.0", "the balance before is kept in the state")
        #expect(try Self.events("credited", in: audit).count == 1)
    }

    @Test("a state file lost after mining: the re-run with --wait-credits never claims a credit from the total")
    func stateLostAfterMining() throws {
        let flow = try Flow(sandboxArguments: ["--credit-delay", "30", "--initial-credits", "400"])
        #expect(try flow.prepare(amount: "600").status == 0)
        #expect(try flow.sign().status == 0)
        let audit = flow.path("audit.jsonl")
        let mined = try flow.broadcast(["--audit-log", audit])
        #expect(mined.status == 0, "\(mined.stderr)")
        try FileManager.default.removeItem(atPath: flow.path("signed.json.state.json"))
        let again = try flow.broadcast(["--wait-credits", "--audit-log", audit])
        try ResultLog.record(again, schema: "broadcast-send")
        #expect(again.status == 0, "\(again.stderr)")
        let credits = try #require(try flow.json(again)["credits"] as? [String: Any])
        #expect(credits["confirmed"] as? Bool == false)
        #expect(credits["before"] is NSNull)
        #expect(again.stderr.contains("cannot be confirmed"))
        #expect(!again.stderr.contains("Credited"))
        #expect(try Self.events("credited", in: audit).isEmpty)
    }

    @Test("sandbox serve --state restarted on the same port serves the same chain")
    func sandboxRestartsOnSamePort() throws {
        let directory = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("chain.json").path
        let first = try SandboxProcess(chainID: 8453, arguments: ["--state", state, "--block-time", "0"], directory: directory)
        try first.rpc("sandbox_mine", [3])
        let port = try #require(URL(string: first.rpcURL)?.port)
        first.stop()
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("sandbox-ready.json"))
        let second = try SandboxProcess(
            chainID: 8453, arguments: ["--state", state, "--block-time", "0", "--port", String(port)], directory: directory)
        defer { second.stop() }
        #expect(URL(string: second.rpcURL)?.port == port)
        #expect(try second.rpc("eth_blockNumber") as? String == "0x3", "the restarted node kept its blocks")
    }
}
