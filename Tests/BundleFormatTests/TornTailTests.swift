import BundleFormat
import Foundation
import Testing

/// The torn-tail recovery: only an unterminated or unparsable last line goes, and only when the rest is valid.
@Suite struct TornTailTests {
    /// A toy record format: every line is `ok<digits>`.
    static func lineParses(_ line: [UInt8]) -> Bool {
        let text = String(decoding: line, as: UTF8.self)
        return text.hasPrefix("ok") && text.count > 2 && text.dropFirst(2).allSatisfy(\.isNumber)
    }

    static func isValid(_ contents: [UInt8]) -> Bool {
        contents.split(separator: 0x0a, omittingEmptySubsequences: true).allSatisfy { lineParses(Array($0)) }
    }

    static func plan(_ text: String) -> TornTail.Plan? {
        TornTail.plan(Array(text.utf8), isValid: isValid, lineParses: lineParses)
    }

    @Test("intact files, torn tails, and damage that is more than a torn tail")
    func plans() {
        #expect(Self.plan("") == .intact)
        #expect(Self.plan("ok1\nok2\n") == .intact)
        #expect(Self.plan("ok1\nok2\nok") == .drop(keep: 8), "unterminated remnant")
        #expect(Self.plan("ok1\nok2\n{\"x\n") == .drop(keep: 8), "terminated but unparsable")
        #expect(Self.plan("o") == .drop(keep: 0))
        #expect(Self.plan("ok1\nbad\nok") == nil, "damage before the last line")
        #expect(Self.plan("bad\nok1\n") == nil, "a well-formed last line is never dropped")
    }

    @Test("repair keeps the prefix, saves the dropped bytes 0600 beside the file, and refuses more")
    func repairFile() throws {
        let path = NSTemporaryDirectory() + "torn-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("ok1\nok2\nok3-tor".utf8).write(to: URL(fileURLWithPath: path))
        let repaired = try #require(
            try TornTail.repair(
                path, what: "log", cap: 1 << 20, now: 1_700_000_000, isValid: Self.isValid, lineParses: Self.lineParses))
        defer { try? FileManager.default.removeItem(atPath: repaired.sidecar) }
        #expect(repaired.kept == 8)
        #expect(repaired.dropped == Array("ok3-tor".utf8))
        #expect(repaired.sidecar == path + ".dropped-20231114T221320Z")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "ok1\nok2\n")
        #expect(try String(contentsOfFile: repaired.sidecar, encoding: .utf8) == "ok3-tor")
        #expect(try FileManager.default.attributesOfItem(atPath: repaired.sidecar)[.posixPermissions] as? Int == 0o600)
        #expect(
            try TornTail.repair(
                path, what: "log", cap: 1 << 20, now: 1_700_000_000, isValid: Self.isValid, lineParses: Self.lineParses)
                == nil)
        try Data("xx\nok2\nok".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: TornTail.Refused.self) {
            try TornTail.repair(
                path, what: "log", cap: 1 << 20, now: 1_700_000_000, isValid: Self.isValid, lineParses: Self.lineParses)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "xx\nok2\nok")
    }
}
