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
        #expect(result.status == 69)
        #expect(flow.errorKind(result) == "endpointGone")
        #expect(result.stderr.contains("removed"))
        #expect(result.stderr.contains("--charge-file"))
    }

    @Test("429 with Retry-After and a 503 are retried, then the charge is created", arguments: [
        "target=charge,status=429,retryAfter=1,count=1", "target=charge,status=503,count=1",
    ])
    func transientAPIFaults(fault: String) throws {
        let flow = try Flow(sandboxArguments: ["--fault", fault])
        let result = try flow.prepare()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try flow.json(result)["apiRequests"] as? Int == 2)
    }

    @Test("a persistent 5xx gives up after the bounded retries (exit 69)")
    func persistentServerError() throws {
        let flow = try Flow(sandboxArguments: ["--fault", "target=charge,status=500,count=100"])
        let result = try flow.prepare()
        #expect(result.status == 69)
        #expect(flow.errorKind(result) == "serverError")
    }

    @Test("the node going down mid-broadcast: exit 75, then 69 while it is down, then a re-run resumes and pays once")
    func nodeDownAndResume() throws {
        let flow = try Flow(sandboxArguments: ["--block-time", "0"])
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        let waiting = try flow.broadcast(["--timeout", "2"])
        #expect(waiting.status == 75, "\(waiting.stderr)")
        try flow.sandbox.fault(["target": "rpc", "status": 503, "count": 1])
        let down = try flow.broadcast()
        #expect(down.status == 69, "\(down.stderr)")
        try flow.sandbox.rpc("sandbox_mine", [1])
        let resumed = try flow.broadcast()
        #expect(resumed.status == 0, "\(resumed.stderr)")
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
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try flow.json(sent)["transactionHash"] as? String == file.feeLadder[0].transactionHash.hex)
    }

    @Test("a stuck transaction is replaced after --replace-after, and the replacement is what gets mined")
    func stuckIsReplaced() throws {
        let flow = try Flow(sandboxArguments: ["--block-time", "0"])
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign(["--fee-ladder", "1"]).status == 0)
        let file = try flow.recordSigned(label: "stuck")
        let running = try ToolRunner.start("broadcast", flow.broadcastArguments(["--replace-after", "1"]), directory: flow.directory,
                                           environment: ["OPENROUTER_API_KEY": "sandbox-management-key"])
        let deadline = Date().addingTimeInterval(15)
        while !running.stderrSoFar.contains("Sent replacement 1"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        try flow.sandbox.rpc("sandbox_mine", [1])
        let sent = try running.finish()
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try flow.json(sent)["transactionHash"] as? String == file.feeLadder[0].transactionHash.hex)
    }
}
