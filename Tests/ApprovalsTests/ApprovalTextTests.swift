import Approvals
import EthereumPrimitives
import TestSupport
import Testing

/// The approval text and its EIP-191 digest, against the text and digest eth-account produced from the
/// written specification (the Python side builds the text independently).
@Suite struct ApprovalTextTests {
    static let vectors = ApprovalVectors.shared

    @Test("builds the same text as the independent implementation", arguments: vectors.payments)
    func reproducesIndependentText(payment: ApprovalVectors.Payment) throws {
        let text = try payment.approvalText()
        #expect(text.text == payment.text)
        #expect(text.bytes == Array(payment.text.utf8))
    }

    @Test("reproduces eth-account's personal_sign digest", arguments: vectors.payments)
    func reproducesEthAccountDigest(payment: ApprovalVectors.Payment) throws {
        #expect(try payment.approvalText().digest == payment.digest)
        #expect(PersonalSign.digest(Array(payment.text.utf8)) == payment.digest)
    }

    @Test("personal_sign digest of a short message matches eth-account's")
    func personalSignKnownMessage() {
        // eth-account 0.14.0: _hash_eip191_message(encode_defunct(text="hi")).
        let expected = hexBytes("0d52783c4cbad7ebaf7eb943fc648f5282a52070442fc18d8dd16ddb2fcbaf66")
        #expect(PersonalSign.digest(Array("hi".utf8)).bytes == expected)
    }

    @Test("the first line names the version and the fields follow in a fixed order")
    func layoutIsFixed() throws {
        let lines = try Self.vectors.polygon.approvalText().text.split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == ApprovalText.header)
        #expect(
            lines.dropFirst().map { $0.split(separator: ":").first.map(String.init) ?? "" }
                == ["charge", "chain", "amount", "signing hash", "fingerprint"])
        #expect(try !Self.vectors.polygon.approvalText().text.hasSuffix("\n"))
    }

    @Test("changing any input changes the digest")
    func everyInputIsBound() throws {
        let p = Self.vectors.polygon
        let original = try p.approvalText().digest
        let otherHash = Hash32(uncheckedBytes: p.signingHash.bytes.reversed())
        let variants = [
            try ApprovalText(signingHash: otherHash, chainID: p.chainID, usdUnits: p.usdUnits, chargeID: p.chargeID),
            try ApprovalText(signingHash: p.signingHash, chainID: .base, usdUnits: p.usdUnits, chargeID: p.chargeID),
            try ApprovalText(
                signingHash: p.signingHash, chainID: p.chainID, usdUnits: p.usdUnits + 1, chargeID: p.chargeID),
            try ApprovalText(
                signingHash: p.signingHash, chainID: p.chainID, usdUnits: p.usdUnits, chargeID: p.chargeID + "x"),
        ]
        for variant in variants { #expect(variant.digest != original, "\(variant.text)") }
    }

    @Test(
        "refuses charge ids that could add or disguise a line",
        arguments: [
            "", "a\nsigning hash: 0x00", "two words", "tab\there", "caf\u{e9}", "zero\u{200b}width",
            String(repeating: "x", count: 129),
        ])
    func rejectsUnsafeChargeID(chargeID: String) {
        let p = Self.vectors.polygon
        #expect {
            _ = try ApprovalText(
                signingHash: p.signingHash, chainID: p.chainID, usdUnits: p.usdUnits, chargeID: chargeID)
        } throws: { error in
            (error as? ApprovalsError)?.kind == "invalidChargeID"
        }
    }

    @Test("accepts a 128-byte printable charge id")
    func acceptsLongestChargeID() throws {
        let p = Self.vectors.polygon
        let id = String(repeating: "~", count: 128)
        let text = try ApprovalText(signingHash: p.signingHash, chainID: p.chainID, usdUnits: p.usdUnits, chargeID: id)
        #expect(text.text.contains("charge: \(id)\n"))
    }
}
