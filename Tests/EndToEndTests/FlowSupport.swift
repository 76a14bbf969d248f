import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import TestSupport
import Testing

/// One purchase through the built `prepare`, `sign` and `broadcast` against a fresh sandbox.
final class Flow {
    static let payer = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"  // key 32 × 0x46
    let directory: URL
    let sandbox: SandboxProcess

    /// Starts a sandbox for `chainID` funding the payer with `fund` native coins.
    init(chainID: Int = 8453, fund: String = "1", sandboxArguments: [String] = []) throws {
        directory = try ToolRunner.temporaryDirectory()
        sandbox = try SandboxProcess(
            chainID: chainID, arguments: ["--fund", "\(Self.payer)=\(fund)"] + sandboxArguments,
            directory: directory)
        let key = path("key.hex")
        try Data("4646464646464646464646464646464646464646464646464646464646464646\n".utf8).write(to: URL(fileURLWithPath: key))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key)
        let other = path("other.hex")
        try Data(String(repeating: "22", count: 32).utf8).write(to: URL(fileURLWithPath: other))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: other)
        for (name, arguments) in [("policy.json", ["policy", "--allow-unattended"]), ("network.json", ["network-file"])] {
            let result = try ToolRunner.run("sandbox", arguments + ["--chain-id", String(chainID)])
            try result.stdout.write(to: URL(fileURLWithPath: path(name)))
        }
    }

    deinit {
        sandbox.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// `prepare --amount … --json --out bundle.json` with the sandbox's API key.
    func prepare(_ extra: [String] = [], amount: String = "25") throws -> ToolRunner.Result {
        try ToolRunner.run(
            "prepare",
            [
                "--amount", amount, "--sender", Self.payer, "--chain", String(sandbox.chainID), "--rpc-url", sandbox.rpcURL,
                "--api-url", sandbox.apiURL, "--network-file", path("network.json"), "--out", path("bundle.json"), "--json",
            ] + extra, environment: ["OPENROUTER_API_KEY": "sandbox-key"])
    }

    /// `sign bundle.json --yes --out signed.json` (the sandbox policy allows unattended signing).
    func sign(_ extra: [String] = [], key: String = "key.hex", bundle: String = "bundle.json") throws -> ToolRunner.Result {
        try ToolRunner.run(
            "sign",
            [
                path(bundle), "--private-key-file", path(key), "--policy", path("policy.json"), "--ledger", path("ledger.jsonl"),
                "--yes", "--out", path("signed.json"), "--json",
            ] + extra)
    }

    /// `broadcast signed.json --bundle bundle.json --json` with the management key.
    func broadcastArguments(_ extra: [String]) -> [String] {
        [
            path("signed.json"), "--bundle", path("bundle.json"), "--rpc-url", sandbox.rpcURL, "--api-url", sandbox.apiURL,
            "--poll-interval", "0.2", "--timeout", "30", "--json",
        ] + extra
    }

    func broadcast(_ extra: [String] = []) throws -> ToolRunner.Result {
        try ToolRunner.run("broadcast", broadcastArguments(extra), environment: ["OPENROUTER_API_KEY": "sandbox-management-key"])
    }

    /// The JSON object on stdout.
    func json(_ result: ToolRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "stdout: \(result.stdoutText)")
    }

    /// The error kind of a failed `--json` run.
    func errorKind(_ result: ToolRunner.Result) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] else { return nil }
        return (object["error"] as? [String: Any])?["kind"] as? String
    }

    /// The signed file as read by our own reader, and every raw transaction recorded for eth-account (with, for a
    /// checkout payment, the ERC-20 transfer eth-abi must decode from it).
    func recordSigned(
        label: String, transfer: (token: String, recipient: String, amount: String)? = nil
    ) throws -> SignedTransactionFile {
        let file = try SignedTransactionFile(jsonData: Data(contentsOf: URL(fileURLWithPath: path("signed.json"))))
        for tx in file.allTransactions {
            InteropLog.record(
                rawTransaction: Hex.encode(tx.rawTransaction), expectedSender: Self.payer, label: label,
                expectedTransfer: transfer)
        }
        return file
    }

    /// The bundle as read by our own reader.
    func bundle() throws -> IntentBundle {
        try IntentBundle(jsonData: Data(contentsOf: URL(fileURLWithPath: path("bundle.json"))))
    }
}
