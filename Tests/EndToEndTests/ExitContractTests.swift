import Foundation
import TestSupport
import Testing

/// Issue 15, "one exit-code contract": every failure a user can cause, fed to the real binaries, exits with its
/// documented sysexits code and a one-line message — never 1 (a bug), never a raw Foundation error.
@Suite("Exit-code contract (real binaries)", .serialized)
struct ExitContractTests {
    static let documented: Set<Int32> = [64, 65, 66, 69, 73, 75, 77]

    /// One user mistake: the tool, its arguments (paths resolved in the flow's folder), and the code expected.
    struct Mistake: CustomStringConvertible, Sendable {
        let name: String
        let tool: String
        let arguments: @Sendable (Flow) -> [String]
        let expected: Int32
        var description: String { name }
    }

    static func signArguments(_ flow: Flow, bundle: String, extra: [String] = []) -> [String] {
        [
            flow.path(bundle), "--private-key-file", flow.path("key.hex"), "--policy", flow.path("policy.json"),
            "--ledger", flow.path("ledger.jsonl"), "--yes", "--out", flow.path("out-signed.json"), "--json",
        ] + extra
    }

    static func broadcastArguments(_ flow: Flow, signed: String, extra: [String] = []) -> [String] {
        [flow.path(signed), "--rpc-url", flow.sandbox.rpcURL, "--poll-interval", "0.2", "--timeout", "5", "--json"] + extra
    }

    static func prepareArguments(_ flow: Flow, _ extra: [String]) -> [String] {
        [
            "--sender", Flow.payer, "--chain", String(flow.sandbox.chainID), "--rpc-url", flow.sandbox.rpcURL,
            "--api-url", flow.sandbox.apiURL, "--network-file", flow.path("network.json"), "--json",
        ] + extra
    }

    static let mistakes: [Mistake] = [
        Mistake(
            name: "sign: truncated bundle", tool: "sign", arguments: { signArguments($0, bundle: "truncated-bundle.json") },
            expected: 65),
        Mistake(name: "sign: empty bundle", tool: "sign", arguments: { signArguments($0, bundle: "empty.json") }, expected: 65),
        Mistake(
            name: "sign: extra field", tool: "sign", arguments: { signArguments($0, bundle: "extra-field.json") }, expected: 65),
        Mistake(name: "sign: version 2", tool: "sign", arguments: { signArguments($0, bundle: "version2.json") }, expected: 65),
        Mistake(
            name: "sign: a directory as the bundle", tool: "sign", arguments: { signArguments($0, bundle: "folder") },
            expected: 66),
        Mistake(
            name: "sign: --ledger DIR", tool: "sign",
            arguments: { signArguments($0, bundle: "bundle.json", extra: ["--ledger", $0.path("folder")]) }, expected: 73),
        Mistake(
            name: "sign: --policy DIR", tool: "sign",
            arguments: { signArguments($0, bundle: "bundle.json", extra: ["--policy", $0.path("folder")]) }, expected: 66),
        Mistake(
            name: "sign: --audit-log DIR", tool: "sign",
            arguments: { signArguments($0, bundle: "bundle.json", extra: ["--audit-log", $0.path("folder")]) }, expected: 66),
        Mistake(
            name: "sign: --keystore DIR", tool: "sign",
            arguments: {
                [
                    $0.path("bundle.json"), "--keystore", $0.path("folder"), "--password-file", $0.path("key.hex"),
                    "--policy", $0.path("policy.json"), "--yes", "--json",
                ]
            }, expected: 66),
        Mistake(
            name: "sign: --out in a missing folder", tool: "sign",
            arguments: { signArguments($0, bundle: "bundle.json", extra: ["--out", $0.path("nodir/s.json")]) }, expected: 73),
        Mistake(
            name: "broadcast: truncated signed file", tool: "broadcast",
            arguments: { broadcastArguments($0, signed: "truncated-signed.json") }, expected: 65),
        Mistake(
            name: "broadcast: a bundle given as the signed file", tool: "broadcast",
            arguments: { broadcastArguments($0, signed: "bundle.json") }, expected: 65),
        Mistake(
            name: "broadcast: signed file version 2", tool: "broadcast",
            arguments: { broadcastArguments($0, signed: "signed-version2.json") }, expected: 65),
        Mistake(
            name: "broadcast: a directory as the signed file", tool: "broadcast",
            arguments: { broadcastArguments($0, signed: "folder") }, expected: 66),
        Mistake(
            name: "broadcast: --state DIR", tool: "broadcast",
            arguments: { broadcastArguments($0, signed: "signed.json", extra: ["--state", $0.path("folder")]) }, expected: 65),
        Mistake(
            name: "prepare: --charge-file DIR", tool: "prepare",
            arguments: { prepareArguments($0, ["--charge-file", $0.path("folder")]) }, expected: 66),
        Mistake(
            name: "prepare: truncated --charge-file", tool: "prepare",
            arguments: { prepareArguments($0, ["--charge-file", $0.path("truncated-bundle.json")]) }, expected: 65),
        Mistake(
            name: "prepare: --network-file DIR", tool: "prepare",
            arguments: { prepareArguments($0, ["--amount", "5", "--network-file", $0.path("folder")]) }, expected: 66),
        Mistake(
            name: "prepare: --amount 25,00", tool: "prepare", arguments: { prepareArguments($0, ["--amount", "25,00"]) },
            expected: 64),
        Mistake(
            name: "prepare: --amount 1e3", tool: "prepare", arguments: { prepareArguments($0, ["--amount", "1e3"]) }, expected: 64
        ),
        Mistake(
            name: "prepare: --charge-file with --amount", tool: "prepare",
            arguments: { prepareArguments($0, ["--amount", "50", "--charge-file", $0.path("bundle.json")]) }, expected: 64),
        Mistake(
            name: "prepare: --amout (misspelled)", tool: "prepare", arguments: { prepareArguments($0, ["--amout", "5"]) },
            expected: 64),
        Mistake(
            name: "prepare: --out DIR", tool: "prepare",
            arguments: { prepareArguments($0, ["--amount", "5", "--out", $0.path("folder")]) }, expected: 73),
    ]

    /// A flow with a bundle, a signed file and every broken input the mistakes read.
    static func brokenInputs() throws -> Flow {
        let flow = try Flow()
        #expect(try flow.prepare().status == 0)
        #expect(try flow.sign().status == 0)
        let bundle = try Data(contentsOf: URL(fileURLWithPath: flow.path("bundle.json")))
        let signed = try Data(contentsOf: URL(fileURLWithPath: flow.path("signed.json")))
        func write(_ name: String, _ data: Data) throws { try data.write(to: URL(fileURLWithPath: flow.path(name))) }
        try write("truncated-bundle.json", bundle.prefix(bundle.count / 2))
        try write("truncated-signed.json", signed.prefix(signed.count / 2))
        try write("empty.json", Data())
        let text = String(decoding: bundle, as: UTF8.self)
        try write(
            "extra-field.json",
            Data(
                text.replacingOccurrences(of: "{\n", with: "{\n  \"extra\": 1,\n", options: [], range: text.range(of: "{\n")).utf8
            ))
        try write("version2.json", Data(text.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2").utf8))
        let signedText = String(decoding: signed, as: UTF8.self)
        try write(
            "signed-version2.json", Data(signedText.replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2").utf8))
        try FileManager.default.createDirectory(atPath: flow.path("folder"), withIntermediateDirectories: true)
        return flow
    }

    @Test("no user-caused failure reaches exit 1 or prints a raw Foundation error; each has its documented code")
    func everyMistakeHasItsCode() throws {
        let flow = try Self.brokenInputs()
        var table: [String] = []
        for mistake in Self.mistakes {
            let result = try ToolRunner.run(
                mistake.tool, mistake.arguments(flow),
                environment: ["OPENROUTER_API_KEY": "sandbox-key", "HOME": flow.directory.path])
            let errorLine = result.stderr.split(separator: "\n").first { $0.hasPrefix("Error:") }.map(String.init) ?? ""
            table.append("\(mistake.name) → \(result.status): \(errorLine)")
            #expect(result.status != 1, "\(mistake.name) reached exit 1: \(result.stderr)")
            #expect(Self.documented.contains(result.status), "\(mistake.name): \(result.status)")
            #expect(
                result.status == mistake.expected,
                "\(mistake.name): \(result.status), expected \(mistake.expected): \(result.stderr)")
            for raw in ["NSCocoaErrorDomain", "The operation could not be completed", "Error Domain=", "\"unexpected\""] {
                #expect(!result.stderr.contains(raw) && !result.stdoutText.contains(raw), "\(mistake.name): \(raw)")
            }
            #expect(!errorLine.isEmpty, "\(mistake.name) has no Error: line: \(result.stderr)")
        }
        // The table the issue asks for, in the test log.
        print(table.joined(separator: "\n"))
    }
}
