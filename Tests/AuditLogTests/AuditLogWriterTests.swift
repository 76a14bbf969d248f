import AuditLog
import EthereumPrimitives
import Foundation
import Testing

/// Appending: chaining, durability settings, refusing secrets and broken logs, concurrent writers.
@Suite struct AuditLogWriterTests {
    static func event(_ kind: AuditEvent.Kind, _ details: [String: String] = [:]) -> AuditEvent {
        AuditEvent(
            time: 1_740_806_400, tool: .sign, kind: kind, fingerprint: LogFactory.fingerprint,
            chargeID: "c1", details: details)
    }

    @Test("appends chained entries and returns the new head")
    func appendsChainedEntries() throws {
        let path = try LogFactory.temporaryDirectory().appendingPathComponent("logs/sign.log").path
        var heads: [Hash32] = []
        for kind in [AuditEvent.Kind.reviewed, .approved, .signed] {
            heads.append(try AuditLogWriter.append(Self.event(kind), to: path).hash)
        }
        let report = try AuditLogVerifier.verify(path: path)
        #expect(report.isIntact)
        #expect(report.records.map(\.entry.sequence) == [1, 2, 3])
        #expect(report.records.map(\.entry.hash) == heads)
        #expect(report.records.map(\.entry.previousHash) == [AuditEntry.genesisHash, heads[0], heads[1]])
        #expect(report.head == heads[2])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test(
        "refuses details that look like secrets, writing nothing",
        arguments: [
            ("password", "hunter2"), ("privateKey", "0x4646"), ("private_key", "x"), ("Mnemonic", "abandon abandon"),
            ("seedPhrase", "x"), ("OPENROUTER_API_KEY", "x"), ("keystorePassphrase", "x"), ("xprv", "x"),
            ("note", "sk-or-v1-0123456789abcdef"), ("extendedKey", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4"),
            ("header", "Bearer abc"), ("pem", "-----BEGIN EC PRIVATE KEY-----"),
        ])
    func refusesSecrets(key: String, value: String) throws {
        let path = try LogFactory.temporaryDirectory().appendingPathComponent("sign.log").path
        #expect(throws: AuditLogError.self) { try AuditLogWriter.append(Self.event(.signed, [key: value]), to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("accepts the ordinary details of every tool")
    func acceptsOrdinaryDetails() throws {
        let path = try LogFactory.temporaryDirectory().appendingPathComponent("sign.log").path
        let details = [
            AuditDetail.signingHash: "0x" + String(repeating: "ab", count: 32), AuditDetail.transactionHash: "0x01",
            AuditDetail.reason: "intent expired 3 min ago", AuditDetail.approvers: "0xA,0xB",
            AuditDetail.blockNumber: "123", "keystoreAddress": "0x46", "rawTransactionBytes": "211",
        ]
        try AuditLogWriter.append(Self.event(.signed, details), to: path)
        #expect(try AuditLogVerifier.verify(path: path).records.first?.entry.event.details == details)
    }

    @Test(
        "refuses a fingerprint that is not four groups of four hex digits",
        arguments: ["", "d095-76c1-302c", "D095-76C1-302C-AFD8", "d095-76c1-302c-afdg", "d095 76c1 302c afd8"])
    func refusesBadFingerprint(fingerprint: String) throws {
        let path = try LogFactory.temporaryDirectory().appendingPathComponent("sign.log").path
        let event = AuditEvent(time: 1, tool: .sign, kind: .reviewed, fingerprint: fingerprint, chargeID: nil)
        #expect(throws: AuditLogError.invalidFingerprint(fingerprint)) { try AuditLogWriter.append(event, to: path) }
    }

    @Test("refuses to append to a log that does not verify")
    func refusesBrokenLog() throws {
        let path = try LogFactory.temporaryDirectory().appendingPathComponent("sign.log").path
        let entries = LogFactory.entries(3)
        var lines = LogFactory.lines(entries)
        lines[1] = LogFactory.edited(entries[1]).line
        try Data(LogFactory.contents(lines)).write(to: URL(fileURLWithPath: path))
        #expect(throws: AuditLogError.logDoesNotVerify(path: path, findings: [.edited(line: 2, sequence: 2)])) {
            try AuditLogWriter.append(Self.event(.signed), to: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(LogFactory.contents(lines)))
    }

    @Test("a cut-short last line blocks appending until it is discarded")
    func incompleteTailRecovery() throws {
        let path = try LogFactory.temporaryDirectory().appendingPathComponent("sign.log").path
        try AuditLogWriter.append(Self.event(.reviewed), to: path)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"chargeId\":\"c".utf8))
        try handle.close()
        #expect(throws: AuditLogError.self) { try AuditLogWriter.append(Self.event(.signed), to: path) }
        #expect(try AuditLogWriter.discardIncompleteTail(of: path) == 14)
        #expect(try AuditLogWriter.discardIncompleteTail(of: path) == 0)
        #expect(try AuditLogWriter.append(Self.event(.signed), to: path).sequence == 2)
        #expect(try AuditLogVerifier.verify(path: path).isIntact)
    }

    @Test("concurrent writers interleave whole entries and keep the chain")
    func concurrentAppends() async throws {
        let path = try LogFactory.temporaryDirectory().appendingPathComponent("shared.log").path
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in 0..<10 {
                        try AuditLogWriter.append(
                            Self.event(.sent, ["writer": "\(writer)", "n": "\(index)"]), to: path)
                    }
                }
            }
            try await group.waitForAll()
        }
        let report = try AuditLogVerifier.verify(path: path)
        #expect(report.isIntact)
        #expect(report.records.count == 40)
    }

    @Test("a missing log is a read error, not an empty log")
    func missingLogIsAnError() throws {
        let path = try LogFactory.temporaryDirectory().appendingPathComponent("none.log").path
        #expect(throws: AuditLogError.self) { try AuditLogVerifier.verify(path: path) }
    }
}
