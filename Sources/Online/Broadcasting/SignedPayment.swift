public import EthereumABI
public import EthereumPrimitives
public import EthereumTransactions

/// What a signed transaction pays, recognised from its bytes alone (never from a label or a file's charge id).
///
/// The intent path is a `swapAndTransferUniswapV3Native` call; a checkout is paid by an ERC-20
/// `transfer(recipient, amount)` with value 0 (the token is `to`) or by a plain native transfer (empty calldata,
/// value above 0). Anything else is ``other``: sent and followed as before, but never reported as a confirmed
/// transfer.
public enum SignedPayment: Equatable, Sendable {
    /// A Transfers-contract call carrying an operator-signed intent.
    case intent(TransferIntent)
    /// `token.transfer(recipient, amount)`, value 0.
    case token(token: Address, transfer: ERC20Transfer)
    /// A plain transfer of `value` native coin to `to`, no calldata.
    case native(to: Address, value: Wei)
    /// None of the above.
    case other

    /// Decodes `transaction`; the ERC-20 calldata must be exactly `transfer(address,uint256)`, no trailing bytes.
    public init(_ transaction: EIP1559Transaction) {
        if let intent = try? TransfersContract.decodeSwapAndTransfer(transaction.data).intent {
            self = .intent(intent)
        } else if transaction.data.isEmpty, !transaction.value.amount.isZero {
            self = .native(to: transaction.to, value: transaction.value)
        } else if transaction.value.amount.isZero, let transfer = try? ERC20Transfer(calldata: transaction.data) {
            self = .token(token: transaction.to, transfer: transfer)
        } else {
            self = .other
        }
    }

    /// The intent, for the intent path.
    public var intent: TransferIntent? {
        if case .intent(let intent) = self { return intent }
        return nil
    }

    /// USDC units (6 decimals) paid, when the payment is in USDC: the intent's recipient amount plus fee, or a
    /// token transfer of `usdc`; nil when it cannot be matched in USD (native coin, another token).
    public func usdcUnits(usdc: Address?) -> UInt256? {
        switch self {
        case .intent(let intent): return intent.recipientAmount + intent.feeAmount
        case .token(let token, let transfer): return token == usdc ? transfer.amount : nil
        case .native, .other: return nil
        }
    }

    /// The derived id of a bare raw transaction that carries no charge id: `intent-<id>` for an intent,
    /// `transfer-<transaction hash>` for a checkout payment, `unknown` otherwise.
    public func derivedChargeID(hash: TransactionHash) -> String {
        switch self {
        case .intent(let intent): return "intent-" + Hex.encode(intent.id, prefix: false)
        case .token, .native: return "transfer-" + Hex.encode(hash.hash.bytes, prefix: false)
        case .other: return "unknown"
        }
    }
}

/// A payment the chain was seen to make: the token's `Transfer` log, or the mined native transfer.
public struct ConfirmedTransfer: Equatable, Sendable {
    /// The token, or nil for native coin.
    public var token: Address?
    /// The payer (the signer).
    public var from: Address
    /// The payee.
    public var to: Address
    /// Base units: token units, or wei.
    public var amount: UInt256
    /// The amount for people: `25.00 USDC`, `0.5 ETH`, or `25000000 base units` of a token not built in.
    public var amountText: String

    /// Creates a confirmed transfer; `usdc` is the token counted as USDC (6 decimals), `symbol` the native one.
    public init(token: Address?, from: Address, to: Address, amount: UInt256, usdc: Address?, nativeSymbol: String) {
        self.token = token
        self.from = from
        self.to = to
        self.amount = amount
        if let token {
            amountText =
                token == usdc
                ? DecimalAmount.format(amount, decimals: 6, minimumFractionDigits: 2) + " USDC"
                : "\(amount.decimalString) base units"
        } else {
            amountText = Wei(amount).etherString + " " + nativeSymbol
        }
    }

    /// One line for people: `25.00 USDC (token 0x…) from 0x… to 0x…`.
    public var line: String {
        amountText + (token.map { " (token \($0))" } ?? "") + " from \(from) to \(to)"
    }
}
