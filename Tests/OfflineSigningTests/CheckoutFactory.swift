import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import OfflineSigning
import SigningKeys
import StrictJSON

/// Builds checkout bundles the way an honest `prepare` would, with one knob per field an attacker could change.
struct CheckoutFactory {
    typealias F = BundleFactory
    static let usdc = KnownChain.entry(for: .base)?.usdc ?? .zero
    static let deposit = Address(uncheckedBytes: [UInt8](repeating: 0x3c, count: 20))
    static let attacker = Address(uncheckedBytes: [UInt8](repeating: 0xa7, count: 20))
    static let expiresAt = F.now + 3600

    var id = "chk_1a2b3c"
    var status = "ACTIVE"
    var url = "https://pay.coinbase.com/checkout/chk_1a2b3c"
    var amountText = "25.00"
    var requestRecipient = deposit
    var expiry = ISO8601.format(unixSeconds: expiresAt)
    /// What the transaction really does (an attacker changes these, not the request).
    var calldataRecipient: Address? = nil
    var calldataAmount: UInt256? = nil
    var to = usdc
    var value: UInt256 = 0
    var nonce: UInt64 = 3
    var from = F.payer.address

    /// The Checkouts API document.
    var document: JSONValue {
        [
            "id": .string(id), "url": .string(url), "amount": .string(amountText), "currency": "USDC",
            "network": "base", "address": .string(requestRecipient.checksummed), "tokenAddress": .string(Self.usdc.checksummed),
            "status": .string(status), "expiresAt": .string(expiry),
        ]
    }

    func transaction(amount: UInt256) -> EIP1559Transaction {
        let call = ERC20Transfer(recipient: calldataRecipient ?? requestRecipient, amount: calldataAmount ?? amount)
        return EIP1559Transaction(
            chainID: .base, nonce: nonce, maxPriorityFeePerGas: Wei(1_000_000), maxFeePerGas: Wei(2_000_000_000),
            gasLimit: 80_000, to: to, value: Wei(value), data: call.calldata)
    }

    /// A bundle paying the checkout document.
    func bundle() throws -> CheckoutBundle {
        let request = try Checkout(document).request
        return try CheckoutBundle(
            createdAt: F.now - 60, requestText: .checkout(document), from: from,
            transaction: transaction(amount: request.amount),
            fees: .init(baseFeePerGas: UInt256.powerOfTen(9), gasEstimate: 60_000),
            balances: .init(native: UInt256.powerOfTen(17), token: 100_000_000))
    }

    /// A bundle paying an EIP-681 URI: a native transfer of `wei` to the deposit address when `token` is nil.
    static func uriBundle(_ uri: String, transaction: EIP1559Transaction, token: UInt256? = nil) throws -> CheckoutBundle {
        try CheckoutBundle(
            createdAt: F.now - 60, requestText: .uri(uri), from: F.payer.address, transaction: transaction,
            fees: .init(baseFeePerGas: UInt256.powerOfTen(9), gasEstimate: 21_000),
            balances: .init(native: UInt256.powerOfTen(18), token: token))
    }

    /// A plain native transfer on Base.
    static func nativeTransaction(to: Address = deposit, wei: UInt256, data: [UInt8] = []) -> EIP1559Transaction {
        EIP1559Transaction(
            chainID: .base, nonce: 4, maxPriorityFeePerGas: Wei(1_000_000), maxFeePerGas: Wei(2_000_000_000),
            gasLimit: 21_000, to: to, value: Wei(wei), data: data)
    }
}
