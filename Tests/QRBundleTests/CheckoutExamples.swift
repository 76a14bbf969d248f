import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import StrictJSON
import TestSupport

/// Checkout bundles as `prepare` writes them (a URI, a Checkouts API document, a native payment), shared by the
/// checkout QR suites.
enum CheckoutExamples {
    static let deposit = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"
    static let baseUSDC = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"
    static let tokenURI = "ethereum:\(baseUSDC)@8453/transfer?address=\(deposit)&uint256=1.05e7"
    static let nativeURI = "ethereum:\(deposit)@8453?value=1e16"

    /// A Checkouts API document for 10.5 USDC on Base; `extra` adds the tolerated members.
    static func document(extra: Bool, addressSpelling: String = deposit) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": "68f7a946db0529ea9b6d3a12", "url": "https://payments.coinbase.com/payment-links/pl_01h8441j23abcd",
            "amount": "10.5", "currency": "USDC", "network": "base", "address": .string(addressSpelling),
            "tokenAddress": .string(baseUSDC), "status": "ACTIVE", "expiresAt": "2026-12-05T12:00:00Z",
        ]
        if extra {
            members["description"] = "OpenRouter credits"
            members["createdAt"] = "2026-12-04T12:00:00.123Z"
            members["metadata"] = ["orderId": "or_42", "seats": 3]
        }
        return .object(members)
    }

    /// The payer: the EIP-155 example key's address.
    static let payer = Address(uncheckedBytes: hexBytes("9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"))

    /// A bundle for `text` whose transaction is exactly the request's transfer unless `tweak` changes it.
    static func bundle(
        _ text: CheckoutBundle.RequestText, tweak: (inout EIP1559Transaction) -> Void = { _ in }
    ) throws -> CheckoutBundle {
        let request = try CheckoutBundle.parse(text).request
        var tx = EIP1559Transaction(
            chainID: request.chainID, nonce: 42, maxPriorityFeePerGas: Wei(1_000_000), maxFeePerGas: Wei(12_345_678),
            gasLimit: request.token == nil ? 21_000 : 65_000, to: request.token ?? request.recipient,
            value: Wei(request.token == nil ? request.amount : .zero),
            data: request.token == nil ? [] : ERC20Transfer(recipient: request.recipient, amount: request.amount).calldata)
        tweak(&tx)
        return try CheckoutBundle(
            createdAt: 1_796_400_000, requestText: text, from: payer, transaction: tx,
            fees: .init(baseFeePerGas: 5_432_100, gasEstimate: 48_213),
            balances: .init(native: UInt256(3_000_000_000_000_000), token: request.token == nil ? nil : 250_000_000))
    }

    /// The named bundles every round-trip test runs over.
    static let names = ["uri-token", "uri-native", "checkout", "checkout-extra", "checkout-lower-case"]

    /// The bundle called `name`.
    static func named(_ name: String) throws -> CheckoutBundle {
        switch name {
        case "uri-token": return try bundle(.uri(tokenURI))
        case "uri-native": return try bundle(.uri(nativeURI))
        case "checkout": return try bundle(.checkout(document(extra: false)))
        case "checkout-extra": return try bundle(.checkout(document(extra: true)))
        default: return try bundle(.checkout(document(extra: false, addressSpelling: deposit.lowercased())))
        }
    }
}
