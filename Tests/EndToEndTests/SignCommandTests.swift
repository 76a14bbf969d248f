import Foundation
import TestSupport
import Testing

/// The built `sign` binary against the formats/ examples: what a user sees, and that nothing is written on failure.
@Suite(.serialized) struct SignCommandTests {
    static let example = Fixtures.formats.appendingPathComponent("unsigned-bundle/v1/examples/sandbox-polygon.json").path
    static let signedExample = Fixtures.formats.appendingPathComponent("signed-transaction/v1/examples/sandbox-polygon.json")

    /// A folder with the payer's key file (mode 600) and a policy pinning the sandbox operator on Polygon.
    static func workspace(allowUnattended: Bool = false) throws -> URL {
        let dir = try ToolRunner.temporaryDirectory()
        let key = dir.appendingPathComponent("key.hex")
        try Data("0x4646464646464646464646464646464646464646464646464646464646464646\n".utf8).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let defaultPolicy = try ToolRunner.run("sign", ["policy", "show"]).stdout
        var policy = try #require(try JSONSerialization.jsonObject(with: defaultPolicy) as? [String: Any])
        var chains = try #require(policy["chains"] as? [[String: Any]])
        for index in chains.indices where chains[index]["chainId"] as? Int == 137 {
            chains[index]["operators"] = ["0x19E7E376E7C213B7E7e7e46cc70A5dD086DAff2A"]
        }
        policy["chains"] = chains
        policy["allowUnattended"] = allowUnattended
        try JSONSerialization.data(withJSONObject: policy).write(to: dir.appendingPathComponent("policy.json"))
        return dir
    }

    static func signArguments(_ dir: URL, bundle: String = example) -> [String] {
        [
            bundle, "--private-key-file", dir.appendingPathComponent("key.hex").path,
            "--policy", dir.appendingPathComponent("policy.json").path, "--ledger",
            dir.appendingPathComponent("ledger.jsonl").path,
        ]
    }

    @Test("typing the fingerprint's first group signs; the raw transaction equals eth-account's")
    func signsAfterConfirmation() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ToolRunner.runAttended("sign", Self.signArguments(dir), answer: "d095")
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.signedExample)) as? [String: Any])
        #expect(result.stdoutText == (expected["rawTransaction"] as? String ?? "") + "\n")
        #expect(result.stderr.contains("$25.00 of OpenRouter credits"))
        #expect(result.stderr.contains("d095-76c1-302c-afd8"))
        #expect(!result.stderr.contains("4646464646"), "key material on stderr")
        InteropLog.record(
            rawTransaction: result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines),
            expectedSender: "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", label: "sign-cli")
    }

    @Test("declining signs nothing and exits 77")
    func declineWritesNothing() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("signed.json").path
        let result = try ToolRunner.runAttended("sign", Self.signArguments(dir) + ["--out", out], answer: "no")
        #expect(result.status == 77)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ledger.jsonl").path))
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "a tampered bundle is refused with exit 65 and the field named",
        arguments: [
            "unsigned-bundle/v1/invalid/signingHashMismatch/value-changed.json",
            "unsigned-bundle/v1/invalid/unknownField/extra-in-transaction.json",
        ])
    func tamperedBundle(path: String) throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = Fixtures.formats.appendingPathComponent(path).path
        let result = try ToolRunner.runAttended("sign", Self.signArguments(dir, bundle: bundle) + ["--json"], answer: "d095")
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("Error: "))
        let error = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((error["error"] as? [String: Any])?["kind"] as? String == path.split(separator: "/")[3].description)
    }

    @Test("--yes needs a policy that allows unattended signing")
    func unattendedNeedsPolicy() throws {
        let dir = try Self.workspace(allowUnattended: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try ToolRunner.run("sign", Self.signArguments(dir) + ["--yes"]).status == 77)
        let allowed = try Self.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: allowed) }
        #expect(try ToolRunner.run("sign", Self.signArguments(allowed) + ["--yes"]).status == 0)
    }

    @Test("--out writes the signed file once; a second run without --force exits 73 and keeps the file")
    func outputIsNotOverwritten() throws {
        let dir = try Self.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("signed.json").path
        let first = try ToolRunner.run("sign", Self.signArguments(dir) + ["--yes", "--out", out, "--fee-ladder", "2"])
        #expect(first.status == 0, "\(first.stderr)")
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        let second = try ToolRunner.run("sign", Self.signArguments(dir) + ["--yes", "--out", out])
        #expect(second.status == 73)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == written)
        let object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        #expect((object["feeLadder"] as? [Any])?.count == 2)
        for rung in (object["feeLadder"] as? [[String: Any]] ?? []) + [object] {
            InteropLog.record(
                rawTransaction: rung["rawTransaction"] as? String ?? "",
                expectedSender: "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F",
                label: "sign-ladder")
        }
    }

    @Test("a world-readable key file is refused")
    func insecureKeyFile() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: dir.appendingPathComponent("key.hex").path)
        let result = try ToolRunner.runAttended("sign", Self.signArguments(dir), answer: "d095")
        #expect(result.status == 77)
        #expect(result.stderr.contains("chmod 600"))
    }

    @Test("keys new, keys address and a wrong password (exit 77) with a keystore")
    func keystoreFlow() throws {
        let dir = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let password = dir.appendingPathComponent("password")
        try Data("correct horse\n".utf8).write(to: password)
        let keystore = dir.appendingPathComponent("key.json").path
        let created = try ToolRunner.run(
            "sign", ["keys", "new", "--out", keystore, "--password-file", password.path, "--insecure-fast-kdf"])
        #expect(created.status == 0, "\(created.stderr)")
        let address = created.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(address.count == 42)
        let shown = try ToolRunner.run("sign", ["keys", "address", "--keystore", keystore, "--password-file", password.path])
        #expect(shown.stdoutText.hasPrefix(address), "derived from the key: \(shown.stderr)")
        let wrong = dir.appendingPathComponent("wrong")
        try Data("wrong\n".utf8).write(to: wrong)
        // The bundle is parsed and verified before the keystore is unlocked: a bad bundle never costs the scrypt wait.
        let empty = dir.appendingPathComponent("empty.json")
        try Data().write(to: empty)
        let early = try ToolRunner.run(
            "sign",
            [empty.path, "--keystore", keystore, "--password-file", wrong.path, "--ledger", dir.appendingPathComponent("l").path])
        #expect(early.status == 65, "\(early.stderr)")
        #expect(!early.stderr.contains("Unlocking"))
        // The payer's key in a keystore, a bundle that verifies, and the wrong password: exit 77, nothing signed.
        let work = try Self.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let payerStore = dir.appendingPathComponent("payer.json").path
        let imported = try ToolRunner.run(
            "sign",
            [
                "keys", "import", "--private-key-file", work.appendingPathComponent("key.hex").path, "--out", payerStore,
                "--password-file", password.path, "--insecure-fast-kdf",
            ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let refused = try ToolRunner.run(
            "sign",
            [
                Self.example, "--keystore", payerStore, "--password-file", wrong.path, "--yes",
                "--policy", work.appendingPathComponent("policy.json").path, "--ledger", dir.appendingPathComponent("l").path,
            ])
        #expect(refused.status == 77, "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("l").path))
        #expect(!refused.stderr.contains("wrong\n"))
        let mode = try FileManager.default.attributesOfItem(atPath: keystore)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("keys import protects a raw key or a mnemonic-derived key in a keystore (MetaMask's first address)")
    func keysImport() throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let password = dir.appendingPathComponent("password")
        try Data("import password\n".utf8).write(to: password)
        let fromKey = try ToolRunner.run(
            "sign",
            [
                "keys", "import", "--private-key-file", dir.appendingPathComponent("key.hex").path,
                "--out", dir.appendingPathComponent("raw.json").path, "--password-file", password.path, "--insecure-fast-kdf",
            ])
        #expect(fromKey.status == 0, "\(fromKey.stderr)")
        #expect(fromKey.stdoutText == "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F\n")
        let mnemonic = dir.appendingPathComponent("mnemonic.txt")
        try Data((String(repeating: "abandon ", count: 11) + "about\n").utf8).write(to: mnemonic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: mnemonic.path)
        let fromMnemonic = try ToolRunner.run(
            "sign",
            [
                "keys", "import", "--mnemonic-file", mnemonic.path, "--out", dir.appendingPathComponent("hd.json").path,
                "--password-file", password.path, "--insecure-fast-kdf",
            ])
        #expect(fromMnemonic.status == 0, "\(fromMnemonic.stderr)")
        #expect(fromMnemonic.stdoutText == "0x9858EfFD232B4033E47d90003D41EC34EcaEda94\n")
        #expect(!fromMnemonic.stderr.contains("abandon"), "mnemonic words on stderr")
        let again = try ToolRunner.run(
            "sign",
            [
                "keys", "import", "--mnemonic-file", mnemonic.path, "--out", dir.appendingPathComponent("hd.json").path,
                "--password-file", password.path, "--insecure-fast-kdf",
            ])
        #expect(again.status == 73, "an existing keystore is never overwritten")
    }

    @Test(
        "a bad command line with --json still prints one JSON error object (exit 64)",
        arguments: [
            ["sign", "--json"], ["prepare", "--json", "--chain", "base"], ["broadcast", "--json", "x.json"],
            [
                "prepare", "--json", "--amount", "5", "--sender", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", "--chain", "base",
                "--rpc-url", "ftp://example", "--no-audit-log",
            ],
        ])
    func usageErrorsAsJSON(command: [String]) throws {
        let result = try ToolRunner.run(command[0], Array(command.dropFirst()))
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 64, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect((object["error"] as? [String: Any])?["kind"] as? String == "usage")
    }

    @Test("an --out that cannot be written is refused before the review, the key, the ledger and the audit log")
    func outputCheckedFirst() throws {
        let dir = try Self.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let audit = dir.appendingPathComponent("audit.jsonl").path
        let existing = dir.appendingPathComponent("existing.json").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        for out in [dir.appendingPathComponent("nodir/s.json").path, existing] {
            let result = try ToolRunner.run(
                "sign", Self.signArguments(dir) + ["--yes", "--out", out, "--audit-log", audit])
            #expect(result.status == 73, "\(result.stderr)")
            #expect(!result.stderr.contains("Review"), "nothing is reviewed before the output is known to be writable")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ledger.jsonl").path))
            let log = (try? String(contentsOfFile: audit, encoding: .utf8)) ?? ""
            #expect(!log.contains("\"signed\""), "no signed event")
        }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
    }
}
