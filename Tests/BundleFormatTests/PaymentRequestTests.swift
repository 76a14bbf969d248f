import BundleFormat
import EthereumPrimitives
import Testing

/// EIP-681 payment requests: a table of valid URIs with the request each gives, and a table of invalid URIs with
/// the named error each must raise (docs/protocol.md §6.2).
@Suite struct PaymentRequestTests {
    static let usdc = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"  // Base USDC, EIP-55
    static let payee = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"  // EIP-55 test vector
    static let erc20 = "ethereum:\(usdc)@8453/transfer?address=\(payee)&uint256="

    static func address(_ text: String) -> Address {
        do { return try Address(hex: text) } catch { fatalError("\(error)") }
    }

    static let valid: [(String, PaymentRequest.Asset, String, UInt256, UInt64)] = [
        (erc20 + "10500000", .token(address(usdc)), payee, 10_500_000, 8453),
        (erc20 + "1.05e7", .token(address(usdc)), payee, 10_500_000, 8453),
        (erc20 + "105E5", .token(address(usdc)), payee, 10_500_000, 8453),
        ("ethereum:pay-\(usdc)@8453/transfer?uint256=1&address=\(payee)", .token(address(usdc)), payee, 1, 8453),
        ("ethereum:\(payee)@1?value=2.014e18", .native, payee, UInt256(2_014) * .powerOfTen(15), 1),
        ("ethereum:\(payee.lowercased())@137?value=1", .native, payee, 1, 137),
        ("ethereum:\(payee)@8453?value=0.5e1&gas=21000&gasPrice=1e9", .native, payee, 5, 8453),
        ("ethereum:\(payee)@8453?value=1e77", .native, payee, .powerOfTen(77), 8453),
    ]

    @Test("valid URIs give the expected request", arguments: valid.indices)
    func validURI(index: Int) throws {
        let (uri, asset, recipient, amount, chain) = Self.valid[index]
        let request = try PaymentRequest(eip681: uri)
        #expect(request.asset == asset)
        #expect(request.recipient == Self.address(recipient))
        #expect(request.amount == amount)
        #expect(request.chainID == ChainID(chain))
        #expect(request.source == .uri(uri))
        #expect(request.expiresAt == nil)
    }

    static let invalid: [(String, String)] = [
        ("bitcoin:\(payee)@1?value=1", "wrongScheme"),
        ("ETHEREUM:\(payee)@1?value=1", "wrongScheme"),
        ("ethereum:foo-\(payee)@1?value=1", "unsupportedPrefix"),
        ("ethereum:pay-pay-\(payee)@1?value=1", "unsupportedPrefix"),
        ("ethereum:shop.eth@1?value=1", "ensNameNotAllowed"),
        ("ethereum:\(usdc)@8453/transfer?address=shop.eth&uint256=1", "ensNameNotAllowed"),
        ("ethereum:0x833589FCD6eDb6E08f4c7C32D4f71b54bdA02913@8453/transfer?address=\(payee)&uint256=1", "badChecksum"),
        ("ethereum:\(usdc)@8453/transfer?address=0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359&uint256=1", "badChecksum"),
        ("ethereum:0x1234@1?value=1", "invalidAddress"),
        ("ethereum:\(payee)00@1?value=1", "invalidAddress"),
        ("ethereum:0x0000000000000000000000000000000000000000@1?value=1", "zeroAddress"),
        ("ethereum:\(payee)?value=1", "missingChainID"),
        ("ethereum:\(payee)@?value=1", "missingChainID"),
        ("ethereum:\(payee)@08453?value=1", "invalidChainID"),
        ("ethereum:\(payee)@0?value=1", "invalidChainID"),
        ("ethereum:\(payee)@99999999999999999999?value=1", "invalidChainID"),
        ("ethereum:\(payee)@base?value=1", "invalidChainID"),
        ("ethereum:\(usdc)@8453/approve?address=\(payee)&uint256=1", "unsupportedFunction"),
        ("ethereum:\(payee)@1?value=1&", "malformedParameter"),
        ("ethereum:\(payee)@1?value", "malformedParameter"),
        ("ethereum:\(payee)@1?value=", "malformedParameter"),
        ("ethereum:\(payee)@1?value=1=2", "malformedParameter"),
        ("ethereum:\(payee)@1?value=1&memo=x", "unknownParameter"),
        ("ethereum:\(payee)@1?value=1&uint256=1", "unknownParameter"),
        (erc20 + "1&value=1", "unknownParameter"),
        ("ethereum:\(payee)@1?value=1&value=2", "duplicateParameter"),
        (erc20 + "1&uint256=1", "duplicateParameter"),
        ("ethereum:\(payee)@1?gas=21000", "missingParameter"),
        ("ethereum:\(payee)@1", "missingParameter"),
        ("ethereum:\(usdc)@8453/transfer?address=\(payee)", "missingParameter"),
        (erc20 + "010", "nonCanonicalNumber"),
        (erc20 + "+10", "nonCanonicalNumber"),
        (erc20 + "-10", "nonCanonicalNumber"),
        (erc20 + ".5e1", "nonCanonicalNumber"),
        (erc20 + "5.e1", "nonCanonicalNumber"),
        (erc20 + "1.50e6", "nonCanonicalNumber"),
        (erc20 + "1e", "nonCanonicalNumber"),
        (erc20 + "1e06", "nonCanonicalNumber"),
        (erc20 + "1e+6", "nonCanonicalNumber"),
        (erc20 + "1.2.3", "nonCanonicalNumber"),
        (erc20 + "0x10", "nonCanonicalNumber"),
        ("ethereum:\(payee)@1?value=1&gas=021000", "nonCanonicalNumber"),
        (erc20 + "1.5", "notAnInteger"),
        (erc20 + "2.0145e3", "notAnInteger"),
        (erc20 + "1e-6", "nonCanonicalNumber"),
        (erc20 + "1e78", "numberOutOfRange"),
        (erc20 + "2e77", "numberOutOfRange"),
        (erc20 + "1e100", "numberOutOfRange"),
        (erc20 + "0", "zeroAmount"),
        (erc20 + "0e6", "zeroAmount"),
        (erc20 + "1%30", "percentEncoding"),
        ("ethereum:\(usdc)@8453/transfer?address=%30x\(payee.dropFirst(2))&uint256=1", "percentEncoding"),
        (erc20 + "1 ", "invalidCharacter"),
        (erc20 + "1#frag", "invalidCharacter"),
        (erc20 + "1\u{202E}", "invalidCharacter"),
        ("ethereum:\(payee)@1?value=１", "invalidCharacter"),
    ]

    @Test("invalid URIs raise the named error", arguments: invalid.indices)
    func invalidURI(index: Int) {
        let (uri, kind) = Self.invalid[index]
        #expect(throws: PaymentRequestError.self) { try PaymentRequest(eip681: uri) }
        do {
            _ = try PaymentRequest(eip681: uri)
        } catch {
            #expect(error.kind == kind, "\(uri.debugDescription): \(error)")
        }
    }

    @Test("errors name the field and escape what they quote")
    func messages() {
        #expect(PaymentRequestError.notAnInteger(field: "uint256", found: "1.5").description.hasPrefix("uint256:"))
        let hostile = PaymentRequestError.unsupportedFunction(found: "x\u{1B}[2J\u{202E}")
        #expect(!hostile.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        do {
            _ = try PaymentRequest(eip681: "ethereum:\(Self.payee)@1?value=1&value=2")
        } catch {
            #expect(error == .duplicateParameter(name: "value"))
        }
        do {
            _ = try PaymentRequest(eip681: "ethereum:0x833589FCD6eDb6E08f4c7C32D4f71b54bdA02913@8453?value=1")
        } catch {
            #expect(
                error == .badChecksum(field: "target", found: "0x833589FCD6eDb6E08f4c7C32D4f71b54bdA02913", expected: Self.usdc))
        }
    }

    @Test("amount text uses the asset's units when known")
    func amountText() throws {
        #expect(try PaymentRequest(eip681: Self.erc20 + "10500000").amountText == "10.50 USDC")
        #expect(try PaymentRequest(eip681: "ethereum:\(Self.payee)@137?value=1.5e18").amountText == "1.5 POL")
        let other = "ethereum:\(Self.payee)@8453/transfer?address=\(Self.payee)&uint256=7"
        #expect(try PaymentRequest(eip681: other).amountText == "7 base units")
    }
}
