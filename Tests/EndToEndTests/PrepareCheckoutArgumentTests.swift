import Foundation
import StrictJSON
import TestSupport
import Testing

/// `prepare checkout`: bad command lines and bad request inputs are refused with the documented exit code and a
/// message naming the option, before any network request (the node URL given here answers nothing).
@Suite struct PrepareCheckoutArgumentTests {
    static let payer = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"
    static let deadNode = ["--rpc-url", "http://127.0.0.1:9", "--no-audit-log"]
    static let nativeURI = "ethereum:0x1111111111111111111111111111111111111111@8453?value=1e16"

    func run(_ arguments: [String], stdin: Data = Data()) throws -> ToolRunner.Result {
        try ToolRunner.run("prepare", ["checkout"] + arguments, stdin: stdin)
    }

    @Test("no request, or two requests, is a usage error naming the five request options")
    func exactlyOneRequest() throws {
        let none = try run(["--sender", Self.payer] + Self.deadNode)
        #expect(none.status == 64)
        #expect(none.stderr.contains("--uri, --uri-file, --qr-image, --camera, --checkout-file"))
        let two = try run(["--uri", Self.nativeURI, "--checkout-file", "x.json", "--sender", Self.payer] + Self.deadNode)
        #expect(two.status == 64)
        #expect(two.stderr.contains("(2 given)"))
    }

    @Test("no sender, or two, is a usage error naming --camera-sender")
    func exactlyOneSender() throws {
        let none = try run(["--uri", Self.nativeURI] + Self.deadNode)
        #expect(none.status == 64)
        #expect(none.stderr.contains("--sender, --sender-qr, --camera-sender"))
    }

    @Test("a malformed URI is a data error naming the field, with --json giving the stable kind")
    func badURI() throws {
        let result = try run(
            ["--uri", "ethereum:0x1111111111111111111111111111111111111111?value=1", "--sender", Self.payer, "--json"]
                + Self.deadNode)
        #expect(result.status == 65)
        let object = try JSON.parse(result.stdout)
        #expect(object["error"]?["kind"]?.stringValue == "invalidRequest.missingChainID")
        #expect(result.stderr.contains("chainId"))
    }

    @Test("--uri-file: a final newline is fine (the node is then asked); a second line is refused; - reads stdin")
    func uriFile() throws {
        let folder = try ToolRunner.temporaryDirectory()
        let extra = folder.appendingPathComponent("extra.txt")
        try Data((Self.nativeURI + "\nsecond\n").utf8).write(to: extra)
        let refused = try run(["--uri-file", extra.path, "--sender", Self.payer] + Self.deadNode)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("--uri-file: expected one EIP-681 URI and at most a final newline"))
        // One line with its newline, from stdin: parsed fine, so the run gets as far as the (dead) node: 69.
        let fine = try run(
            ["--uri-file", "-", "--sender", Self.payer] + Self.deadNode, stdin: Data((Self.nativeURI + "\n").utf8))
        #expect(fine.status == 69, "\(fine.stderr)")
    }

    @Test("--chain that is not the request's chain is refused before the node is asked")
    func chainMismatch() throws {
        let result = try run(["--uri", Self.nativeURI, "--chain", "polygon", "--sender", Self.payer] + Self.deadNode)
        #expect(result.status == 65)
        #expect(result.stderr.contains("--chain polygon is chain Polygon (137), but the request is for chain Base (8453)"))
    }

    @Test("an existing --out without --force is refused (73) before the request is even read")
    func outputFirst() throws {
        let folder = try ToolRunner.temporaryDirectory()
        let out = folder.appendingPathComponent("bundle.json")
        try Data("keep".utf8).write(to: out)
        let result = try run(["--checkout-file", "/nonexistent.json", "--sender", Self.payer, "--out", out.path] + Self.deadNode)
        #expect(result.status == 73)
        #expect(try Data(contentsOf: out) == Data("keep".utf8))
    }

    @Test("a checkout file that is missing is 66, one that is not JSON is 65, an expired one is 65 (checkoutExpired)")
    func checkoutFile() throws {
        #expect(try run(["--checkout-file", "/nonexistent.json", "--sender", Self.payer] + Self.deadNode).status == 66)
        let folder = try ToolRunner.temporaryDirectory()
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\"id\":".utf8).write(to: broken)
        #expect(try run(["--checkout-file", broken.path, "--sender", Self.payer] + Self.deadNode).status == 65)
        let expired = folder.appendingPathComponent("expired.json")
        let document = """
            {"id":"chk_old","url":"https://pay.example/chk_old","amount":"10.50","currency":"USDC","network":"base",
            "address":"0x1111111111111111111111111111111111111111","tokenAddress":"0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
            "status":"ACTIVE","expiresAt":"2020-01-01T00:00:00Z"}
            """
        try Data(document.utf8).write(to: expired)
        let result = try run(["--checkout-file", expired.path, "--sender", Self.payer, "--json"] + Self.deadNode)
        #expect(result.status == 65)
        #expect(try JSON.parse(result.stdout)["error"]?["kind"]?.stringValue == "checkoutExpired")
    }

    @Test("a native EIP-681 payment against the sandbox: one node request, a bundle that keeps the URI, --json result")
    func nativeAgainstSandbox() throws {
        let folder = try ToolRunner.temporaryDirectory()
        let sandbox = try SandboxProcess(chainID: 8453, arguments: ["--fund", "\(Self.payer)=5"], directory: folder)
        defer { sandbox.stop() }
        let out = folder.appendingPathComponent("checkout.json")
        let result = try run([
            "--uri", Self.nativeURI, "--sender", Self.payer, "--rpc-url", sandbox.rpcURL, "--no-audit-log", "--out", out.path,
            "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        try ResultLog.record(result, schema: "prepare-checkout")
        let object = try JSON.parse(result.stdout)
        #expect(object["nodeRequests"]?.numberText == "1")
        #expect(object["to"]?.stringValue == "0x1111111111111111111111111111111111111111")
        #expect(object["value"]?.stringValue == "0x2386f26fc10000")
        let bundle = try JSON.parse(try Data(contentsOf: out))
        #expect(bundle["format"]?.stringValue == "coldcredits.checkout-bundle")
        #expect(bundle["request"]?["uri"]?.stringValue == Self.nativeURI)
        #expect(result.stderr.contains("requests    1 to the node"))
    }
}
