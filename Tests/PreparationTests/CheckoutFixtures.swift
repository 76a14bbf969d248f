import BundleFormat
import EthereumPrimitives
import EthereumRPC
@testable import Preparation
import StrictJSON

/// Requests and a preparer for the checkout tests: USDC on Base, a fixed payer and deposit address, a fixed clock.
enum CheckoutFixtures {
    static let sender = address("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
    static let recipient = address("0x1111111111111111111111111111111111111111")
    static let usdc = address("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913")
    static func address(_ hex: String) -> Address {
        do { return try Address(hex: hex) } catch { preconditionFailure("test address \(hex): \(error)") }
    }

    /// 2026-03-01T12:00:00Z.
    static let expiresAt: UInt64 = 1_772_366_400
    /// One hour before the checkout expires.
    static let now = expiresAt - 3_600

    /// `ethereum:<usdc>@8453/transfer?address=<recipient>&uint256=<amount>`.
    static func tokenURI(amount: String = "10500000") -> String {
        "ethereum:\(usdc.checksummed)@8453/transfer?address=\(recipient.checksummed)&uint256=\(amount)"
    }

    /// `ethereum:<recipient>@8453?value=<wei>`.
    static func nativeURI(value: String = "1e16") -> String { "ethereum:\(recipient.checksummed)@8453?value=\(value)" }

    /// A Checkouts API document for 10.50 USDC on Base (with a tolerated `description` member).
    static func checkout(status: String = "ACTIVE", expiresAt: String = "2026-03-01T12:00:00Z") throws -> JSONValue {
        let text = """
            {"id":"chk_1234","url":"https://pay.example/chk_1234","amount":"10.50","currency":"USDC","network":"base",
            "address":"\(recipient.checksummed)","tokenAddress":"\(usdc.checksummed)","status":"\(status)",
            "expiresAt":"\(expiresAt)","description":"credits \\u001b[31m"}
            """
        return try JSON.parse(Array(text.utf8))
    }

    static func preparer(_ node: FakeCheckoutNode, now: UInt64 = now) -> CheckoutPreparer {
        CheckoutPreparer(
            rpc: node.client(), sender: sender, minimumPriorityFee: Wei(UInt256(1_000_000)), secondsPerBlock: 2, now: now)
    }

    /// The methods of the one batch the node received.
    static func methods(_ node: FakeCheckoutNode) -> [String] {
        node.requests.first?.arrayValue?.compactMap { $0["method"]?.stringValue } ?? []
    }

    /// The params[0] object of the `index`-th call of the first batch.
    static func callObject(_ node: FakeCheckoutNode, _ index: Int) -> JSONValue? {
        node.requests.first?.arrayValue?[index]["params"]?.arrayValue?.first
    }
}
