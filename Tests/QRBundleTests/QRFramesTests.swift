import BundleFormat
import Foundation
import QRBundle
import QRTransport
import TestSupport
import Testing

/// Frames written as PNG files and read back through zbar: every `formats/` example, any order, repeats and
/// losses, foreign frames, density bounds and the terminal rendering.
@Suite struct QRFramesTests {
    /// Every UR the tools put on screen for the examples: compact bundle and ERC-4527 request per unsigned
    /// example, compact signed transaction per signed example.
    static func resources() throws -> [(String, UR)] {
        let path = try CryptoKeypath(path: "m/44'/60'/0'/0/0")
        var resources: [(String, UR)] = []
        for name in Examples.unsignedNames {
            let bundle = try Examples.unsigned(name)
            resources.append(("\(name) compact", try CompactBundle(bundle: bundle).ur))
            resources.append(("\(name) erc4527", EthSignRequest(bundle: bundle, derivationPath: path).ur))
        }
        for name in Examples.signedNames {
            resources.append(("\(name) signed", try CompactSignedTransaction(file: Examples.signed(name)).ur))
        }
        return resources
    }

    static func scratch() throws -> String {
        let url = try ToolRunner.temporaryDirectory()
        return url.path
    }

    @Test("PNG → zbar → UR returns exactly the bytes, for every example in every form")
    func pngRoundTrip() throws {
        let resources = try Self.resources()
        #expect(resources.count == 2 * Examples.unsignedNames.count + Examples.signedNames.count)
        for (label, ur) in resources {
            let directory = try Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let frames = try QRFrames(ur: ur, density: QRDensity())
            let paths = try QROutput.writePNGs(frames, directory: directory, pixelsPerModule: 3, overwrite: false)
            var collector = QRFrameCollector(acceptedTypes: [ur.type])
            var lines: [String] = []
            // Reversed order: the reader must not depend on the sequence.
            let decoded = try QRScan.images(paths.reversed(), into: &collector) { lines.append($0) }
            #expect(decoded == ur, "\(label)")
            #expect(
                lines.last?.contains("frames \(frames.sequenceLength)/\(frames.sequenceLength) needed") == true,
                "\(label): \(lines)")
            let versions = try frames.frames(count: frames.stillFrameCount).map(\.matrix.version)
            print(
                "measured \(label): \(ur.cbor.count) bytes, \(frames.sequenceLength) frame(s), "
                    + "max version \(versions.max() ?? 0)-L"
            )
        }
    }

    @Test("any order, repeats and one lost frame: the fountain frames make up for it")
    func toleratesLossAndRepeats() throws {
        let bundle = try Examples.unsigned("sample-a-base.json")
        let ur = EthSignRequest(bundle: bundle, derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0")).ur
        let frames = try QRFrames(ur: ur, density: QRDensity(maxVersion: 8))
        #expect(frames.sequenceLength >= 3)
        let texts = try frames.frames(count: frames.sequenceLength * 3).map(\.text)
        var collector = QRFrameCollector(acceptedTypes: [EthSignRequest.urType])
        // Drop frame 1, show frame 2 twice, then take fountain frames in reverse until complete.
        var stream = Array(texts[1..<frames.sequenceLength]) + [texts[1]] + texts[frames.sequenceLength...].reversed()
        while collector.result == nil, !stream.isEmpty {
            try collector.add(Array(stream.removeFirst().utf8), source: "test")
        }
        #expect(collector.result == ur)
        #expect(collector.duplicateCount >= 1)
        let (held, needed) = collector.fragments
        #expect(held == needed)
        #expect(collector.progressLine.hasPrefix("frames \(needed)/\(needed) needed, \(collector.readCount) read"))
    }

    @Test("a frame from another message is refused and does not disturb the one in progress")
    func refusesForeignFrame() throws {
        let path = try CryptoKeypath(path: "m/44'/60'/0'/0/0")
        let first = EthSignRequest(bundle: try Examples.unsigned("sample-a-base.json"), derivationPath: path).ur
        let second = EthSignRequest(bundle: try Examples.unsigned("sandbox-polygon.json"), derivationPath: path).ur
        let density = QRDensity(maxFragmentLength: 200)
        let a = try QRFrames(ur: first, density: density).frames(count: 10).map(\.text)
        let b = try QRFrames(ur: second, density: density).frames(count: 1).map(\.text)
        var collector = QRFrameCollector(acceptedTypes: [EthSignRequest.urType])
        try collector.add(Array(a[0].utf8), source: "a1")
        #expect {
            try collector.add(Array(b[0].utf8), source: "b1")
        } throws: { error in
            guard case .frameFromAnotherMessage(let source, _) = error as? QRBundleError else { return false }
            return source == "b1"
        }
        for text in a.dropFirst() where collector.result == nil { try collector.add(Array(text.utf8), source: "a") }
        #expect(collector.result == first)
        #expect(collector.foreignCount == 1)
        #expect(collector.progressLine.contains("1 from another code"))
    }

    @Test("a UR of a type the step does not read is refused by name")
    func refusesOtherType() throws {
        let ur = try CompactBundle(bundle: Examples.unsigned("sample-a-base.json")).ur
        var collector = QRFrameCollector(acceptedTypes: [CompactSignedTransaction.urType])
        #expect(throws: QRBundleError.unexpectedType(expected: ["coldcredits-signed"], found: "coldcredits-bundle")) {
            try collector.add(Array(ur.string.uppercased().utf8), source: "x")
        }
    }

    @Test("too few frames: an honest incomplete error, not a guess")
    func incompleteIsReported() throws {
        let ur = EthSignRequest(
            bundle: try Examples.unsigned("sandbox-polygon.json"),
            derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0")
        ).ur
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let frames = try QRFrames(ur: ur, density: QRDensity(maxFragmentLength: 150))
        let paths = try QROutput.writePNGs(frames, directory: directory, pixelsPerModule: 3, overwrite: false)
        var collector = QRFrameCollector(acceptedTypes: [ur.type])
        #expect(throws: QRBundleError.incomplete(progress: "frames 1/\(frames.sequenceLength) needed, 1 read, 0 duplicates")) {
            try QRScan.images([paths[0]], into: &collector) { _ in }
        }
    }

    @Test("existing frame files are not overwritten without permission")
    func keepsExistingFiles() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let frames = try QRFrames(ur: UR(bytes: [1, 2, 3]), density: QRDensity())
        let paths = try QROutput.writePNGs(frames, directory: directory, pixelsPerModule: 2, overwrite: false)
        #expect(paths.map { ($0 as NSString).lastPathComponent } == ["frame-001.png"])
        #expect(throws: QRBundleError.outputExists(path: paths[0])) {
            try QROutput.writePNGs(frames, directory: directory, pixelsPerModule: 2, overwrite: false)
        }
    }

    @Test("every frame respects the version bound, at every error-correction level", arguments: QRErrorCorrection.allCases)
    func versionBound(level: QRErrorCorrection) throws {
        let ur = EthSignRequest(
            bundle: try Examples.unsigned("sandbox-polygon.json"),
            derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0")
        ).ur
        let frames = try QRFrames(ur: ur, density: QRDensity(errorCorrection: level, maxVersion: 10))
        let all = try frames.frames(count: frames.stillFrameCount * 2)
        #expect(all.allSatisfy { $0.matrix.version <= 10 && $0.matrix.errorCorrection == level })
        #expect(!frames.isSinglePart)
        #expect(throws: QRBundleError.self) {
            try QRFrames(ur: ur, density: QRDensity(errorCorrection: level, maxFragmentLength: 700, maxVersion: 10))
        }
    }

    @Test("terminal rendering: half blocks, one character per module, a 4-module quiet zone")
    func terminalRendering() throws {
        let frames = try QRFrames(ur: CompactBundle(bundle: Examples.unsigned("sample-a-base.json")).ur, density: QRDensity())
        let frame = try frames.frames(count: 1)[0]
        let lines = QRTerminal(interactive: false).render(frame).split(separator: "\n")
        let side = frame.matrix.size + 8
        #expect(lines.count == (side + 1) / 2)
        #expect(lines.allSatisfy { $0.count == side })
        #expect(lines[0].allSatisfy { $0 == "█" })  // the quiet zone, printed light on a dark terminal
        #expect(Set(lines.joined()).isSubset(of: ["█", "▀", "▄", " "]))
        var shown = ""
        try QRTerminal(interactive: false).show(frames) { shown += $0 }
        #expect(
            shown.contains("ur:coldcredits-bundle, \(frames.ur.cbor.count) bytes in 1 frame, version \(frame.matrix.version)-L"))
    }
}

extension QRFramesTests {
    @Test("a QR code that is not a UR frame is refused with the source named")
    func refusesNonURFrame() throws {
        var collector = QRFrameCollector(acceptedTypes: [CompactBundle.urType])
        #expect {
            try collector.add(Array("https://example.com".utf8), source: "photo.png")
        } throws: { error in
            guard case .invalidFrame(let source, _) = error as? QRBundleError else { return false }
            return source == "photo.png"
        }
        let text = try CompactBundle(bundle: Examples.unsigned("sample-a-base.json")).ur.string
        let corrupted = String(text.dropLast(2)) + (text.hasSuffix("ae") ? "ad" : "ae")  // breaks the CRC-32
        #expect {
            try collector.add(Array(corrupted.utf8), source: "a.png")
        } throws: { error in
            (error as? QRBundleError)?.kind == "qrInvalidFrame"
        }
    }
}

/// The terminal fit: the largest version whose drawing, quiet zone and footer fit.
@Suite struct QRTerminalFitUnitTests {
    @Test("80×24 takes version 4 (41 columns, 21 + 2 lines); 200×60 version 22; 28 columns none")
    func largestVersion() {
        #expect(QRTerminal.largestVersion(fittingColumns: 80, rows: 24) == 4)
        #expect(QRTerminal.largestVersion(fittingColumns: 200, rows: 60) == 22)
        #expect(QRTerminal.largestVersion(fittingColumns: 29, rows: 17) == 1)
        #expect(QRTerminal.largestVersion(fittingColumns: 28, rows: 100) == nil)
        #expect(QRTerminal.largestVersion(fittingColumns: 1000, rows: 1000) == 40)
    }
}
