import Approvals
import Foundation
import TestSupport
import Testing

/// formats/approvals/v1: every example is read (JSON ones re-encode byte-identically, as the independent
/// generator wrote them) and its signatures are eth-account's; every invalid case fails with its folder's kind.
@Suite struct ApprovalsFileTests {
    static let vectors = ApprovalVectors.shared

    static func files(_ relative: String) -> [String] {
        let root = Fixtures.formats.appendingPathComponent(relative)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") || $0.hasSuffix(".txt") }.sorted()
            .map { "\(relative)/\($0)" }
    }

    static func read(_ relative: String) throws -> Data {
        try Data(contentsOf: Fixtures.formats.appendingPathComponent(relative))
    }

    @Test("examples are read and their signatures recover the test keys", arguments: files("approvals/v1/examples"))
    func examplesAreRead(path: String) throws {
        let approvals = try ApprovalsFile.parse(try Self.read(path))
        let text = try Self.vectors.polygon.approvalText()
        let known = Set(Self.vectors.keys.values.map(\.address))
        for approval in approvals {
            let signer = try approval.recoverApprover(of: text)
            #expect(known.contains(signer), "\(path): \(signer)")
            if let claimed = approval.claimedApprover { #expect(claimed == signer) }
        }
    }

    @Test(
        "JSON examples re-encode byte-identically",
        arguments: files("approvals/v1/examples").filter { $0.hasSuffix(".json") })
    func jsonExamplesRoundTrip(path: String) throws {
        let data = try Self.read(path)
        #expect(ApprovalsFile.encode(try ApprovalsFile.parse(data)) == data)
    }

    @Test("cast-style lines: one signature per line, comments and blank lines skipped, no claims")
    func castLines() throws {
        let approvals = try ApprovalsFile.parse(try Self.read("approvals/v1/examples/cast-lines.txt"))
        #expect(approvals.count == 2)
        #expect(approvals.allSatisfy { $0.claimedApprover == nil })
        let report = ApprovalVerifier.evaluate(
            approvals, text: try Self.vectors.polygon.approvalText(), threshold: 2,
            approvers: Self.vectors.approvers)
        #expect(report.approved == [Self.vectors.address("A"), Self.vectors.address("C")])
    }

    @Test("the three-approver example meets a 2-of-3 quorum")
    func threeApproversMeetQuorum() throws {
        let approvals = try ApprovalsFile.parse(try Self.read("approvals/v1/examples/three-approvers.json"))
        let report = try ApprovalVerifier.verify(
            approvals, text: try Self.vectors.polygon.approvalText(), threshold: 2,
            approvers: Self.vectors.approvers)
        #expect(report.approved == Self.vectors.approvers)
    }

    @Test("invalid cases fail with their folder's kind", arguments: files("approvals/v1/invalid"))
    func invalidCasesFail(path: String) throws {
        let data = try Self.read(path)
        let kind = String(path.split(separator: "/").dropLast().last ?? "")
        do {
            let approvals = try ApprovalsFile.parse(data)
            Issue.record("\(path) was accepted: \(approvals.count) approvals")
        } catch {
            #expect(error.kind == kind, "\(path): \(error)")
        }
    }

    @Test("approvals made here round-trip through the JSON form, claims included")
    func swiftApprovalsRoundTrip() throws {
        let text = try Self.vectors.base.approvalText()
        let made = try ["A", "D"].map { Approval(approving: text, with: try Self.vectors.privateKey($0)) }
        let unclaimed = try Approval(signature: made[0].signature)
        let all = made + [unclaimed]
        #expect(try ApprovalsFile.parse(ApprovalsFile.encode(all)) == all)
    }

    @Test("an empty text file and an empty list approve nothing")
    func emptyFiles() throws {
        #expect(try ApprovalsFile.parse(Data()).isEmpty)
        #expect(try ApprovalsFile.parse(Data("# nothing yet\n\n".utf8)).isEmpty)
        #expect(try ApprovalsFile.parse(Self.read("approvals/v1/examples/empty.json")).isEmpty)
    }

    @Test("a text line that is not a signature names its line number")
    func badLineNamed() {
        let data = Data("# header\n0x1234\n".utf8)
        #expect(throws: ApprovalsError.invalidLine(line: 2, reason: "expected 65 bytes r‖s‖v, found 2")) {
            try ApprovalsFile.parse(data)
        }
    }

    @Test("there are examples and invalid cases to test")
    func foldersAreNotEmpty() {
        #expect(Self.files("approvals/v1/examples").count >= 4)
        #expect(Self.files("approvals/v1/invalid").count >= 10)
    }
}
