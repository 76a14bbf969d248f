import EthereumABI
import EthereumPrimitives

/// A JSON-RPC error answer: `{"code":…,"message":…,"data"?:…}`.
///
/// The node's rejections use go-ethereum's texts (core/error.go, core/txpool/errors.go and validation.go), with
/// code -32000 for pool and state errors and code 3 with the revert bytes in `data` for reverts, so clients that
/// classify geth's messages classify the sandbox's alike.
struct RPCFailure: Error, Equatable, Sendable {
    let code: Int
    let message: String
    /// `0x` hex revert data, for code 3.
    let data: String?

    init(code: Int, message: String, data: String? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// A -32000 error (geth's code for every pool and state error).
    static func server(_ message: String) -> RPCFailure { RPCFailure(code: -32000, message: message) }

    /// -32602: the parameters do not match the method.
    static func invalidParams(_ message: String) -> RPCFailure { RPCFailure(code: -32602, message: message) }

    /// -32601: no such method.
    static func methodNotFound(_ method: String) -> RPCFailure {
        RPCFailure(code: -32601, message: "the method \(method) does not exist/is not available")
    }

    /// -32600: not a JSON-RPC request object.
    static func invalidRequest(_ message: String) -> RPCFailure { RPCFailure(code: -32600, message: message) }

    /// -32700: the body is not JSON.
    static func parseError(_ message: String) -> RPCFailure { RPCFailure(code: -32700, message: message) }

    /// geth's revert answer: code 3, "execution reverted" (with `: reason` for `Error(string)`), data = revert bytes.
    static func reverted(_ data: [UInt8]) -> RPCFailure {
        var message = "execution reverted"
        if case .error(let reason) = ContractRevert(revertData: data) { message += ": \(reason)" }
        return RPCFailure(code: 3, message: message, data: Hex.encode(data))
    }

    // MARK: go-ethereum transaction pool and state-transition texts

    static let alreadyKnown = server("already known")
    static let replacementUnderpriced = server("replacement transaction underpriced")
    static let tipAboveFeeCap = server("max priority fee per gas higher than max fee per gas")
    static let exceedsBlockGasLimit = server("exceeds block gas limit")
    static let unprotected = server("only replay-protected (EIP-155) transactions allowed over RPC")
    static let typeNotSupported = server("transaction type not supported")
    static let outOfGas = server("out of gas")
    static let insufficientFundsForTransfer = server("insufficient funds for transfer")

    static func invalidSender(_ reason: String) -> RPCFailure { server("invalid sender: \(reason)") }

    static func invalidChainID(have: UInt64, want: UInt64) -> RPCFailure {
        invalidSender("invalid chain id for signer: have \(have) want \(want)")
    }

    static func nonceTooLow(next: UInt64, tx: UInt64) -> RPCFailure {
        server("nonce too low: next nonce \(next), tx nonce \(tx)")
    }

    static func intrinsicGasTooLow(gas: UInt64, needed: UInt64) -> RPCFailure {
        server("intrinsic gas too low: gas \(gas), minimum needed \(needed)")
    }

    static func feeCapBelowBaseFee(from: Address, maxFee: UInt256, baseFee: UInt256) -> RPCFailure {
        server(
            "max fee per gas less than block base fee: address \(from.checksummed), maxFeePerGas: \(maxFee), "
                + "baseFee: \(baseFee)")
    }

    /// The pool's balance check for a transaction alone.
    static func insufficientFunds(balance: UInt256, cost: UInt256) -> RPCFailure {
        server(
            "insufficient funds for gas * price + value: balance \(balance), tx cost \(cost), "
                + "overshot \(cost - balance)")
    }

    /// The pool's balance check counting the sender's other pooled transactions.
    static func insufficientFunds(balance: UInt256, queued: UInt256, cost: UInt256, need: UInt256) -> RPCFailure {
        server(
            "insufficient funds for gas * price + value: balance \(balance), queued cost \(queued), "
                + "tx cost \(cost), overshot \(need - balance)")
    }

    /// The state transition's balance check (`eth_call` with fees or value).
    static func insufficientFunds(address: Address, have: UInt256, want: UInt256) -> RPCFailure {
        server("insufficient funds for gas * price + value: address \(address.checksummed) have \(have) want \(want)")
    }

    /// `eth_estimateGas` when the call needs more gas than the `gas` given.
    static func gasRequiredExceedsAllowance(_ allowance: UInt64) -> RPCFailure {
        server("gas required exceeds allowance (\(allowance))")
    }
}
