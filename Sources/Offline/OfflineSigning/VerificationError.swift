import EthereumTransactions
import Foundation
import TerminalText
public import BundleFormat
public import EthereumABI
public import EthereumPrimitives

/// Why `sign` refused a bundle.
///
/// Each verification rule has exactly one case; all map to exit 65 except where noted, and none leaves anything
/// written.
public enum VerificationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bundle itself is malformed (format, version, unknown field, quantity, signing hash…).
    case malformedBundle(BundleError)
    /// The transaction's chain id differs from the intent's.
    case chainIDMismatch(transaction: ChainID, intent: ChainID)
    /// The chain is not allowed by the policy.
    case chainNotAllowed(ChainID)
    /// The transaction does not go to the pinned Transfers contract for the chain.
    case contractNotPinned(found: Address, pinned: Address)
    /// The charge names a different contract from the transaction's `to`.
    case chargeContractMismatch(charge: Address, transaction: Address)
    /// The calldata is not exactly `swapAndTransferUniswapV3Native(intent, tier)`.
    case calldataNotTransferCall(ABIError)
    /// A field of the intent in the calldata differs from the charge.
    case intentMismatch(field: String, calldata: String, charge: String)
    /// The pool fee tier is not one of Uniswap's.
    case feeTierNotAllowed(UInt32)
    /// The operator's signature over the intent does not recover the intent's operator.
    case operatorSignatureInvalid(recovered: Address?, expected: Address)
    /// The operator is not pinned by policy.
    case operatorNotAllowed(Address)
    /// The key is not the intent's sender, or the bundle's `from` is not.
    case senderMismatch(key: Address, intentSender: Address, bundleFrom: Address)
    /// The intent's deadline has passed (or is within the margin) by the local clock.
    case intentExpired(deadline: UInt64, now: UInt64, marginSeconds: UInt64)
    /// A transaction figure exceeds the policy's limit.
    case limitExceeded(field: String, found: String, limit: String)
    /// The transaction is invalid on its face (priority fee above max fee, zero value).
    case invalidTransaction(reason: String)
    /// The purchase's USD amount exceeds the per-purchase limit.
    case purchaseLimitExceeded(usd: String, limit: String)
    /// The purchase would exceed the rolling 24-hour limit.
    case dailyLimitExceeded(usd: String, alreadySigned: String, limit: String)
    /// The recipient currency is not allowed.
    case currencyNotAllowed(Address)
    /// The recipient is not allowed.
    case recipientNotAllowed(Address)
    /// The same charge, or the same chain + sender + nonce, was signed before with different content.
    case replayConflict(reason: String)
    /// The native value, priced at the policy's floor, is worth more than the purchase plus the policy's margin.
    case valueAboveFloorBound(value: String, worthAtFloor: String, floor: String, bound: String)
    /// A payment transaction's chain id differs from the payment request's.
    case requestChainMismatch(transaction: ChainID, request: ChainID)
    /// A token payment does not go to a token pinned for the chain (built-in: the chain's USDC).
    case tokenNotPinned(found: Address, pinned: [Address])
    /// A token payment's calldata is not exactly ERC-20 `transfer(address,uint256)`.
    case calldataNotTokenTransfer(ABIError)
    /// A native payment carries calldata (it must be a plain value transfer).
    case nativeTransferHasCalldata(bytes: Int)
    /// A checkout document whose status is not `ACTIVE` (paid, being paid, or expired): paying it again could pay
    /// twice.
    case checkoutNotActive(status: String)
    /// The checkout's expiry (or a bare URI bundle's validity) has passed, or is within the margin, by the local
    /// clock.
    case paymentExpired(validUntil: UInt64, now: UInt64, marginSeconds: UInt64)
    /// The checkout's recipient is not pinned and the policy refuses unpinned recipients.
    case recipientNotPinned(recipient: Address, chainID: ChainID)
    /// A payment figure in the transaction differs from the request's (`token`, `recipient`, `amount`, `value`).
    case paymentMismatch(field: String, transaction: String, request: String)

    /// A stable name for `--json` and tests.
    public var kind: String {
        switch self {
        case .malformedBundle(let error): return error.kind
        case .chainIDMismatch: return "chainIDMismatch"
        case .chainNotAllowed: return "chainNotAllowed"
        case .contractNotPinned: return "contractNotPinned"
        case .chargeContractMismatch: return "chargeContractMismatch"
        case .calldataNotTransferCall: return "calldataNotTransferCall"
        case .intentMismatch: return "intentMismatch"
        case .feeTierNotAllowed: return "feeTierNotAllowed"
        case .operatorSignatureInvalid: return "operatorSignatureInvalid"
        case .operatorNotAllowed: return "operatorNotAllowed"
        case .senderMismatch: return "senderMismatch"
        case .intentExpired: return "intentExpired"
        case .limitExceeded: return "limitExceeded"
        case .invalidTransaction: return "invalidTransaction"
        case .purchaseLimitExceeded: return "purchaseLimitExceeded"
        case .dailyLimitExceeded: return "dailyLimitExceeded"
        case .currencyNotAllowed: return "currencyNotAllowed"
        case .recipientNotAllowed: return "recipientNotAllowed"
        case .replayConflict: return "replayConflict"
        case .valueAboveFloorBound: return "valueAboveFloorBound"
        case .requestChainMismatch: return "requestChainMismatch"
        case .tokenNotPinned: return "tokenNotPinned"
        case .calldataNotTokenTransfer: return "calldataNotTokenTransfer"
        case .nativeTransferHasCalldata: return "nativeTransferHasCalldata"
        case .paymentMismatch: return "paymentMismatch"
        case .checkoutNotActive: return "checkoutNotActive"
        case .paymentExpired: return "paymentExpired"
        case .recipientNotPinned: return "recipientNotPinned"
        }
    }

    /// A one-line explanation: the rule, what was found and what was expected.
    public var description: String {
        switch self {
        case .malformedBundle(let error): return "bundle: \(error)"
        case .chainIDMismatch(let tx, let intent): return "transaction.chainId \(tx) differs from the intent's chain \(intent)"
        case .chainNotAllowed(let chain): return "chain \(chain) is not allowed by the policy"
        case .contractNotPinned(let found, let pinned):
            return "transaction.to \(found) is not the pinned Transfers contract \(pinned) for this chain"
        case .chargeContractMismatch(let charge, let tx):
            return "charge names contract \(charge) but the transaction goes to \(tx)"
        case .calldataNotTransferCall(let error):
            return "transaction.input is not a swapAndTransferUniswapV3Native call: \(error)"
        case .intentMismatch(let field, let calldata, let charge):
            return "intent.\(field) in the calldata is \(calldata) but the charge says \(charge)"
        case .feeTierNotAllowed(let tier): return "pool fee tier \(tier) is not one of 100, 500, 3000, 10000"
        case .operatorSignatureInvalid(let recovered, let expected):
            return
                "operator signature does not verify: recovers \(recovered.map(\.checksummed) ?? "nothing"), expected \(expected)"
        case .operatorNotAllowed(let op): return "operator \(op) is not pinned by the policy"
        case .senderMismatch(let key, let sender, let from):
            return "key address \(key), intent sender \(sender) and bundle from \(from) must all be equal"
        case .intentExpired(let deadline, let now, let margin):
            return
                deadline <= now
                ? "the intent expired at \(TimeText.at(deadline, now: now))"
                : "the intent's deadline \(TimeText.at(deadline, now: now)) leaves less than the policy's margin of "
                    + "\(TimeText.duration(margin)) to broadcast it"
        case .limitExceeded(let field, let found, let limit): return "\(field) \(found) exceeds the policy limit \(limit)"
        case .invalidTransaction(let reason): return "transaction: \(reason)"
        case .purchaseLimitExceeded(let usd, let limit): return "purchase of $\(usd) exceeds the per-purchase limit $\(limit)"
        case .dailyLimitExceeded(let usd, let already, let limit):
            return "purchase of $\(usd) plus $\(already) signed in the last 24 h exceeds the daily limit $\(limit)"
        case .currencyNotAllowed(let currency): return "recipient currency \(currency) is not allowed by the policy"
        case .recipientNotAllowed(let recipient): return "recipient \(recipient) is not allowed by the policy"
        case .replayConflict(let reason): return "refusing to sign: \(reason)"
        case .valueAboveFloorBound(let value, let worth, let floor, let bound):
            return
                "transaction.value \(value) is worth at least $\(worth) at the policy's price floor $\(floor), "
                + "more than the $\(bound) the purchase and the policy's margin allow"
        case .requestChainMismatch(let tx, let request):
            return "transaction.chainId \(tx) differs from the payment request's chain \(request)"
        case .tokenNotPinned(let found, let pinned):
            return
                "transaction.to \(found) is not a token pinned for this chain (\(pinned.map(\.checksummed).joined(separator: ", ")))"
        case .calldataNotTokenTransfer(let error): return "transaction.input is not an ERC-20 transfer call: \(error)"
        case .nativeTransferHasCalldata(let bytes):
            return "transaction.input carries \(bytes) byte(s); a native payment must have empty calldata"
        case .paymentMismatch(let field, let tx, let request):
            return "\(field) in the transaction is \(tx) but the payment request says \(request)"
        case .checkoutNotActive(let status):
            return "the checkout's status is \"\(status.escapedForTerminal)\", not ACTIVE: it may be paid already or expired"
        case .paymentExpired(let validUntil, let now, let margin):
            return
                validUntil <= now
                ? "the payment request expired at \(TimeText.at(validUntil, now: now))"
                : "the payment request expires \(TimeText.at(validUntil, now: now)), less than the policy's margin of "
                    + "\(TimeText.duration(margin)) to broadcast it"
        case .recipientNotPinned(let recipient, let chainID):
            return
                "recipient \(recipient.checksummed) is not in the policy's paymentRecipients for \(chainID), and the policy "
                + "refuses unpinned recipients"
        }
    }
}
