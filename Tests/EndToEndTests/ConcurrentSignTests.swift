import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import TestSupport
import Testing

/// Concurrent real `sign` processes on one ledger: the ledger check and the append are one critical section, so
/// conflicting bundles sign at most once and the daily limit holds even when runs start together.
@Suite(.serialized) struct ConcurrentSignTests {
    /// The example bundle with its priority fee raised by `step` wei: same charge and nonce, other content.
    static func variant(_ step: Int, in dir: URL) throws -> String {
        var bundle = try IntentBundle(jsonData: Data(contentsOf: URL(fileURLWithPath: SignCommandTests.example)))
        bundle.transaction.maxPriorityFeePerGas = Wei(bundle.transaction.maxPriorityFeePerGas.amount + UInt256(UInt64(step)))
        let path = dir.appendingPathComponent("bundle-\(step).json")
        try bundle.canonicalJSON().write(to: path)
        return path.path
    }

    static func errorKind(_ result: ToolRunner.Result) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] else { return nil }
        return (object["error"] as? [String: Any])?["kind"] as? String
    }

    @Test("8 concurrent sign runs with conflicting bundles (same charge and nonce): exactly one signs")
    func conflictingRuns() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundles = try (0..<8).map { try Self.variant($0, in: dir) }
        let audit = dir.appendingPathComponent("audit.jsonl").path
        let runs = try bundles.map { bundle in
            try ToolRunner.start(
                "sign", SignCommandTests.signArguments(dir, bundle: bundle) + ["--yes", "--json", "--audit-log", audit],
                directory: dir)
        }
        let results = try runs.map { try $0.finish() }
        let statuses = results.map(\.status)
        #expect(statuses.filter { $0 == 0 }.count == 1, "\(statuses) \(results.map(\.stderr))")
        #expect(results.filter { $0.status == 65 && Self.errorKind($0) == "replayConflict" }.count == 7, "\(statuses)")
        let ledger = try String(contentsOf: dir.appendingPathComponent("ledger.jsonl"), encoding: .utf8)
        #expect(ledger.split(separator: "\n").count == 1)
        let verify = try ToolRunner.run("sign", ["audit", "verify", audit])
        #expect(verify.status == 0, "the audit log, appended by 8 runs at once, still verifies: \(verify.stderr)")
    }

    @Test("two $25 purchases signed at once against a $30 daily limit: exactly one signs")
    func dailyLimitUnderConcurrency() throws {
        let flow = try Flow(chainID: 137, fund: "100")
        var policy = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: flow.path("policy.json"))))
                as? [String: Any])
        policy["maxDailyUSD"] = "30"
        try JSONSerialization.data(withJSONObject: policy).write(to: URL(fileURLWithPath: flow.path("policy.json")))
        #expect(try flow.prepare().status == 0)
        try FileManager.default.moveItem(atPath: flow.path("bundle.json"), toPath: flow.path("a.json"))
        #expect(try flow.prepare().status == 0)
        // The second purchase takes the next nonce, so only the daily limit can stop it.
        var second = try IntentBundle(jsonData: Data(contentsOf: URL(fileURLWithPath: flow.path("bundle.json"))))
        second.transaction.nonce += 1
        try second.canonicalJSON().write(to: URL(fileURLWithPath: flow.path("b.json")))
        let runs = try ["a.json", "b.json"].map { name in
            try ToolRunner.start(
                "sign",
                [
                    flow.path(name), "--private-key-file", flow.path("key.hex"), "--policy", flow.path("policy.json"),
                    "--ledger", flow.path("ledger.jsonl"), "--yes", "--json", "--no-audit-log",
                ], directory: flow.directory)
        }
        let results = try runs.map { try $0.finish() }
        #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.stderr))")
        #expect(results.filter { $0.status == 65 && Self.errorKind($0) == "dailyLimitExceeded" }.count == 1)
    }
}
