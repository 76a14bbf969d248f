import StrictJSON
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import Preparation

/// The human summary on stderr and the `--json` result of `prepare`.
enum Summary {
    static func text(_ outcome: Preparer.Outcome, nodeRequests: Int, apiRequests: Int) -> String {
        let bundle = outcome.bundle
        let tx = bundle.transaction
        let symbol = tx.chainID.nativeSymbol
        let usd = DecimalAmount.format(bundle.charge.totalUSDCUnits, decimals: 6, minimumFractionDigits: 2)
        let quotes = outcome.quotes.map { "\($0.tier): " + ($0.amountIn.map { Wei($0).etherString } ?? "—") }
        let worstFee = (try? tx.maximumFee().etherString) ?? "overflow"
        return """
            Prepared charge \(bundle.charge.id): $\(usd) on \(tx.chainID)
              from        \(bundle.from.checksummed) (balance \(outcome.balance.etherString) \(symbol))
              value       \(tx.value.etherString) \(symbol) (quote \(Wei(bundle.quote.amountIn).etherString) at tier \(bundle.quote.poolFeesTier) + \(bundle.quote.slippageBPS) bps)
              quotes      \(quotes.joined(separator: ", "))
              fees        max \(tx.maxFeePerGas.gweiString) gwei, tip \(tx.maxPriorityFeePerGas.gweiString) gwei, gas \(tx.gasLimit) → at most \(worstFee) \(symbol)
              nonce       \(tx.nonce)
              deadline    \(ISO8601.format(unixSeconds: bundle.validUntil))
              requests    \(nodeRequests) to the node, \(apiRequests) to the API
              fingerprint \(bundle.fingerprint)
            """
    }

    static func fields(
        _ outcome: Preparer.Outcome, out: String?, bundle data: Data?, nodeRequests: Int,
        apiRequests: Int
    ) -> JSONValue {
        let bundle = outcome.bundle
        var fields: JSONValue = [
            "chargeId": .string(bundle.charge.id), "chainId": JSONValue(bundle.transaction.chainID.value),
            "from": .string(bundle.from.checksummed), "value": .string(bundle.transaction.value.amount.quantity),
            "poolFeesTier": JSONValue(UInt64(bundle.quote.poolFeesTier)), "nonce": JSONValue(bundle.transaction.nonce),
            "signingHash": .string(bundle.signingHash.hex), "fingerprint": .string(bundle.fingerprint.description),
            "validUntil": JSONValue(bundle.validUntil), "nodeRequests": JSONValue(nodeRequests),
            "apiRequests": JSONValue(apiRequests), "out": JSONValue(out),
        ]
        if let data, let object = try? JSON.parse(data) { fields["bundle"] = object }
        return fields
    }
}
