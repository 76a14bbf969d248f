import BundleFormat
import EthereumPrimitives
import Foundation
import OfflineSigning
import Testing

/// The ledger is read by the strict JSON parser: a hand-edited line that could hide a conflict, or crash a
/// later run, is a clean error naming the line and the field — never a silently different entry.
@Suite struct LedgerStrictReaderTests {
    static let sender = "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"
    static let hash = "0x" + String(repeating: "ab", count: 32)

    /// A valid line with `replacing` spliced over the named field's `"key": value` text.
    static func line(_ members: [String: String] = [:], extra: String = "") -> String {
        var fields = [
            "chainId": "137", "chargeId": "\"charge-1\"", "nonce": "0", "sender": "\"\(sender)\"",
            "signedAt": "1800000000", "signingHash": "\"\(hash)\"", "usdUnits": "\"25000000\"",
        ]
        for (key, value) in members { fields[key] = value }
        let body = fields.keys.sorted().compactMap { key in fields[key].map { "\"\(key)\": \($0)" } }
        return "{" + (body + (extra.isEmpty ? [] : [extra])).joined(separator: ", ") + "}"
    }

    static func read(_ bytes: [UInt8]) throws -> SigningLedger {
        try SigningLedger(path: "ledger.jsonl", contents: bytes)
    }

    /// The line number and field of the refusal of `bytes` placed on line 2 after a good line.
    static func refusal(_ bytes: [UInt8]) -> (line: Int, field: String?)? {
        do {
            _ = try read(Array((line() + "\n").utf8) + bytes + [0x0a])
            return nil
        } catch let LedgerError.corrupt(_, line, field, _) {
            return (line, field)
        } catch {
            return nil
        }
    }

    @Test("a well-formed line reads; blank lines are skipped; the writer's line reads back identically")
    func validLines() throws {
        let ledger = try Self.read(Array((Self.line() + "\n\n" + Self.line(["chargeId": "\"c2\"", "nonce": "1"])).utf8))
        #expect(ledger.entries.map(\.nonce) == [0, 1])
        #expect(ledger.entries.first?.sender == (try Address(hex: Self.sender)))
    }

    @Test(
        "a hostile or damaged line is refused naming line and field",
        arguments: [
            ("duplicate nonce hiding a conflict", line(extra: "\"nonce\": 5"), nil as String?),
            ("boolean for a number", line(["nonce": "true"]), "nonce"),
            ("fraction", line(["nonce": "1.5"]), "nonce"),
            ("exponent", line(["signedAt": "1e9"]), "signedAt"),
            ("negative", line(["chainId": "-137"]), "chainId"),
            ("huge", line(["nonce": "18446744073709551616"]), "nonce"),
            ("huge with many digits", line(["signedAt": String(repeating: "9", count: 400)]), "signedAt"),
            ("number where a string belongs", line(["usdUnits": "25000000"]), "usdUnits"),
            ("fractional usd", line(["usdUnits": "\"25.5\""]), "usdUnits"),
            ("unknown key", line(extra: "\"note\": \"x\""), "note"),
            ("bad address", line(["sender": "\"0x1234\""]), "sender"),
            ("bad hash", line(["signingHash": "\"0xzz\""]), "signingHash"),
            ("control character in charge id", line(["chargeId": "\"a\\u001bb\""]), "chargeId"),
            ("not an object", "[1, 2]", nil),
            ("not JSON", "nonce=5", nil),
        ] as [(String, String, String?)])
    func refused(name: String, text: String, field: String?) {
        let found = Self.refusal(Array(text.utf8))
        #expect(found?.line == 2, "\(name): \(String(describing: found))")
        if let field { #expect(found?.field == field, "\(name)") }
    }

    @Test("the missing field is named")
    func missingField() {
        var text = Self.line()
        text = text.replacingOccurrences(of: "\"signingHash\": \"\(Self.hash)\", ", with: "")
        #expect(Self.refusal(Array(text.utf8))?.field == "signingHash")
    }

    @Test("invalid UTF-8 inside a string is refused, not replaced")
    func invalidUTF8() {
        var bytes = Array(Self.line().utf8)
        guard let index = bytes.firstIndex(of: UInt8(ascii: "c")) else {
            Issue.record("the ledger line holds no 'c' to corrupt")
            return
        }
        bytes[index] = 0xff
        #expect(Self.refusal(bytes)?.line == 2)
    }

    @Test("a ledger over its size cap is refused from its size, before reading")
    func oversizedLedger() throws {
        let path = NSTemporaryDirectory() + "ledger-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        let started = Date()
        #expect(throws: LedgerError.inputTooLarge(path: path, size: 200 << 20, cap: InputLimit.log)) {
            _ = try SigningLedger(path: path)
        }
        #expect(throws: LedgerError.inputTooLarge(path: path, size: 200 << 20, cap: InputLimit.log)) {
            try SigningLedger.transaction(at: path) { _ in ((), nil) }
        }
        #expect(Date().timeIntervalSince(started) < 1)
    }
}
