import StrictJSON
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import TestSupport
import Testing

/// prepare → sign → broadcast through the built executables against the sandbox: the happy path on each chain
/// and each failure a user can meet.
@Suite(.serialized) struct FlowTests {
    @Test("the happy path pays and credits on Ethereum, Polygon and Base", arguments: [1, 137, 8453])
    func happyPath(chainID: Int) throws {
        let flow = try Flow(chainID: chainID)
        let prepared = try flow.prepare()
        try ResultLog.record(prepared, schema: "prepare")
        #expect(prepared.status == 0, "\(prepared.stderr)")
        let summary = try flow.json(prepared)
        #expect(summary["nodeRequests"] as? Int == 2, "prepare must read the node in two batches")
        #expect(summary["apiRequests"] as? Int == 1)
        let signed = try flow.sign(["--fee-ladder", "1"])
        try ResultLog.record(signed, schema: "sign")
        #expect(signed.status == 0, "\(signed.stderr)")
        _ = try flow.recordSigned(label: "flow-\(chainID)")
        let sent = try flow.broadcast(["--wait-credits"])
        try ResultLog.record(sent, schema: "broadcast-send")
        #expect(sent.status == 0, "\(sent.stderr)")
        let outcome = try flow.json(sent)
        #expect(outcome["status"] as? String == "paid")
        #expect((outcome["credits"] as? [String: Any])?["totalCredits"] as? String == "25.0")
        #expect(outcome["refunded"] is String)
        // A re-run finds the receipt and sends nothing new.
        let again = try flow.broadcast()
        try ResultLog.record(again, schema: "broadcast-send")
        #expect(again.status == 0)
        #expect(again.stderr.contains("Already mined"))
    }

    @Test("an intent that expires on chain before it is mined reverts ExpiredIntent() (exit 3)")
    func expiredOnChain() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        try flow.sandbox.rpc("sandbox_increaseTime", [7200])
        let sent = try flow.broadcast()
        try ResultLog.record(sent, schema: "error")
        #expect(sent.status == 3, "\(sent.stderr)")
        #expect(sent.stderr.contains("ExpiredIntent()"))
    }

    @Test("sign refuses an intent within the policy's deadline margin by its own clock (exit 65); no flag moves time")
    func expiredAtSigning() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        // The cold machine's policy wants a day of margin; the sandbox's intents live an hour.
        let policyURL = URL(fileURLWithPath: flow.path("policy.json"))
        var policy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: policyURL)) as? [String: Any])
        policy["deadlineMarginSeconds"] = 86_400
        try JSONSerialization.data(withJSONObject: policy).write(to: policyURL)
        let result = try flow.sign()
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 65)
        #expect(flow.errorKind(result) == "intentExpired")
        #expect(!FileManager.default.fileExists(atPath: flow.path("signed.json")))
        let deadline = try flow.bundle().validUntil
        let moved = try flow.sign(["--assume-time", String(deadline - 60_000)])
        #expect(moved.status == 64, "the clock cannot be moved from the command line")
    }

    @Test("replaying a processed charge is refused: prepare's simulation reverts AlreadyProcessed()")
    func replayOfProcessedCharge() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        #expect(try flow.broadcast().status == 0)
        let charge = try flow.bundle().charge.raw
        try Data(JSON.serialize(charge)).write(to: URL(fileURLWithPath: flow.path("charge.json")))
        let replay = try ToolRunner.run(
            "prepare",
            [
                "--charge-file", flow.path("charge.json"), "--sender", Flow.payer, "--chain", "8453",
                "--rpc-url", flow.sandbox.rpcURL, "--network-file", flow.path("network.json"), "--out", flow.path("replay.json"),
            ])
        #expect(replay.status == 65, "\(replay.stderr)")
        #expect(replay.stderr.contains("AlreadyProcessed()"))
    }

    @Test("a bundle whose calldata pays someone else, with a consistent signing hash, is refused (intentMismatch)")
    func tamperedBundle() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        var bundle = try flow.bundle()
        var (intent, tier) = try TransfersContract.decodeSwapAndTransfer(bundle.transaction.data)
        intent.recipient = Address(uncheckedBytes: [UInt8](repeating: 0xee, count: 20))
        bundle.transaction.data = TransfersContract.encodeSwapAndTransfer(intent: intent, poolFeesTier: tier)
        try bundle.canonicalJSON().write(to: URL(fileURLWithPath: flow.path("tampered.json")))
        let result = try flow.sign(bundle: "tampered.json")
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 65)
        #expect(flow.errorKind(result) == "intentMismatch")
        #expect(result.stderr.contains("intent.recipient"))
    }

    @Test("the wrong key is refused (senderMismatch) and nothing is written")
    func wrongKey() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        let result = try flow.sign(key: "other.hex")
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 65)
        #expect(flow.errorKind(result) == "senderMismatch")
        #expect(!FileManager.default.fileExists(atPath: flow.path("signed.json")))
    }

    @Test("a balance that cannot cover value plus the worst-case fee stops prepare (exit 65)")
    func insufficientBalance() throws {
        let flow = try Flow(fund: "0.001")
        let result = try flow.prepare()
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(flow.errorKind(result) == "insufficientBalance")
        #expect(!FileManager.default.fileExists(atPath: flow.path("bundle.json")))
    }
}
