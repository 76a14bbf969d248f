import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import Preparation
import StrictJSON
import TerminalText

/// The human summary on stderr and the `--json` result of `prepare checkout`; every string from the request is
/// escaped (TerminalText) before it is shown.
enum CheckoutSummary {
    static func text(_ outcome: CheckoutPreparer.Outcome, now: UInt64, nodeRequests: Int) -> String {
        let bundle = outcome.bundle
        let request = bundle.request
        let tx = bundle.transaction
        let symbol = tx.chainID.nativeSymbol
        let origin: String
        switch bundle.requestText {
        case .uri(let uri): origin = "EIP-681 URI \(uri.escapedForTerminal)"
        case .checkout:
            let checkout = outcome.checkout
            origin =
                "checkout \((checkout?.id ?? "?").escapedForTerminal) (status \((checkout?.status ?? "?").escapedForTerminal), "
                + "\((checkout?.url ?? "").escapedForTerminal))"
        }
        let expiry =
            request.expiresAt.map { TimeText.at($0, now: now) }
            ?? "none given; the bundle is valid until \(TimeText.at(bundle.validUntil, now: now))"
        let token = bundle.balances.token.map { ", token \(Self.tokenText($0, request))" } ?? ""
        let asset = request.token.map { "token \($0.checksummed) (ERC-20 transfer)" } ?? "native \(symbol) transfer"
        let worstFee = (try? tx.maximumFee().etherString) ?? "overflow"
        return """
            Prepared a checkout payment on \(tx.chainID)
              request     \(origin)
              amount      \(request.amountText), \(asset)
              recipient   \(request.recipient.checksummed)
              expires     \(expiry)
              from        \(bundle.from.checksummed)
              balances    native \(Wei(bundle.balances.native).etherString) \(symbol)\(token)
              fees        base \(Wei(bundle.fees.baseFeePerGas).gweiString) gwei, max \(tx.maxFeePerGas.gweiString) gwei, tip \(tx.maxPriorityFeePerGas.gweiString) gwei
              gas         limit \(tx.gasLimit) (estimate \(bundle.fees.gasEstimate)) → at most \(worstFee) \(symbol)
              nonce       \(tx.nonce)
              ledger key  \(bundle.requestKey.escapedForTerminal)
              requests    \(nodeRequests) to the node
              fingerprint \(bundle.fingerprint)
            """
    }

    /// `units` of the request's token, as the request writes its own amount.
    static func tokenText(_ units: UInt256, _ request: PaymentRequest) -> String {
        if let token = request.token, let known = KnownChain.entry(for: request.chainID), known.usdc == token {
            return "\(DecimalAmount.format(units, decimals: 6, minimumFractionDigits: 2)) USDC"
        }
        return "\(units.decimalString) base units"
    }

    static func fields(_ outcome: CheckoutPreparer.Outcome, out: String?, bundle data: Data?, nodeRequests: Int) -> JSONValue {
        let bundle = outcome.bundle
        let request = bundle.request
        var fields: JSONValue = [
            "requestKey": .string(bundle.requestKey), "chainId": JSONValue(bundle.transaction.chainID.value),
            "from": .string(bundle.from.checksummed), "to": .string(bundle.transaction.to.checksummed),
            "recipient": .string(request.recipient.checksummed), "amount": .string(request.amount.quantity),
            "token": JSONValue(request.token?.checksummed), "value": .string(bundle.transaction.value.amount.quantity),
            "gasLimit": JSONValue(bundle.transaction.gasLimit), "nonce": JSONValue(bundle.transaction.nonce),
            "signingHash": .string(bundle.signingHash.hex), "fingerprint": .string(bundle.fingerprint.description),
            "expiresAt": JSONValue(request.expiresAt), "validUntil": JSONValue(bundle.validUntil),
            "nodeRequests": JSONValue(nodeRequests), "out": JSONValue(out),
        ]
        if let data, let object = try? JSON.parse(data) { fields["bundle"] = object }
        return fields
    }
}
