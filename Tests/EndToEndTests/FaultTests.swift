import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import TestSupport
import Testing

/// API faults, a node going down mid-broadcast, and fee-ladder replacement, through the built executables.
@Suite(.serialized) struct FaultTests {
    @Test("410 Gone from the charge endpoint says plainly that it was removed and points to --charge-file (exit 69)")
    func endpointGone() throws {
        let flow = try Flow(sandboxArguments: ["--fault", "target=charge,status=410,count=100"])
        let result = try flow.prepare()
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 69)
        #expect(flow.errorKind(result) == "endpointGone")
        #expect(result.stderr.contains("removed"))
        #expect(result.stderr.contains("--charge-file"))
    }

    @Test(
        "429 with Retry-After and a 503 are retried, then the charge is created",
        arguments: [
            "target=charge,status=429,retryAfter=1,count=1", "target=charge,status=503,count=1",
        ])
    func transientAPIFaults(fault: String) throws {
        let flow = try Flow(sandboxArguments: ["--fault", fault])
        let result = try flow.prepare()
        try ResultLog.record(result, schema: "prepare")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try flow.json(result)["apiRequests"] as? Int == 2)
    }

    @Test("a persistent 5xx gives up after the bounded retries (exit 69)")
    func persistentServerError() throws {
        let flow = try Flow(sandboxArguments: ["--fault", "target=charge,status=500,count=100"])
        let result = try flow.prepare()
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 69)
        #expect(flow.errorKind(result) == "serverError")
    }

    @Test("the node going down mid-broadcast: exit 75, then 69 while it is down, then a re-run resumes and pays once")
    func nodeDownAndResume() throws {
        let flow = try Flow(sandboxArguments: ["--block-time", "0"])
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        let audit = ["--audit-log", flow.path("audit.jsonl")]
        let waiting = try flow.broadcast(["--timeout", "2"] + audit)
        try ResultLog.record(waiting, schema: "error")
        #expect(waiting.status == 75, "\(waiting.stderr)")
        let afterTimeout = try String(contentsOfFile: flow.path("audit.jsonl"), encoding: .utf8)
        #expect(afterTimeout.contains("\"kind\":\"sent\""), "the send is in the audit log although the run timed out")
        try flow.sandbox.fault(["target": "rpc", "status": 503, "count": 1])
        let down = try flow.broadcast(audit)
        try ResultLog.record(down, schema: "error")
        #expect(down.status == 69, "\(down.stderr)")
        try flow.sandbox.rpc("sandbox_mine", [1])
        let resumed = try flow.broadcast(audit)
        try ResultLog.record(resumed, schema: "broadcast-send")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let verified = try ToolRunner.run("broadcast", ["audit", "verify", flow.path("audit.jsonl")])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(resumed.stderr.contains("Resuming from"))
        let state = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: flow.path("signed.json.state.json"))))
                as? [String: Any])
        let hashes = Set(((state["submissions"] as? [[String: Any]]) ?? []).compactMap { $0["hash"] as? String })
        #expect(hashes.count == 1, "only the one signed transaction was ever sent")
        #expect(state["status"] as? String == "confirmed")
    }

    @Test("a transaction priced below the base fee is replaced by the next fee-ladder rung")
    func underpricedClimbsTheLadder() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign(["--fee-ladder", "2"]).status == 0)
        let file = try flow.recordSigned(label: "ladder")
        let primary = file.transaction.transaction.maxFeePerGas.amount
        let rung = file.feeLadder[0].transaction.maxFeePerGas.amount
        try flow.sandbox.rpc("sandbox_setBaseFee", [((primary + rung) / 2).quantity])
        let sent = try flow.broadcast()
        try ResultLog.record(sent, schema: "broadcast-send")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try flow.json(sent)["transactionHash"] as? String == file.feeLadder[0].transactionHash.hex)
    }

    @Test("a stuck transaction is replaced after --replace-after, and the replacement is what gets mined")
    func stuckIsReplaced() throws {
        let flow = try Flow(sandboxArguments: ["--block-time", "0"])
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign(["--fee-ladder", "1"]).status == 0)
        let file = try flow.recordSigned(label: "stuck")
        let running = try ToolRunner.start(
            "broadcast", flow.broadcastArguments(["--replace-after", "1"]), directory: flow.directory,
            environment: ["OPENROUTER_API_KEY": "sandbox-management-key"])
        let deadline = Date().addingTimeInterval(15)
        while !running.stderrSoFar.contains("Sent replacement 1"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        try flow.sandbox.rpc("sandbox_mine", [1])
        let sent = try running.finish()
        try ResultLog.record(sent, schema: "broadcast-send")
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try flow.json(sent)["transactionHash"] as? String == file.feeLadder[0].transactionHash.hex)
    }
}

/// The remaining error mappings of `prepare` and `broadcast balance`: each a clear message and its exit code.
@Suite(.serialized) struct ErrorMappingTests {
    @Test(
        "API answers map to documented exit codes",
        arguments: [
            ("target=charge,status=400,count=5", Int32(65), "badRequest"),
            ("target=charge,status=401,count=5", Int32(77), "unauthorized"),
            ("target=charge,status=402,count=5", Int32(69), "paymentRequired"),
            ("target=charge,status=403,count=5", Int32(77), "forbidden"),
        ])
    func apiStatus(fault: String, status: Int32, kind: String) throws {
        let flow = try Flow(sandboxArguments: ["--fault", fault])
        let result = try flow.prepare()
        try ResultLog.record(result, schema: "error")
        #expect(result.status == status, "\(result.stderr)")
        #expect(flow.errorKind(result) == kind)
        #expect(!FileManager.default.fileExists(atPath: flow.path("bundle.json")))
    }

    @Test("a wrong API key is a 401 from the sandbox's bearer check (exit 77)")
    func wrongKey() throws {
        let flow = try Flow()
        let result = try ToolRunner.run(
            "prepare",
            [
                "--amount", "25", "--sender", Flow.payer, "--chain", "8453", "--rpc-url", flow.sandbox.rpcURL,
                "--api-url", flow.sandbox.apiURL, "--json",
            ], environment: ["OPENROUTER_API_KEY": "not-the-key"])
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 77)
        #expect(flow.errorKind(result) == "unauthorized")
    }

    @Test("a slow API answer past --api-timeout is a clear timeout (exit 69)")
    func apiTimeout() throws {
        let flow = try Flow(sandboxArguments: ["--fault", "target=charge,delayMs=3000,count=5"])
        let result = try flow.prepare(["--api-timeout", "1"])
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.lowercased().contains("timed out") || result.stderr.lowercased().contains("timeout"))
    }

    @Test("a refused RPC connection is exit 69 naming the node")
    func refusedRPC() throws {
        let flow = try Flow()
        let result = try ToolRunner.run(
            "prepare",
            [
                "--amount", "25", "--sender", Flow.payer, "--chain", "8453", "--rpc-url", "http://127.0.0.1:9/rpc",
                "--api-url", flow.sandbox.apiURL, "--json",
            ], environment: ["OPENROUTER_API_KEY": "sandbox-key"])
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 69, "\(result.stderr)")
        #expect(flow.errorKind(result) == "rpcFailed")
    }

    @Test("GET /credits with a normal key explains that a management key is required (exit 77)")
    func creditsNeedManagementKey() throws {
        let flow = try Flow()
        let result = try ToolRunner.run(
            "broadcast", ["balance", "--api-url", flow.sandbox.apiURL],
            environment: ["OPENROUTER_API_KEY": "sandbox-key"])
        #expect(result.status == 77)
        #expect(result.stderr.lowercased().contains("management key"))
        try ResultLog.record(
            ToolRunner.run(
                "broadcast", ["balance", "--api-url", flow.sandbox.apiURL, "--json"],
                environment: ["OPENROUTER_API_KEY": "sandbox-key"]), schema: "error")
    }

    @Test("--if-below: nothing to do above the threshold (exit 0, no bundle), a bundle below it")
    func topUpThreshold() throws {
        let flow = try Flow(sandboxArguments: ["--initial-credits", "100", "--management-key", "sandbox-key"])
        let high = try flow.prepare(["--if-below", "50"])
        try ResultLog.record(high, schema: "prepare-nothing-to-do")
        #expect(high.status == 0, "\(high.stderr)")
        #expect(high.stderr.contains("Nothing to do"))
        #expect(!FileManager.default.fileExists(atPath: flow.path("bundle.json")))
        let low = try flow.prepare(["--if-below", "150"])
        try ResultLog.record(low, schema: "prepare")
        #expect(low.status == 0, "\(low.stderr)")
        #expect(FileManager.default.fileExists(atPath: flow.path("bundle.json")))
        try ResultLog.record(
            ToolRunner.run(
                "broadcast", ["balance", "--api-url", flow.sandbox.apiURL, "--json"],
                environment: ["OPENROUTER_API_KEY": "sandbox-key"]), schema: "broadcast-balance")
    }
}
