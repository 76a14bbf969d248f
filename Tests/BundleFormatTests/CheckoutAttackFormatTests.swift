import BundleFormat
import EthereumPrimitives
import Foundation
import Testing

/// The checkout format reader attacked: EIP-681 edge cases a phishing page might try, checkout documents edited by
/// a compromised online machine inside an otherwise valid bundle, and the ledger key of one request spelled
/// several ways.
@Suite struct CheckoutAttackFormatTests {
    typealias Folder = FormatFolderTests
    static let usdc = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"  // Base USDC, EIP-55
    static let payee = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
    static let attacker = "0x" + String(repeating: "5e", count: 20)
    static let exampleDeposit = "0xD694Dd3D754E6B080f89191B2DFA87cA01a8F21b"  // checkout-base.json's address
    static let twoTo256 = "115792089237316195423570985008687907853269984665640564039457584007913129639936"

    static let hostileURIs: [(String, String)] = [
        ("ethereum:PAY-\(payee)@1?value=1", "unsupportedPrefix"),
        ("ethereum:0X\(payee.dropFirst(2))@1?value=1", "ensNameNotAllowed"),
        ("\u{0435}thereum:\(payee)@1?value=1", "invalidCharacter"),  // Cyrillic е
        ("ethereum:\(payee)\u{FF20}1?value=1", "invalidCharacter"),  // fullwidth @
        ("ethereum:\(payee)@1?value=1\r\n", "invalidCharacter"),
        ("ethereum:\(payee)@1?value=1\u{200B}", "invalidCharacter"),
        ("ethereum:\(payee)@1\t?value=1", "invalidCharacter"),
        ("ethereum:\(payee)@1?value=\(twoTo256)", "numberOutOfRange"),
        ("ethereum:\(payee)@1?value=1" + String(repeating: "0", count: 100_000), "numberOutOfRange"),
        ("ethereum:\(payee)@1?value=1." + String(repeating: "1", count: 5_000) + "e77", "notAnInteger"),
        ("ethereum:\(payee)@1?value=1e077", "nonCanonicalNumber"),
        ("ethereum:\(payee)@1?value=1e1e1", "nonCanonicalNumber"),
        ("ethereum:\(payee)@1?Value=1", "unknownParameter"),
        ("ethereum:\(payee)@1?value=1?value=2", "malformedParameter"),
        ("ethereum:\(payee)@1?&value=1", "malformedParameter"),
        ("ethereum:\(payee)@1?value=1&gas=", "malformedParameter"),
        ("ethereum:\(payee)@1?value=1&gas=1.5", "notAnInteger"),
        ("ethereum:\(payee)@1?value=1&gasPrice=-1", "nonCanonicalNumber"),
        ("ethereum:\(payee)@1@1?value=1", "invalidChainID"),
        ("ethereum:\(payee)@1/?value=1", "unsupportedFunction"),
        ("ethereum:\(usdc)@8453/Transfer?address=\(payee)&uint256=1", "unsupportedFunction"),
        ("ethereum:\(usdc)@8453/transfer/x?address=\(payee)&uint256=1", "unsupportedFunction"),
        ("ethereum:\(usdc)/transfer@8453?address=\(payee)&uint256=1", "missingChainID"),
        ("ethereum:\(usdc)@8453/transfer?address=\(payee)&uint256=1&value=0", "unknownParameter"),
        ("ethereum:\(usdc)@8453/transfer?address=\(payee)&address=\(attacker)&uint256=1", "duplicateParameter"),
        ("ethereum:\(usdc)@8453/transfer?address=0x0000000000000000000000000000000000000000&uint256=1", "zeroAddress"),
    ]

    @Test("hostile EIP-681 URIs are refused with their named error", arguments: hostileURIs.indices)
    func hostileURI(index: Int) {
        let (uri, kind) = Self.hostileURIs[index]
        do {
            let request = try PaymentRequest(eip681: uri)
            Issue.record("accepted \(uri.prefix(120).debugDescription) as \(request)")
        } catch {
            #expect(error.kind == kind, "\(uri.prefix(120).debugDescription): \(error)")
        }
    }

    @Test("the edges that are valid: 2^256 - 1, 1E77, the largest chain id")
    func validEdges() throws {
        let max = try PaymentRequest(eip681: "ethereum:\(Self.payee)@1?value=\(Self.twoTo256.dropLast())5")
        #expect(max.amount == .max)
        #expect(try PaymentRequest(eip681: "ethereum:\(Self.payee)@1?value=1E77").amount == .powerOfTen(77))
        #expect(try PaymentRequest(eip681: "ethereum:\(Self.payee)@18446744073709551615?value=1").chainID.value == .max)
    }

    @Test("hole: one request spelled several ways has one ledger key; another request has another")
    func requestKeyIsCanonical() throws {
        func key(_ uri: String) throws -> String { CheckoutBundle.requestKey(for: try PaymentRequest(eip681: uri)) }
        let token = "ethereum:\(Self.usdc)@8453/transfer?address=\(Self.payee)&uint256=25000000"
        let reference = try key(token)
        #expect(reference.hasPrefix("eip681:") && reference.utf8.count == 71)
        let same = [
            "ethereum:pay-\(Self.usdc)@8453/transfer?address=\(Self.payee)&uint256=25000000",
            "ethereum:\(Self.usdc)@8453/transfer?uint256=25000000&address=\(Self.payee)",
            "ethereum:\(Self.usdc.lowercased())@8453/transfer?address=\(Self.payee.lowercased())&uint256=2.5e7",
            "ethereum:\(Self.usdc)@8453/transfer?address=\(Self.payee)&uint256=25E6&gas=65000&gasPrice=1e9",
        ]
        for uri in same { #expect(try key(uri) == reference, "\(uri)") }
        // The canonical form is itself a valid URI for the same payment.
        let parsed = try PaymentRequest(eip681: same[2])
        let canonical = try PaymentRequest(eip681: parsed.canonicalEIP681)
        #expect(canonical.canonicalEIP681 == token)
        #expect(canonical.asset == parsed.asset && canonical.recipient == parsed.recipient)
        #expect(canonical.amount == parsed.amount && canonical.chainID == parsed.chainID)
        let different = [
            "ethereum:\(Self.usdc)@8453/transfer?address=\(Self.payee)&uint256=25000001",
            "ethereum:\(Self.usdc)@8453/transfer?address=\(Self.attacker)&uint256=25000000",
            "ethereum:\(Self.usdc)@1/transfer?address=\(Self.payee)&uint256=25000000",
            "ethereum:\(Self.attacker)@8453/transfer?address=\(Self.payee)&uint256=25000000",
            "ethereum:\(Self.usdc)@8453?value=25000000",
            "ethereum:\(Self.payee)@8453?value=25000000",
        ]
        for uri in different { #expect(try key(uri) != reference, "\(uri)") }
        #expect(try key("ethereum:\(Self.payee)@8453?value=25e6") == (try key("ethereum:\(Self.payee)@8453?value=25000000")))
    }

    /// The checkout-base example with one textual edit.
    static func edited(_ from: String, _ to: String) throws -> Data {
        let text = String(decoding: try Folder.read("checkout-bundle/v1/examples/checkout-base.json"), as: UTF8.self)
        #expect(text.contains(from))
        return Data(text.replacingOccurrences(of: from, with: to).utf8)
    }

    @Test("a checkout document edited inside a valid bundle: duplicate keys, status variants, unknown members")
    func editedDocuments() throws {
        let edits: [(String, String)] = [
            // A second "address" member naming the attacker, before or after the real one.
            ("\"checkout\": {", "\"checkout\": {\n      \"address\": \"\(Self.attacker)\","),
            ("\"amount\": \"25.00\",", "\"amount\": \"25.00\",\n      \"amount\": \"2500.00\","),
            ("\"status\": \"ACTIVE\"", "\"status\": \"active\""),
            ("\"status\": \"ACTIVE\"", "\"status\": \"Active\""),
            ("\"status\": \"ACTIVE\"", "\"status\": \"ACTIVE \""),
            ("\"status\": \"ACTIVE\"", "\"status\": \"ACT\u{0406}VE\""),
            ("\"status\": \"ACTIVE\"", "\"status\": \"ACTIVE\",\n      \"depositAddress\": \"\(Self.attacker)\""),
            ("\"status\": \"ACTIVE\"", "\"status\": \"ACTIVE\",\n      \"payTo\": {\"address\": \"\(Self.attacker)\"}"),
            ("\"network\": \"base\"", "\"network\": \"Base\""),
            ("\"id\": \"4b1f2c3d", "\"id\": \"4b1f 2c3d"),
            ("\"id\": \"4b1f2c3d", "\"id\": \"4b1f\\u202e2c3d"),
            ("\"request\": {", "\"request\": {\n    \"uri\": \"ethereum:\(Self.attacker)@8453?value=1\","),
        ]
        for (from, to) in edits {
            let data = try Self.edited(from, to)
            #expect(throws: BundleError.self, "\(to)") { _ = try CheckoutBundleV1(jsonData: data) }
            #expect(throws: BundleError.self, "\(to)") { _ = try UnsignedBundle(jsonData: data) }
        }
        // Documented extras, however nested, are tolerated and never read.
        let extras = try Self.edited(
            "\"status\": \"ACTIVE\"",
            "\"status\": \"ACTIVE\",\n      \"metadata\": {\"address\": \"\(Self.attacker)\", \"a\": [[{}]]}")
        let bundle = try CheckoutBundleV1(jsonData: extras)
        #expect(bundle.request.recipient.checksummed == Self.exampleDeposit)
        #expect(bundle.requestKey == "checkout:4b1f2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
    }

    @Test("the longest checkout id still makes a valid charge id; one byte more is refused")
    func idLength() throws {
        let longest = String(repeating: "a", count: Checkout.maximumIDLength)
        let data = try Self.edited("4b1f2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", longest)
        let bundle = try CheckoutBundleV1(jsonData: data)
        #expect(bundle.requestKey.utf8.count == ChargeID.maximumLength)
        #expect(ChargeID.violation(bundle.requestKey) == nil)
        let tooLong = try Self.edited("4b1f2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", longest + "a")
        #expect(throws: BundleError.self) { _ = try CheckoutBundleV1(jsonData: tooLong) }
    }
}
