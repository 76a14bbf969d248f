import BundleFormat
import EthereumPrimitives
import Foundation
import StrictJSON
import Testing

/// Checkout documents in the Checkouts API's shape (docs/protocol.md §6.1) become the same ``PaymentRequest`` an
/// EIP-681 URI gives; every deviation is a named error.
@Suite struct CheckoutTests {
    static let deposit = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"

    static func document(_ changes: [String: String?] = [:], extra: String = "") -> String {
        var fields: [(String, String?)] = [
            ("id", "\"68f7a946db0529ea9b6d3a12\""),
            ("url", "\"https://payments.coinbase.com/payment-links/pl_01h8441j23abcd\""),
            ("amount", "\"10.5\""), ("currency", "\"USDC\""), ("network", "\"base\""),
            ("address", "\"\(deposit)\""), ("tokenAddress", "\"0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913\""),
            ("status", "\"ACTIVE\""), ("expiresAt", "\"2026-12-05T12:00:00Z\""),
        ]
        for (key, value) in changes {
            if let index = fields.firstIndex(where: { $0.0 == key }) {
                fields[index].1 = value
            } else {
                fields.append((key, value))
            }
        }
        let members = fields.compactMap { key, value in value.map { "\"\(key)\": \($0)" } }
        return "{" + (members + (extra.isEmpty ? [] : [extra])).joined(separator: ", ") + "}"
    }

    static func parse(_ text: String) throws(PaymentRequestError) -> Checkout {
        try Checkout(jsonData: Data(text.utf8))
    }

    @Test("a Base USDC checkout gives the same request as its EIP-681 URI")
    func sameAsURI() throws {
        let checkout = try Self.parse(Self.document())
        #expect(checkout.id == "68f7a946db0529ea9b6d3a12")
        #expect(checkout.status == "ACTIVE")
        let request = checkout.request
        #expect(request.chainID == .base)
        #expect(request.amount == 10_500_000)
        #expect(request.expiresAt == 1_796_472_000)
        #expect(request.source == .checkout(id: "68f7a946db0529ea9b6d3a12"))
        let uri = try PaymentRequest(
            eip681: "ethereum:0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913@8453/transfer?address=\(Self.deposit)&uint256=1.05e7")
        #expect(request.asset == uri.asset && request.recipient == uri.recipient && request.amount == uri.amount)
        #expect(request.amountText == "10.50 USDC")
    }

    @Test("each known network maps to its chain and built-in USDC")
    func networks() throws {
        for chain in KnownChain.all {
            let name = chain.optionNames[0]
            let text = Self.document(["network": "\"\(name)\"", "tokenAddress": "\"\(chain.usdc.checksummed)\""])
            let request = try Self.parse(text).request
            #expect(request.chainID == chain.chainID)
            #expect(request.token == chain.usdc)
        }
    }

    @Test("documented extras are tolerated, unknown members refused")
    func members() throws {
        _ = try Self.parse(Self.document(extra: "\"settlement\": {\"a\": 1}, \"x402_url\": \"x\", \"metadata\": {}"))
        #expect(throws: PaymentRequestError.checkoutField(.unknown(path: "checkout.memo"))) {
            try Self.parse(Self.document(extra: "\"memo\": \"pay here instead\""))
        }
    }

    static let invalid: [([String: String?], String)] = [
        (["network": "\"solana\""], "unknownNetwork"),
        (["network": "\"BASE\""], "unknownNetwork"),
        (["currency": "\"USDT\""], "unsupportedCurrency"),
        (["tokenAddress": "\"0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359\""], "tokenNotUSDC"),
        (["tokenAddress": "\"0x833589FCD6eDb6E08f4c7C32D4f71b54bdA02913\""], "checkoutField"),
        (["address": "\"0xfb6916095ca1df60bB79Ce92cE3Ea74c37c5d359\""], "checkoutField"),
        (["address": "\"0x0000000000000000000000000000000000000000\""], "zeroAddress"),
        (["amount": "\"10.1234567\""], "checkoutField"),
        (["amount": "\"1e6\""], "checkoutField"),
        (["amount": "\"-1\""], "checkoutField"),
        (["amount": "10.5"], "checkoutField"),
        (["amount": "\"0.00\""], "zeroAmount"),
        (["status": "\"PAID\""], "unknownStatus"),
        (["expiresAt": "\"tomorrow\""], "invalidExpiry"),
        (["expiresAt": "\"1796472000\""], "invalidExpiry"),
        (["id": "\"a b\""], "checkoutField"),
        (["id": nil], "checkoutField"),
        (["expiresAt": nil], "checkoutField"),
        (["url": "null"], "checkoutField"),
    ]

    @Test("invalid checkouts raise the named error", arguments: invalid.indices)
    func invalidCheckout(index: Int) {
        let (changes, kind) = Self.invalid[index]
        do {
            _ = try Self.parse(Self.document(changes))
            Issue.record("accepted \(changes)")
        } catch {
            #expect(error.kind == kind, "\(changes): \(error)")
        }
    }

    @Test("not JSON, duplicate keys and a top-level array are refused")
    func notAnObject() {
        for text in ["{", Self.document(extra: "\"id\": \"x\""), "[]"] {
            #expect(throws: PaymentRequestError.self) { try Self.parse(text) }
        }
    }
}
