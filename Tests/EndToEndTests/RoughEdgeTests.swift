import Foundation
import TestSupport
import Testing

/// Issue 15 through the real binaries: outputs checked before side effects, a created charge kept, keys and
/// mnemonics, and audit events recorded once.
@Suite("Rough edges (issue 15, real binaries)", .serialized)
struct RoughEdgeTests {
    @Test("prepare --out EXISTING refuses (73) before any API request: the API it would call is unreachable")
    func prepareChecksOutputFirst() throws {
        let dir = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("bundle.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        let result = try ToolRunner.run(
            "prepare",
            [
                "--amount", "25", "--sender", Flow.payer, "--chain", "base", "--rpc-url", "http://127.0.0.1:9",
                "--api-url", "http://127.0.0.1:9", "--out", out, "--no-audit-log",
            ], environment: ["OPENROUTER_API_KEY": "k"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("exists"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old")
    }

    @Test("a charge created before a later failure is saved, named, and reusable with --charge-file")
    func createdChargeIsKept() throws {
        let flow = try Flow(fund: "0.000001")
        let first = try flow.prepare()
        #expect(first.status == 65, "\(first.stderr)")
        #expect(flow.errorKind(first) == "insufficientBalance")
        let saved = try FileManager.default.contentsOfDirectory(atPath: flow.directory.path).filter {
            $0.hasPrefix("charge-") && $0.hasSuffix(".json")
        }
        #expect(saved.count == 1, "\(saved)")
        let path = flow.path(try #require(saved.first))
        #expect(first.stderr.contains("--charge-file \(path)"), "\(first.stderr)")
        let again = try ToolRunner.run(
            "prepare",
            [
                "--charge-file", path, "--sender", Flow.payer, "--chain", String(flow.sandbox.chainID), "--rpc-url",
                flow.sandbox.rpcURL, "--network-file", flow.path("network.json"), "--out", flow.path("b2.json"), "--json",
                "--no-audit-log",
            ])
        #expect(flow.errorKind(again) == "insufficientBalance", "the saved charge parses and is checked: \(again.stderr)")
    }

    @Test("sign keys new|import --out EXISTING refuses before any password or scrypt, and never suggests --force")
    func keysRefuseExistingOutFirst() throws {
        let dir = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("k.json").path
        try Data("{}".utf8).write(to: URL(fileURLWithPath: out))
        // No --password-file and no terminal: a run that asked for the password first would fail 66, not 73.
        for arguments in [["keys", "new", "--out", out], ["keys", "import", "--private-key-file", out, "--out", out]] {
            let result = try ToolRunner.run("sign", arguments)
            #expect(result.status == 73, "\(result.stderr)")
            #expect(!result.stderr.contains("--force"), "\(result.stderr)")
            #expect(!result.stderr.contains("Encrypting"))
        }
    }

    @Test("keys address derives the address from the key; --unverified labels the file's field; no field still works")
    func keysAddress() throws {
        let dir = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let key = dir.appendingPathComponent("key.hex")
        try Data(String(repeating: "46", count: 32).utf8).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let password = dir.appendingPathComponent("pw")
        try Data("pw\n".utf8).write(to: password)
        let store = dir.appendingPathComponent("k.json").path
        let made = try ToolRunner.run(
            "sign",
            [
                "keys", "import", "--private-key-file", key.path, "--out", store, "--password-file", password.path,
                "--insecure-fast-kdf",
            ])
        #expect(made.status == 0, "\(made.stderr)")
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store))) as? [String: Any])
        object["address"] = String(repeating: "11", count: 20)
        let edited = dir.appendingPathComponent("edited.json").path
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: edited))
        let claim = try ToolRunner.run("sign", ["keys", "address", "--keystore", edited, "--unverified"])
        #expect(claim.status == 0)
        #expect(claim.stderr.contains("NOT verified"))
        let derived = try ToolRunner.run("sign", ["keys", "address", "--keystore", edited, "--password-file", password.path])
        #expect(derived.status == 65, "an edited field is caught: \(derived.stderr)")
        #expect(derived.stderr.contains(Flow.payer))
        object.removeValue(forKey: "address")
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: edited))
        let noField = try ToolRunner.run("sign", ["keys", "address", "--keystore", edited, "--password-file", password.path])
        #expect(noField.status == 0, "\(noField.stderr)")
        #expect(noField.stdoutText == Flow.payer + "\n")
    }

    @Test("a mnemonic file readable by others is refused like a key file; words differing only in case are accepted")
    func mnemonicRules() throws {
        let dir = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mnemonic = dir.appendingPathComponent("m.txt")
        try Data(("Abandon " + String(repeating: "abandon ", count: 10) + "ABOUT\n").utf8).write(to: mnemonic)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: mnemonic.path)
        let password = dir.appendingPathComponent("pw")
        try Data("pw\n".utf8).write(to: password)
        let arguments = [
            "keys", "import", "--mnemonic-file", mnemonic.path, "--out", dir.appendingPathComponent("k.json").path,
            "--password-file", password.path, "--insecure-fast-kdf",
        ]
        let open = try ToolRunner.run("sign", arguments)
        #expect(open.status == 77, "\(open.stderr)")
        #expect(open.stderr.contains("mnemonic file"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: mnemonic.path)
        let mixedCase = try ToolRunner.run("sign", arguments)
        #expect(mixedCase.status == 0, "\(mixedCase.stderr)")
        #expect(mixedCase.stdoutText == "0x9858EfFD232B4033E47d90003D41EC34EcaEda94\n")
    }

    @Test("re-running broadcast over a mined payment appends no second `mined` entry")
    func minedRecordedOnce() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        let log = flow.path("audit.jsonl")
        for _ in 0..<2 {
            let result = try flow.broadcast(["--audit-log", log])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.filter { $0.contains("\"mined\"") }.count == 1, "\(lines.joined(separator: "\n"))")
    }

    @Test("outside a terminal the receipt wait prints what it waits for, elapsed time and blocks seen")
    func waitProgressLines() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        let result = try flow.broadcast(["--audit-log", flow.path("audit.jsonl")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Waiting for the receipt of 0x"), "\(result.stderr)")
        #expect(result.stderr.contains("elapsed"))
        #expect(!result.stderr.contains("\u{1B}"), "no escape codes outside a terminal")
    }

    @Test("on a terminal the receipt wait is one line redrawn in place, ended before the next message")
    func waitProgressRedrawnOnATerminal() throws {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        let session = try TerminalSession(
            "broadcast", flow.broadcastArguments(["--audit-log", flow.path("audit.jsonl")]),
            environment: ["OPENROUTER_API_KEY": "sandbox-management-key"], stderrOnTerminal: true)
        let result = session.finish()
        #expect(result.status == 0)
        let screen = String(decoding: result.terminal, as: UTF8.self)
        #expect(screen.contains("\r\u{1B}[2KWaiting for the receipt of 0x"), "\(screen)")
        // The redrawn line is ended with a newline before the next message, so nothing is drawn over it.
        #expect(!screen.contains("elapsed\u{1B}"))
    }
}
