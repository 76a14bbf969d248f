import AuditLog
import BundleFormat
import EthereumPrimitives
import TestSupport
import Foundation
import Testing

/// Merging the online and offline logs into one timeline per purchase, and the cross-machine checks.
@Suite struct AuditTimelineTests {
    static let signingHash = Keccak256.hash(Array("purchase one".utf8))
    static let fingerprint = Fingerprint(signingHash).description
    static let otherHash = Keccak256.hash(Array("purchase two".utf8))
    static let txHash = Keccak256.hash(Array("raw one".utf8)).hex
    static let rungHash = Keccak256.hash(Array("raw one, rung 1".utf8)).hex

    /// A log named `source` holding `events` in order.
    static func log(_ source: String, _ events: [AuditEvent]) -> AuditLogReport {
        var previous = AuditEntry.genesisHash
        var contents: [UInt8] = []
        for (index, event) in events.enumerated() {
            let entry = AuditEntry(event: event, sequence: UInt64(index + 1), previousHash: previous)
            contents += entry.line + [0x0a]
            previous = entry.hash
        }
        return AuditLogVerifier.verify(contents: contents, source: source)
    }

    static func event(
        _ time: UInt64, _ tool: AuditEvent.Tool, _ kind: AuditEvent.Kind, fingerprint: String? = fingerprint,
        charge: String = "c1", _ details: [String: String] = [:]
    ) -> AuditEvent {
        AuditEvent(time: time, tool: tool, kind: kind, fingerprint: fingerprint, chargeID: charge, details: details)
    }

    /// One purchase seen by both machines; `mined` is the hash the chain reported.
    static func logs(signedHash: Hash32 = signingHash, approvedHash: Hash32 = signingHash, mined: String = txHash)
        -> [AuditLogReport]
    {
        let online = log(
            "online.log",
            [
                event(100, .prepare, .prepared, [AuditDetail.signingHash: signingHash.hex]),
                event(400, .broadcast, .sent, [AuditDetail.transactionHash: txHash]),
                event(460, .broadcast, .mined, [AuditDetail.transactionHash: mined, AuditDetail.blockNumber: "99"]),
                event(500, .broadcast, .credited),
            ])
        let offline = log(
            "offline.log",
            [
                event(200, .sign, .reviewed, [AuditDetail.signingHash: signingHash.hex]),
                event(
                    210, .sign, .approved,
                    [AuditDetail.signingHash: approvedHash.hex, AuditDetail.approvers: "0xA,0xB"]),
                event(
                    220, .sign, .signed,
                    [
                        AuditDetail.signingHash: signedHash.hex, AuditDetail.transactionHash: txHash,
                        AuditDetail.ladderTransactionHashes: rungHash,
                    ]),
            ])
        return [online, offline]
    }

    @Test("merges both machines' logs into one ordered timeline that proves the mined transaction was signed")
    func mergesAndProves() throws {
        let timelines = AuditTimeline.merge(Self.logs())
        #expect(timelines.count == 1)
        let timeline = try #require(timelines.first)
        #expect(
            timeline.records.map(\.entry.event.kind) == [
                .prepared, .reviewed, .approved, .signed, .sent, .mined, .credited,
            ])
        #expect(
            timeline.records.map(\.source) == ["online.log"] + Array(repeating: "offline.log", count: 3)
                + Array(repeating: "online.log", count: 3))
        #expect(timeline.isConsistent)
        #expect(timeline.includedTransactionIsSigned)
        #expect(timeline.signingHash == Self.signingHash.hex)
        #expect(timeline.lines.last?.contains("byte-identical") == true)
    }

    @Test("a fee-ladder replacement that was signed counts as signed")
    func ladderRungAccepted() {
        #expect(AuditTimeline.merge(Self.logs(mined: Self.rungHash)).first?.includedTransactionIsSigned == true)
    }

    @Test("a mined transaction sign never signed is named")
    func foreignTransactionFound() throws {
        let foreign = Keccak256.hash(Array("someone else's".utf8)).hex
        let timeline = try #require(AuditTimeline.merge(Self.logs(mined: foreign)).first)
        #expect(
            timeline.findings == [
                .transactionNotSigned(source: "online.log", line: 3, kind: .mined, transactionHash: foreign)
            ])
        #expect(!timeline.includedTransactionIsSigned)
    }

    @Test("an approval of another signing hash is named")
    func approvedHashMismatchFound() throws {
        let timeline = try #require(AuditTimeline.merge(Self.logs(approvedHash: Self.otherHash)).first)
        #expect(timeline.findings.map(\.kind) == ["signingHashMismatch", "fingerprintMismatch"])
        #expect(
            timeline.findings.first
                == .signingHashMismatch(
                    source: "offline.log", line: 2, kind: .approved,
                    expected: Self.signingHash.hex, found: Self.otherHash.hex))
        #expect(!timeline.includedTransactionIsSigned)
    }

    @Test("a signed hash differing from what was prepared and approved is named at each of those events")
    func signedHashMismatchFound() throws {
        let timeline = try #require(AuditTimeline.merge(Self.logs(signedHash: Self.otherHash)).first)
        let mismatched = timeline.findings.compactMap { finding -> Int? in
            if case .signingHashMismatch(_, let line, _, _, _) = finding { return line }
            return nil
        }
        #expect(mismatched == [1, 1, 2])  // online prepared; offline reviewed, approved
    }

    @Test("another charge id under the same fingerprint is named")
    func chargeMismatchFound() throws {
        var logs = Self.logs()
        logs.append(Self.log("extra.log", [Self.event(470, .broadcast, .sent, charge: "c2")]))
        let timeline = try #require(AuditTimeline.merge(logs).first)
        #expect(timeline.findings == [.chargeIDMismatch(source: "extra.log", line: 1, expected: "c1", found: "c2")])
    }

    @Test("the online log alone is consistent but proves nothing about signing")
    func onlineAloneNotProven() throws {
        let timeline = try #require(AuditTimeline.merge([Self.logs()[0]]).first)
        #expect(timeline.isConsistent)
        #expect(!timeline.includedTransactionIsSigned)
    }

    @Test("purchases are separated by fingerprint; events without one come last")
    func separatesPurchases() throws {
        let second = Fingerprint(Self.otherHash).description
        let log = Self.log(
            "mixed.log",
            [
                Self.event(50, .prepare, .refused, fingerprint: nil, [AuditDetail.reason: "charge file unreadable"]),
                Self.event(
                    300, .prepare, .prepared, fingerprint: second, charge: "c2",
                    [AuditDetail.signingHash: Self.otherHash.hex]),
            ])
        let timelines = AuditTimeline.merge(Self.logs() + [log])
        #expect(timelines.map(\.fingerprint) == [Self.fingerprint, second, nil])
        #expect(timelines.allSatisfy { $0.isConsistent })
    }

    @Test("each log keeps its own order even when its clock steps back; ties follow the pipeline")
    func orderingRules() throws {
        let online = Self.log("on", [Self.event(100, .broadcast, .sent), Self.event(90, .broadcast, .mined)])
        let offline = Self.log("off", [Self.event(100, .sign, .signed)])
        let timeline = try #require(AuditTimeline.merge([online, offline]).first)
        #expect(timeline.records.map(\.entry.event.kind) == [.signed, .sent, .mined])
    }

    @Test("the formats/audit-log example session, written in Python, proves its mined transaction was signed")
    func exampleSessionProves() throws {
        let contents = try Fixtures.repositoryFile("formats/audit-log/v1/examples/session.jsonl")
        let report = AuditLogVerifier.verify(contents: Array(contents), source: "session.jsonl")
        #expect(report.isIntact)
        let timelines = AuditTimeline.merge([report])
        #expect(timelines.map(\.fingerprint) == ["d095-76c1-302c-afd8", "0000-1111-2222-3333", nil])
        let purchase = try #require(timelines.first)
        #expect(purchase.isConsistent)
        #expect(purchase.includedTransactionIsSigned)
        #expect(
            purchase.records.map(\.entry.event.kind) == [
                .prepared, .reviewed, .approved, .signed, .sent, .mined, .credited,
            ])
    }

    @Test("the JSON form carries the events in order and the verdict")
    func jsonFields() throws {
        let timeline = try #require(AuditTimeline.merge(Self.logs()).first)
        let data = timeline.fields.canonicalDocument
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["includedTransactionIsSigned"] as? Bool == true)
        #expect(
            (object["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
                == ["prepared", "reviewed", "approved", "signed", "sent", "mined", "credited"])
        #expect(object["fingerprint"] as? String == Self.fingerprint)
    }
}
