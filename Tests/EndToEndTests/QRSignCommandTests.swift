import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import QRBundle
import QRTransport
import TestSupport
import Testing

/// QR images the end-to-end tests feed to the built tools, made from the `formats/` examples.
enum QRImages {
    static let sandbox = "formats/unsigned-bundle/v1/examples/sandbox-polygon.json"
    static let sampleA = "formats/unsigned-bundle/v1/examples/sample-a-base.json"
    static let payer = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"

    static func bundle(_ path: String) throws -> IntentBundle {
        try IntentBundle(jsonData: Fixtures.repositoryFile(path))
    }

    /// The signed example's field, read from its JSON (written by the eth-account generator).
    static func signedExample(_ key: String, file: String = "sandbox-polygon.json") throws -> Any? {
        let data = try Fixtures.repositoryFile("formats/signed-transaction/v1/examples/\(file)")
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?[key]
    }

    /// Writes the still frames of `ur` into `folder` and returns their paths.
    static func write(_ ur: UR, density: QRDensity = QRDensity(), into folder: URL) throws -> [String] {
        let frames = try QRFrames(ur: ur, density: density)
        return try QROutput.writePNGs(frames, directory: folder.path, pixelsPerModule: 4, overwrite: false)
    }

    /// Reads every `frame-*.png` in `folder` (the tools' output) back into one UR.
    static func read(_ folder: URL, types: [String]) throws -> UR {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("frame-") }
        var collector = QRFrameCollector(acceptedTypes: types)
        return try QRScan.images(names.sorted().map { folder.appendingPathComponent($0).path }, into: &collector) { _ in }
    }

    static func imageArguments(_ paths: [String], option: String = "--qr-image") -> [String] {
        paths.flatMap { [option, $0] }
    }

    static func keyArguments(_ dir: URL) -> [String] {
        [
            "--private-key-file", dir.appendingPathComponent("key.hex").path, "--policy",
            dir.appendingPathComponent("policy.json").path, "--ledger", dir.appendingPathComponent("ledger.jsonl").path,
        ]
    }
}

/// The built `sign` binary reading bundles from QR images and answering with QR images.
@Suite(.serialized) struct QRSignCommandTests {
    @Test("sign reads a compact bundle from frames in any order with a repeat, and its QR answer decodes to the raw transaction")
    func compactBundleFromFrames() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ur = try CompactBundle(bundle: QRImages.bundle(QRImages.sandbox)).ur
        let paths = try QRImages.write(ur, density: QRDensity(maxFragmentLength: 120), into: dir.appendingPathComponent("in"))
        #expect(paths.count >= 3)
        let shuffled = [paths[2], paths[0], paths[0]] + paths.dropFirst(3) + [paths[1]]
        let out = dir.appendingPathComponent("out")
        let result = try ToolRunner.runAttended(
            "sign", QRImages.imageArguments(shuffled) + QRImages.keyArguments(dir) + ["--qr-png", out.path],
            answer: "d095")
        #expect(result.status == 0, "\(result.stderr)")
        let raw = result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(raw == (try QRImages.signedExample("rawTransaction") as? String))
        #expect(result.stderr.contains("1 duplicate"))
        #expect(result.stderr.contains("Read ur:coldcredits-bundle"))
        let answer = try CompactSignedTransaction(ur: QRImages.read(out, types: [CompactSignedTransaction.urType]))
        #expect(Hex.encode(answer.file.transaction.rawTransaction) == raw)
        InteropLog.record(rawTransaction: raw, expectedSender: QRImages.payer, label: "sign-qr-compact")
    }

    @Test("sign answers an ERC-4527 eth-sign-request with an eth-signature echoing the request id")
    func ethSignRequest() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundle = try QRImages.bundle(QRImages.sandbox)
        let request = EthSignRequest(bundle: bundle, derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0"))
        let paths = try QRImages.write(request.ur, into: dir.appendingPathComponent("in"))
        #expect(paths.count >= 2)
        let out = dir.appendingPathComponent("out")
        let result = try ToolRunner.runAttended(
            "sign", QRImages.imageArguments(paths.reversed()) + QRImages.keyArguments(dir) + ["--qr-png", out.path],
            answer: "d095")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("intent-87f63f2d7350a8512b9175c29e03e5e3"))
        #expect(result.stderr.contains("carries no charge"))
        #expect(result.stderr.contains("ur:eth-signature/"))
        let signature = try EthSignature(ur: QRImages.read(out, types: [EthSignature.urType]))
        #expect(signature.requestID == request.requestID)
        let file = try SignedTransactionFile(bundle: bundle, ethSignature: signature)
        let raw = Hex.encode(file.transaction.rawTransaction)
        #expect(raw == result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(raw == (try QRImages.signedExample("rawTransaction") as? String))
        InteropLog.record(rawTransaction: raw, expectedSender: QRImages.payer, label: "sign-qr-erc4527")
    }

    @Test("a signed fee ladder goes back as QR frames and every rung decodes")
    func feeLadderOverQR() throws {
        let dir = try SignCommandTests.workspace(allowUnattended: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = try QRImages.write(
            CompactBundle(bundle: QRImages.bundle(QRImages.sandbox)).ur, into: dir.appendingPathComponent("in"))
        let out = dir.appendingPathComponent("out")
        let signedFile = dir.appendingPathComponent("signed.json").path
        let result = try ToolRunner.run(
            "sign",
            QRImages.imageArguments(paths) + QRImages.keyArguments(dir)
                + ["--yes", "--out", signedFile, "--fee-ladder", "2", "--qr-png", out.path, "--qr-max-version", "12"])
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try CompactSignedTransaction(ur: QRImages.read(out, types: [CompactSignedTransaction.urType])).file
        let written = try SignedTransactionFile(jsonData: Data(contentsOf: URL(fileURLWithPath: signedFile)))
        #expect(answer.canonicalJSON() == written.canonicalJSON())
        #expect(answer.feeLadder.count == 2)
        for tx in answer.allTransactions {
            InteropLog.record(
                rawTransaction: Hex.encode(tx.rawTransaction), expectedSender: QRImages.payer, label: "sign-qr-ladder")
        }
    }

    @Test("sample A from a QR image reaches the verifier, which refuses another payer's bundle (exit 65)")
    func sampleAIsDecodedAndVerified() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = try QRImages.write(
            CompactBundle(bundle: QRImages.bundle(QRImages.sampleA)).ur, into: dir.appendingPathComponent("in"))
        #expect(paths.count == 1)
        let result = try ToolRunner.run("sign", QRImages.imageArguments(paths) + QRImages.keyArguments(dir) + ["--json"])
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 65)
        #expect(result.stderr.contains("Read ur:coldcredits-bundle"))
        let error = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        let kind = (error?["error"] as? [String: Any])?["kind"] as? String ?? ""
        #expect(!kind.hasPrefix("qr") && !kind.isEmpty, "\(kind)")
    }

    @Test("a frame from another message is refused with exit 65 and the file named")
    func foreignFrame() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let density = QRDensity(maxFragmentLength: 120)
        let sandbox = try QRImages.write(
            CompactBundle(bundle: QRImages.bundle(QRImages.sandbox)).ur, density: density, into: dir.appendingPathComponent("a"))
        let other = try QRImages.write(
            CompactBundle(bundle: QRImages.bundle(QRImages.sampleA)).ur, density: density, into: dir.appendingPathComponent("b"))
        let result = try ToolRunner.run(
            "sign", QRImages.imageArguments([sandbox[0], other[1]]) + QRImages.keyArguments(dir) + ["--json"])
        try ResultLog.record(result, schema: "error")
        #expect(result.status == 65)
        #expect(result.stderr.contains(other[1]))
        let error = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        #expect((error?["error"] as? [String: Any])?["kind"] as? String == "qrFrameFromAnotherMessage")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ledger.jsonl").path))
    }

    @Test("too few frames: exit 65 with honest progress")
    func incompleteFrames() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ur = try CompactBundle(bundle: QRImages.bundle(QRImages.sandbox)).ur
        let frames = try QRFrames(ur: ur, density: QRDensity(maxFragmentLength: 120))
        let paths = try QRImages.write(ur, density: QRDensity(maxFragmentLength: 120), into: dir.appendingPathComponent("in"))
        let result = try ToolRunner.run("sign", QRImages.imageArguments([paths[0], paths[0]]) + QRImages.keyArguments(dir))
        #expect(result.status == 65)
        #expect(result.stderr.contains("frames 1/\(frames.sequenceLength) needed, 2 read, 1 duplicate"))
    }

    @Test("bad source combinations are usage errors; a missing camera or image is missing input")
    func sourceErrors() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let keys = QRImages.keyArguments(dir)
        let both = try ToolRunner.run("sign", [SignCommandTests.example, "--qr-image", "x.png"] + keys)
        #expect(both.status == 64)
        #expect(try ToolRunner.run("sign", keys).status == 64)
        let camera = try ToolRunner.run("sign", ["--camera", dir.appendingPathComponent("no-video").path] + keys)
        #expect(camera.status == 66, "\(camera.stderr)")
        let image = try ToolRunner.run("sign", ["--qr-image", dir.appendingPathComponent("none.png").path] + keys)
        #expect(image.status == 66)
    }

    @Test("existing frames in --qr-png are kept without --force, and nothing is signed")
    func existingFramesAreKept() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: out.appendingPathComponent("frame-001.png"))
        let result = try ToolRunner.runAttended(
            "sign", [SignCommandTests.example] + QRImages.keyArguments(dir) + ["--qr-png", out.path],
            answer: "d095")
        #expect(result.status == 73)
        #expect(result.stdout.isEmpty)
        #expect(try Data(contentsOf: out.appendingPathComponent("frame-001.png")) == Data("keep".utf8))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("ledger.jsonl").path))
    }
}
