import Approvals
import EthereumPrimitives
import Secp256k1
import TestSupport
import BundleFormat
import Foundation
import Testing

/// M-of-N verification with signatures eth-account made: policy approvers A, B, C; D is not an approver.
@Suite struct ApprovalVerifierTests {
    static let vectors = ApprovalVectors.shared
    let v = ApprovalVectors.shared

    func verify(_ labels: [String], threshold: Int = 2) throws -> QuorumReport {
        let approvals = try labels.map { try v.polygon.approval($0) }
        return try ApprovalVerifier.verify(
            approvals, text: v.polygon.approvalText(), threshold: threshold,
            approvers: v.approvers)
    }

    /// The report carried by the quorumNotMet error `body` throws.
    func refusal(_ body: () throws -> QuorumReport) -> QuorumReport? {
        do {
            _ = try body()
            Issue.record("quorum unexpectedly met")
        } catch ApprovalsError.quorumNotMet(let report) {
            return report
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test("each eth-account signature recovers its key's address", arguments: vectors.payments)
    func recoversEthAccountSigners(payment: ApprovalVectors.Payment) throws {
        let text = try payment.approvalText()
        for label in ["A", "B", "C", "D"] {
            #expect(try payment.approval(label).recoverApprover(of: text) == v.address(label), "\(label)")
        }
    }

    @Test("zero approvals are refused, naming every approver as missing")
    func refusesZeroApprovals() {
        let report = refusal { try verify([]) }
        #expect(report?.approved == [])
        #expect(report?.missing == v.approvers)
        #expect(report?.shortfall == 2)
    }

    @Test("M − 1 approvals are refused, naming who approved and who is missing")
    func refusesOneShort() throws {
        let report = refusal { try verify(["B"]) }
        #expect(report?.approved == [v.address("B")])
        #expect(report?.missing == [v.address("A"), v.address("C")])
        let message = ApprovalsError.quorumNotMet(try #require(report)).description
        #expect(message.contains("approved by \(v.address("B").checksummed)"))
        #expect(message.contains("missing \(v.address("A").checksummed), \(v.address("C").checksummed)"))
    }

    @Test("M approvals from eth-account meet the quorum")
    func acceptsQuorum() throws {
        let report = try verify(["C", "A"])
        #expect(report.isMet)
        #expect(report.approved == [v.address("A"), v.address("C")])  // policy order
        #expect(report.missing == [v.address("B")])
        #expect(report.nonMembers.isEmpty && report.duplicates.isEmpty && report.invalid.isEmpty)
    }

    @Test("all N approvals meet an N-of-N quorum")
    func acceptsAllOfThree() throws {
        #expect(try verify(["A", "B", "C"], threshold: 3).approved == v.approvers)
    }

    @Test("a duplicate approval counts once, also when v is written as 0/1")
    func duplicatesCountOnce() throws {
        let a = try v.polygon.approval("A")
        let aWithZeroOneV = try Approval(signature: Array(a.signature.prefix(64)) + [a.signature[64] - 27])
        for approvals in [[a, a], [a, aWithZeroOneV]] {
            let report = refusal {
                try ApprovalVerifier.verify(
                    approvals, text: v.polygon.approvalText(), threshold: 2, approvers: v.approvers)
            }
            #expect(report?.approved == [v.address("A")])
            #expect(report?.duplicates == [v.address("A")])
        }
    }

    @Test("a non-member's valid approval does not count and is listed")
    func nonMemberDoesNotCount() throws {
        let report = refusal { try verify(["A", "D"]) }
        #expect(report?.approved == [v.address("A")])
        #expect(report?.nonMembers == [v.address("D")])
    }

    @Test("an approval of another payment does not count, even claiming a member")
    func approvalOfOtherPaymentRefused() throws {
        let foreign = try v.base.approval("B", claim: v.address("B"))
        let report = refusal {
            try ApprovalVerifier.verify(
                [try v.polygon.approval("A"), foreign], text: v.polygon.approvalText(),
                threshold: 2, approvers: v.approvers)
        }
        #expect(report?.approved == [v.address("A")])
        #expect(report?.invalid.map(\.index) == [1])
        #expect(report?.invalid.first?.reason.contains("different text") == true)
    }

    @Test("a true claim is accepted; a claim naming another member is not")
    func claimsAreChecked() throws {
        let text = try v.polygon.approvalText()
        let honest = try v.polygon.approval("A", claim: v.address("A"))
        let lying = try v.polygon.approval("D", claim: v.address("C"))
        let report = ApprovalVerifier.evaluate([honest, lying], text: text, threshold: 2, approvers: v.approvers)
        #expect(report.approved == [v.address("A")])
        #expect(report.invalid.map(\.claimedApprover) == [v.address("C")])
    }

    @Test(
        "unusable signatures are listed with their position and do not hide good ones",
        arguments: [UInt8(29), 0x1b])
    func invalidSignaturesListed(v lastByte: UInt8) throws {
        let good = try v.polygon.approval("A").signature
        var bad = good
        bad[64] = lastByte
        if lastByte == 0x1b { bad.replaceSubrange(0..<32, with: [UInt8](repeating: 0, count: 32)) }  // r = 0
        let approvals = [try Approval(signature: bad), try Approval(signature: good)]
        let report = ApprovalVerifier.evaluate(
            approvals, text: try v.polygon.approvalText(), threshold: 1,
            approvers: v.approvers)
        #expect(report.isMet)
        #expect(report.invalid.map(\.index) == [0])
    }

    @Test("a high-s signature is refused (EIP-2)")
    func highSRefused() throws {
        let good = try v.polygon.approval("B").signature
        // s' = n − s and flipped parity recover the same key but are the malleable twin.
        let n = try UInt256(bigEndian: hexBytes("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"))
        let s = try UInt256(bigEndian: good[32..<64])
        let twin = Array(good[0..<32]) + (n - s).bigEndianBytes + [good[64] == 27 ? 28 : 27]
        let report = ApprovalVerifier.evaluate(
            [try Approval(signature: twin)], text: try v.polygon.approvalText(),
            threshold: 1, approvers: v.approvers)
        #expect(report.approved.isEmpty)
        #expect(report.invalid.count == 1)
    }

    @Test("threshold 0 needs no approvals")
    func thresholdZero() throws {
        #expect(try verify([], threshold: 0).isMet)
    }

    @Test("an approver listed twice in the policy is still one approver")
    func policyDuplicatesDoNotLowerTheBar() throws {
        let a = v.address("A")
        let report = ApprovalVerifier.evaluate(
            [try v.polygon.approval("A")], text: try v.polygon.approvalText(),
            threshold: 2, approvers: [a, a])
        #expect(!report.isMet)
        #expect(report.approved == [a])
        #expect(report.missing.isEmpty)
    }

    @Test(
        "sign approve makes the byte-identical signature eth-account made (both RFC 6979)",
        arguments: ["A", "B", "C", "D"])
    func swiftApprovalMatchesEthAccount(label: String) throws {
        let approval = Approval(approving: try v.polygon.approvalText(), with: try v.privateKey(label))
        #expect(approval.signature == v.polygon.signatures[label])
        #expect(approval.claimedApprover == v.address(label))
    }

    @Test("the JSON form names approved, missing and non-members")
    func jsonFields() throws {
        let report = ApprovalVerifier.evaluate(
            [try v.polygon.approval("C"), try v.polygon.approval("D")], text: try v.polygon.approvalText(),
            threshold: 2, approvers: v.approvers)
        let data = report.fields.canonicalDocument
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["met"] as? Bool == false)
        #expect(object["approved"] as? [String] == [v.address("C").checksummed])
        #expect(object["missing"] as? [String] == [v.address("A").checksummed, v.address("B").checksummed])
        #expect(object["nonMembers"] as? [String] == [v.address("D").checksummed])
    }
}
