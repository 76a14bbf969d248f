import BundleFormat
import EthereumPrimitives
import Foundation
import TestSupport
import Testing

/// Pairing by QR through the built tools: `sign keys address --qr-png` → `prepare --sender-qr` → the bundle's payer.
@Suite(.serialized) struct PairingCommandTests {
    /// A keystore of the flow's funded payer key, with its `address` field replaced by `declared` when given.
    static func keystore(in flow: Flow, declared: String?) throws -> String {
        let password = flow.path("password")
        try Data("pairing-test\n".utf8).write(to: URL(fileURLWithPath: password))
        let store = flow.path("cold.json")
        let made = try ToolRunner.run(
            "sign",
            [
                "keys", "import", "--private-key-file", flow.path("key.hex"), "--out", store, "--password-file", password,
                "--insecure-fast-kdf",
            ])
        #expect(made.status == 0, "\(made.stderr)")
        if let declared {
            var object = try #require(
                JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: store))) as? [String: Any])
            object["address"] = String(declared.dropFirst(2)).lowercased()
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: store))
        }
        return store
    }

    /// `prepare --sender-qr PNG …` against the flow's sandbox.
    static func prepare(_ flow: Flow, senderQR: String) throws -> ToolRunner.Result {
        try ToolRunner.run(
            "prepare",
            [
                "--amount", "25", "--sender-qr", senderQR, "--chain", String(flow.sandbox.chainID), "--rpc-url",
                flow.sandbox.rpcURL, "--api-url", flow.sandbox.apiURL, "--network-file", flow.path("network.json"), "--out",
                flow.path("bundle.json"),
            ], environment: ["OPENROUTER_API_KEY": "sandbox-key"])
    }

    @Test("keys → QR PNG → prepare reads the address → the bundle's from is the key's address")
    func pairingRoundTrip() throws {
        let flow = try Flow()
        let store = try Self.keystore(in: flow, declared: nil)
        let png = flow.path("pairing.png")
        let shown = try ToolRunner.run(
            "sign", ["keys", "address", "--keystore", store, "--qr-png", png, "--password-file", flow.path("password")])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdoutText == Flow.payer + "\n")
        let prepared = try Self.prepare(flow, senderQR: png)
        #expect(prepared.status == 0, "\(prepared.stderr)")
        #expect(prepared.stderr.contains("Paired: the payer is \(Flow.payer)"))
        #expect(try flow.bundle().from.checksummed == Flow.payer)
    }

    @Test("a keystore whose address field was edited still pairs the key's real address, and says so")
    func editedAddressFieldIsNotTrusted() throws {
        let flow = try Flow()
        let attacker = "0x1111111111111111111111111111111111111111"
        let store = try Self.keystore(in: flow, declared: attacker)
        // Printing the address derives it from the key and refuses a file whose field disagrees (65, both named);
        // only --unverified prints the field, labelled as unchecked.
        let derived = try ToolRunner.run(
            "sign", ["keys", "address", "--keystore", store, "--password-file", flow.path("password")])
        #expect(derived.status == 65, "\(derived.stderr)")
        #expect(derived.stdout.isEmpty)
        let declared = try ToolRunner.run("sign", ["keys", "address", "--keystore", store, "--unverified"])
        #expect(declared.stdoutText.lowercased().hasPrefix(attacker))
        #expect(declared.stderr.contains("NOT verified"))
        let png = flow.path("pairing.png")
        let shown = try ToolRunner.run(
            "sign", ["keys", "address", "--keystore", store, "--qr-png", png, "--password-file", flow.path("password")])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdoutText == Flow.payer + "\n")
        #expect(shown.stderr.contains("address field says"))
        let prepared = try Self.prepare(flow, senderQR: png)
        #expect(prepared.status == 0, "\(prepared.stderr)")
        #expect(try flow.bundle().from.checksummed == Flow.payer)
    }

    @Test("--sender and --sender-qr together, or neither, is a usage error (64)")
    func exactlyOneSender() throws {
        let both = try ToolRunner.run(
            "prepare", ["--amount", "1", "--sender", Flow.payer, "--sender-qr", "x.png", "--chain", "base", "--rpc-url", "u"])
        #expect(both.status == 64)
        let neither = try ToolRunner.run("prepare", ["--amount", "1", "--chain", "base", "--rpc-url", "u"])
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("--sender-qr"))
    }

    @Test(
        "every tool's --version names the version, the commit and the build configuration",
        arguments: [
            "prepare", "sign", "broadcast", "sandbox",
        ])
    func versionLine(tool: String) throws {
        let result = try ToolRunner.run(tool, ["--version"])
        #expect(result.status == 0)
        #expect(result.stdoutText.hasPrefix("0.1.0 (commit "))
        #expect(result.stdoutText.contains(" build, camera "))
    }

    @Test(
        "each tool's --help shows an example and its default subcommand's options",
        arguments: [
            ("prepare", "--amount"), ("sign", "--keystore"), ("broadcast", "--rpc-url"), ("sandbox", "--port"),
        ])
    func helpShowsMainOptions(tool: String, option: String) throws {
        let help = try ToolRunner.run(tool, ["--help"]).stdoutText
        #expect(help.contains("Examples:"))
        #expect(help.contains("Options of the default subcommand"))
        #expect(help.contains(option))
    }
}
