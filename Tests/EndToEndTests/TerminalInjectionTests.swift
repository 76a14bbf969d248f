import Foundation
import QRBundle
import QRTransport
import TestSupport
import Testing

/// Hostile strings in every field that can reach the screen, through the built tools (at a pseudo-terminal
/// where one is used): no control byte but the newline, no DEL, C1, bidi or invisible format character comes out.
@Suite(.serialized) struct TerminalInjectionTests {
    /// Label and string; each is placed inside a field.
    static let hostile: [(String, String)] = [
        ("clear+home", "\u{1b}[2J\u{1b}[H"), ("OSC title", "\u{1b}]0;x\u{07}"), ("CR", "\r"), ("LF", "\n"), ("TAB", "\t"),
        ("DEL", "\u{7f}"), ("C1 CSI", "\u{9b}2J"), ("RLO", "\u{202e}"), ("LRI", "\u{2066}"), ("ZWSP", "\u{200b}"),
        ("ZWJ", "\u{200d}"), ("BOM", "\u{feff}"), ("LS", "\u{2028}"), ("tags", "\u{e0041}\u{e007f}"),
    ]

    /// Every unsafe thing found in `data`: bytes below 0x20 except 0x0a, 0x7f, then C1, bidi, format and invisible
    /// scalars (judged here independently of the tools' own escaper).
    static func unsafe(_ data: Data) -> [String] {
        var found = data.filter { ($0 < 0x20 && $0 != 0x0a) || $0 == 0x7f }.map { "byte 0x\(String($0, radix: 16))" }
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            let category = scalar.properties.generalCategory
            if (0x80...0x9f).contains(value) || category == .format || category == .lineSeparator
                || category == .paragraphSeparator || scalar.properties.isBidiControl
                || [0x034f, 0x115f, 0x1160, 0x3164, 0xffa0].contains(value) || (0xfe00...0xfe0f).contains(value)
                || (0xe0000...0xe01ef).contains(value)
            {
                found.append("U+\(String(value, radix: 16))")
            }
        }
        return found
    }

    /// Expects nothing unsafe in anything `result` wrote.
    static func expectClean(_ result: ToolRunner.Result, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let everything = result.stdout + Data(result.stderr.utf8) + result.terminal
        #expect(unsafe(everything).isEmpty, "\(label): \(unsafe(everything)) in \(result.stderr)", sourceLocation: sourceLocation)
    }

    /// The example bundle with `charge.id` replaced.
    static func bundle(chargeID: String) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: SignCommandTests.example))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var charge = try #require(object["charge"] as? [String: Any])
        charge["id"] = chargeID
        object["charge"] = charge
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("a hostile charge id in bundle JSON is refused (65, invalidChargeID), shown escaped, at a terminal")
    func chargeIDInBundle() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (label, text) in Self.hostile {
            let path = dir.appendingPathComponent("bundle.json")
            try Self.bundle(chargeID: "ch_" + text + "$25").write(to: path)
            let result = try ToolRunner.runAttended(
                "sign", SignCommandTests.signArguments(dir, bundle: path.path), answer: "d095")
            #expect(result.status == 65, "\(label): \(result.stderr)")
            #expect(result.stderr.contains("charge.id: charge id \"ch_"), "\(label)")
            Self.expectClean(result, label)
            let json = try ToolRunner.run("sign", SignCommandTests.signArguments(dir, bundle: path.path) + ["--json"])
            let error = (try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])?["error"] as? [String: Any]
            #expect(error?["kind"] as? String == "invalidChargeID", "\(label)")
        }
        let path = dir.appendingPathComponent("bundle.json")
        try Self.bundle(chargeID: "ch_\u{1b}[2J").write(to: path)
        let shown = try ToolRunner.run("sign", SignCommandTests.signArguments(dir, bundle: path.path))
        #expect(shown.stderr.contains("ch_\\x1b[2J"))
    }

    @Test("a hostile charge id in the compact QR form is refused and shown escaped")
    func chargeIDInCompactQR() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ur = try CompactBundle(bundle: QRImages.bundle(QRImages.sandbox)).ur
        let original = Array("sandbox-polygon-example".utf8)
        let at = try #require(ur.cbor.indices.first { ur.cbor[$0...].starts(with: original) })
        for (index, (label, text)) in Self.hostile.enumerated() {
            var replacement = Array(("c" + text).utf8)
            replacement += Array(repeating: UInt8(ascii: "x"), count: max(0, original.count - replacement.count))
            #expect(replacement.count == original.count, "\(label) too long for the test")
            var cbor = ur.cbor
            cbor.replaceSubrange(at..<(at + original.count), with: replacement)
            let hostileUR = try UR(type: ur.type, cbor: cbor)
            let paths = try QRImages.write(hostileUR, into: dir.appendingPathComponent("in-\(index)"))
            let result = try ToolRunner.runAttended(
                "sign", QRImages.imageArguments(paths) + QRImages.keyArguments(dir), answer: "d095")
            #expect(result.status == 65, "\(label): \(result.stderr)")
            #expect(result.stderr.contains("invalid") || result.stderr.contains("refused"), "\(label): \(result.stderr)")
            Self.expectClean(result, label)
        }
    }

    @Test("hostile file names and options on the command line come out escaped")
    func fileNamesAndOptions() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (label, text) in Self.hostile {
            let name = dir.appendingPathComponent("bundle" + text + ".json").path
            let runs = [
                try ToolRunner.runAttended("sign", SignCommandTests.signArguments(dir, bundle: name), answer: "d095"),
                try ToolRunner.run("sign", SignCommandTests.signArguments(dir) + ["--policy", name]),
                try ToolRunner.run("sign", ["audit", "verify", name]),
                try ToolRunner.run("broadcast", [name]),
                try ToolRunner.run("sign", ["--unknown" + text]),
                try ToolRunner.run("prepare", ["--chain", "base" + text]),
            ]
            for result in runs {
                #expect(result.status != 0, "\(label)")
                Self.expectClean(result, label)
            }
        }
    }

    @Test("hostile policy file contents come out escaped")
    func policyContents() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let policyPath = dir.appendingPathComponent("policy.json")
        let policy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: policyPath)) as? [String: Any])
        for (label, text) in Self.hostile {
            var withKey = policy
            withKey["x" + text] = 1
            var withValue = policy
            withValue["allowUnattended"] = "no" + text
            for variant in [withKey, withValue] {
                try JSONSerialization.data(withJSONObject: variant).write(to: policyPath)
                let result = try ToolRunner.runAttended("sign", SignCommandTests.signArguments(dir), answer: "d095")
                #expect(result.status == 65, "\(label): \(result.stderr)")
                Self.expectClean(result, label)
            }
            try Data(("{\"format\": \"coldcredits.policy\"" + text + "}").utf8).write(to: policyPath)
            Self.expectClean(try ToolRunner.run("sign", ["policy", "show", "--policy", policyPath.path]), label)
        }
    }

    @Test("hostile approvals file lines come out escaped")
    func approvalsLines() throws {
        let space = try ApprovalWorkspace()
        defer { space.remove() }
        for (label, text) in Self.hostile {
            let file = try space.write("0x12" + text + "34\n", to: "approvals.txt")
            let result = try ToolRunner.runAttended("sign", space.signArguments(approvals: [file]), answer: "d095")
            #expect(result.status != 0, "\(label)")
            Self.expectClean(result, label)
        }
    }

    @Test("hostile audit log entries come out escaped in audit timeline and audit verify")
    func auditEntries() throws {
        let dir = try ToolRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (label, text) in Self.hostile {
            let log = dir.appendingPathComponent("audit.jsonl").path
            let events = AuditTimelineCommandTests.broadcastEvents(
                sent: "0x" + String(repeating: "a", count: 64), mined: "0x" + String(repeating: "a", count: 64))
            var hostileEvents = events
            hostileEvents[0]["details"] = ["txHash": "0x" + String(repeating: "a", count: 64), "nodes": "https://x" + text]
            hostileEvents[1]["chargeId"] = "other" + text
            try AuditTimelineCommandTests.handMadeLog(hostileEvents, to: log)
            for arguments in [
                ["audit", "timeline", log], ["audit", "verify", log], ["audit", "timeline", "--fingerprint", "d095" + text, log],
            ] {
                let result = try ToolRunner.run("broadcast", arguments)
                Self.expectClean(result, "\(label) \(arguments[1])")
            }
            var text = try String(contentsOfFile: log, encoding: .utf8)
            text += "{\"junk\": \"" + "\u{1b}[2J\u{202e}" + "\"}\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: log))
            let verify = try ToolRunner.run("sign", ["audit", "verify", log])
            #expect(verify.status == 65, "\(label)")
            Self.expectClean(verify, "\(label) malformed line")
        }
    }
}
