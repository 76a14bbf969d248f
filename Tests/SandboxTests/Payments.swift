import SigningKeys
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Secp256k1
import StrictJSON
import TestSupport

/// Builds payment calldata and signed transactions independently of the sandbox.
enum Payments {
    /// An intent signed by `signer` for `sender`, `contract` and `chainID` with the real scheme (docs/protocol.md §1.3).
    static func intent(
        deadline: UInt64, chainID: ChainID, contract: Address, sender: Address = Keys.payerAddress,
        recipient: Address = Keys.address("0x5eA054aEea285Ebc3A92eCB1f722f44304F72581"),
        currency: Address, recipientAmount: UInt64 = 9_900_000, fee: UInt64 = 100_000,
        id: [UInt8] = [UInt8](repeating: 0xab, count: 16), signer: PrivateKey = Keys.sandboxOperator
    )
        throws -> TransferIntent
    {
        var intent = try TransferIntent(
            recipientAmount: UInt256(recipientAmount), deadline: UInt256(deadline), recipient: recipient,
            recipientCurrency: currency, refundDestination: sender, feeAmount: UInt256(fee), id: id,
            operator: signer.address, signature: [], prefix: Array("K2 Informational Message: 32 ".utf8))
        let digest = intent.operatorDigest(chainID: chainID, sender: sender, contract: contract)
        intent.signature = signer.sign(digest: digest).rsv
        return intent
    }

    /// A signed type-2 transaction from `key`.
    static func transaction(
        chainID: ChainID, nonce: UInt64, to: Address, value: UInt256, data: [UInt8] = [],
        gas: UInt64 = 300_000, maxFee: UInt256 = UInt256(2_000_000_000),
        tip: UInt256 = UInt256(1_000_000_000), key: PrivateKey = Keys.payer
    ) -> SignedTransaction {
        EIP1559Transaction(
            chainID: chainID, nonce: nonce, maxPriorityFeePerGas: Wei(tip), maxFeePerGas: Wei(maxFee),
            gasLimit: gas, to: to, value: Wei(value), data: data
        ).signed(with: key)
    }

    /// A signed EIP-155 (or unprotected) legacy transaction from `key`.
    static func legacy(
        chainID: ChainID?, nonce: UInt64, to: Address, value: UInt256, gasPrice: UInt256,
        key: PrivateKey = Keys.payer
    ) -> SignedLegacyTransaction {
        let tx = LegacyTransaction(nonce: nonce, gasPrice: Wei(gasPrice), gasLimit: 21_000, to: to, value: Wei(value))
        let protection: LegacyReplayProtection = chainID.map { .eip155($0) } ?? .none
        return SignedLegacyTransaction(
            transaction: tx, signature: key.sign(digest: tx.signingHash(protection).hash),
            replayProtection: protection)
    }

    /// The quote for `usdcUnits` through `tier`, read from the sandbox's QuoterV2 with `eth_call`.
    static func quote(_ harness: Harness, usdcUnits: UInt256, tier: UInt32 = 500) async throws -> UInt256 {
        let data = QuoterV2.encodeQuoteExactOutputSingle(
            .init(
                tokenIn: harness.deployment.wrappedNative, tokenOut: harness.deployment.usdc, amount: usdcUnits, fee: tier))
        let result = try await harness.result("eth_call", [call(to: harness.deployment.quoterV2, data: data)])
        return try QuoterV2.decodeQuote(hexBytes(result.stringValue ?? "")).amountIn
    }

    /// An `eth_call` transaction object.
    static func call(from: Address? = nil, to: Address, value: UInt256? = nil, data: [UInt8]) -> JSONValue {
        var members: [String: JSONValue] = ["to": .string(to.lowercased), "input": .string(Hex.encode(data))]
        if let from { members["from"] = .string(from.lowercased) }
        if let value { members["value"] = .string(value.quantity) }
        return .object(members)
    }
}
