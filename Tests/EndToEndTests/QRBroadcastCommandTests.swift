import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import QRBundle
import QRTransport
import TestSupport
import Testing

/// The built `broadcast` binary reading the signed transaction from QR images.
///
/// The compact signed form, or an `eth-signature` made by `sign` plus the unsigned bundle. No node answers
/// (port 9), so a run that got past reading its input ends with exit 69 after naming the transaction it would send.
@Suite(.serialized) struct QRBroadcastCommandTests {
    static let deadNode = ["--rpc-url", "http://127.0.0.1:9", "--timeout", "5s"]

    @Test("broadcast reads a signed fee ladder from QR frames and names the transaction it sends")
    func compactSigned() throws {
        let dir = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try SignedTransactionFile(
            jsonData: Fixtures.repositoryFile("formats/signed-transaction/v1/examples/sandbox-polygon-fee-ladder.json"))
        let paths = try QRImages.write(CompactSignedTransaction(file: file).ur, into: dir.appendingPathComponent("in"))
        let result = try ToolRunner.run(
            "broadcast", QRImages.imageArguments(paths.reversed()) + Self.deadNode, directory: dir)
        let hash = try QRImages.signedExample("transactionHash", file: "sandbox-polygon-fee-ladder.json") as? String
        #expect(result.stderr.contains("Broadcasting \(hash ?? "?")"), "\(result.stderr)")
        #expect(result.stderr.contains("with 3 fee-ladder rung(s)"))
        #expect(result.status == 69, "\(result.stderr)")
    }

    @Test("sign's eth-signature plus the unsigned bundle make the signed transaction; another bundle is refused")
    func ethSignatureWithBundle() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let request = EthSignRequest(
            bundle: try QRImages.bundle(QRImages.sandbox), derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0"))
        let requestFrames = try QRImages.write(request.ur, into: dir.appendingPathComponent("request"))
        let answer = dir.appendingPathComponent("answer")
        let signed = try ToolRunner.runAttended(
            "sign", QRImages.imageArguments(requestFrames) + QRImages.keyArguments(dir) + ["--qr-png", answer.path],
            answer: "d095")
        #expect(signed.status == 0, "\(signed.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: answer.path).sorted()
        let signatureFrames = names.map { answer.appendingPathComponent($0).path }
        let bundlePath = Fixtures.repositoryRoot.appendingPathComponent(QRImages.sandbox).path
        let sent = try ToolRunner.run(
            "broadcast",
            ["--bundle", bundlePath] + QRImages.imageArguments(signatureFrames, option: "--eth-signature-image")
                + Self.deadNode, directory: dir)
        let hash = try QRImages.signedExample("transactionHash") as? String
        #expect(sent.stderr.contains("Broadcasting \(hash ?? "?")"), "\(sent.stderr)")
        #expect(sent.status == 69)

        let other = Fixtures.repositoryRoot.appendingPathComponent(QRImages.sampleA).path
        let refused = try ToolRunner.run(
            "broadcast",
            ["--bundle", other, "--json"] + QRImages.imageArguments(signatureFrames, option: "--eth-signature-image")
                + Self.deadNode, directory: dir)
        try ResultLog.record(refused, schema: "error")
        #expect(refused.status == 65)
        let error = try JSONSerialization.jsonObject(with: refused.stdout) as? [String: Any]
        #expect((error?["error"] as? [String: Any])?["kind"] as? String == "requestMismatch")
    }

    @Test("an eth-signature without --bundle, or two sources, are usage errors")
    func usage() throws {
        #expect(try ToolRunner.run("broadcast", ["--eth-signature-image", "x.png"] + Self.deadNode).status == 64)
        #expect(try ToolRunner.run("broadcast", ["signed.json", "--qr-image", "x.png"] + Self.deadNode).status == 64)
    }
}
