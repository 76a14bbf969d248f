import Foundation
import TestSupport
import Testing

/// Every file a tool reads has a size cap: a sparse 200 MB file of each kind is refused from its size (exit 65,
/// kind `inputTooLarge`, the kind of input named) in well under a second, without reading it.
@Suite(.serialized) struct OversizedInputTests {
    static let hugeSize: UInt64 = 200 << 20

    /// A sparse file of `hugeSize` bytes (no disk blocks; reading it all would take seconds and 200 MB).
    static func huge(_ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: hugeSize)
        try handle.close()
        return path
    }

    /// Runs `tool` and checks the refusal: exit 65, `inputTooLarge`, `named` in the message, fast.
    static func expectRefused(_ tool: String, _ arguments: [String], named: String, stdin: Data = Data()) throws {
        let started = Date()
        let result = try ToolRunner.run(tool, arguments + ["--json"], stdin: stdin)
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 65, "\(named): \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        #expect(error?["kind"] as? String == "inputTooLarge", "\(named): \(result.stdoutText)")
        #expect(result.stderr.contains(named), "\(named): \(result.stderr)")
        #expect(result.stderr.contains(String(hugeSize)), "the size found is named: \(result.stderr)")
        #expect(seconds < 1.5, "\(named) took \(seconds) s")
    }

    @Test(
        "sign refuses an oversized bundle, policy, approvals, ledger, audit log or key file",
        arguments: ["bundle", "policy file", "approvals file", "signing ledger", "audit log", "private key file"])
    func signInputs(kind: String) throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = try Self.huge("big", in: dir)
        let key = dir.appendingPathComponent("key.hex").path
        let policy = dir.appendingPathComponent("policy.json").path
        let ledger = dir.appendingPathComponent("ledger.jsonl").path
        var arguments = [
            kind == "bundle" ? big : SignCommandTests.example, "--private-key-file", kind == "private key file" ? big : key,
            "--policy", kind == "policy file" ? big : policy, "--ledger", kind == "signing ledger" ? big : ledger, "--yes",
            "--audit-log", kind == "audit log" ? big : dir.appendingPathComponent("audit.jsonl").path,
        ]
        if kind == "approvals file" { arguments += ["--approvals", big] }
        if kind == "approvals file" {
            // Approvals are read only when the policy asks for them.
            var object = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: policy))) as? [String: Any])
            object["approvals"] = ["threshold": 1, "approvers": ["0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A"]]
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: policy))
        }
        try Self.expectRefused("sign", arguments, named: kind)
    }

    @Test("sign refuses an oversized bundle on stdin, read with a bound")
    func signStdin() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = SignCommandTests.signArguments(dir, bundle: "-") + ["--yes"]
        // One byte over the 1 MiB cap: the tool reads it all before refusing, so the pipe never breaks.
        let result = try ToolRunner.run("sign", arguments + ["--json"], stdin: Data(count: (1 << 20) + 1))
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("bundle") && result.stderr.contains("cap"), "\(result.stderr)")
    }

    @Test("sign refuses an oversized QR image file")
    func qrImage() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = try Self.huge("big.png", in: dir)
        let arguments = ["--qr-image", big] + SignCommandTests.signArguments(dir, bundle: "").dropFirst() + ["--yes"]
        try Self.expectRefused("sign", Array(arguments), named: "QR image")
    }

    @Test("broadcast refuses an oversized signed file; prepare an oversized charge or network file")
    func onlineInputs() throws {
        let dir = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = try Self.huge("big", in: dir)
        try Self.expectRefused(
            "broadcast", [big, "--rpc-url", "http://127.0.0.1:9", "--no-audit-log"], named: "signed transaction")
        let prepare = [
            "--sender", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", "--chain", "polygon", "--rpc-url",
            "http://127.0.0.1:9", "--no-audit-log",
        ]
        try Self.expectRefused("prepare", prepare + ["--charge-file", big], named: "charge file")
        try Self.expectRefused("prepare", prepare + ["--network-file", big, "--charge-file", big], named: "network file")
    }
}
