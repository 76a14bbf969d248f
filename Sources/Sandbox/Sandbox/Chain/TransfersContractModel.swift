import BundleFormat
import EthereumABI
import EthereumPrimitives
import Secp256k1

/// Coinbase's Transfers contract as far as `swapAndTransferUniswapV3Native` goes (docs/protocol.md §1.3–1.5, source at
/// d891289), plus `receive()`.
///
/// Other functions are not modelled: they revert without data.
///
/// Checks, in the contract's order: the operator signature over the packed hash with `block.chainid`,
/// `msg.sender` and `address(this)` (OpenZeppelin 4.x `ECDSA.recover`), the deadline, the recipient, the replay
/// guard keyed `[operator][id]`, operator registration; then, in the body, the currency, and the exact-output swap
/// whose input is ``PriceModel`` of `recipientAmount + feeAmount`. The excess is refunded to `msg.sender`; the
/// consumed wei go to the wrapped-native contract (where WRAP_ETH would put them).
struct TransfersContractModel: Sendable {
    let deployment: Deployment
    /// `feeDestinations`: the registered operators.
    let operators: [Address: Address]
    let price: PriceModel
    let feeTiers: [UInt32]

    /// Executes `message` (sent to the Transfers address) in a block with `timestamp`.
    func execute(_ message: Message, timestamp: UInt64, isProcessed: (IntentKey) -> Bool) -> ExecutionResult {
        let revertGas =
            GasSchedule.intrinsic(data: message.data, accessList: message.accessList)
            + GasSchedule.revertOverhead
        if message.data.isEmpty {  // receive(): only the wrapped-native contract may send value (unwrapping)
            guard message.from == deployment.wrappedNative else {
                return .revert(ContractRevert.error("only payable for unwrapping").revertData, gas: revertGas)
            }
            return .success(gas: revertGas, transfers: [(message.from, deployment.transfers, message.value)])
        }
        let decoded: (intent: TransferIntent, poolFeesTier: UInt32)
        do {
            decoded = try TransfersContract.decodeSwapAndTransfer(message.data)
        } catch {
            return .revert([], gas: revertGas)  // unknown selector (no fallback) or calldata Solidity cannot decode
        }
        do {
            return try swap(
                decoded.intent, tier: decoded.poolFeesTier, message: message, timestamp: timestamp,
                isProcessed: isProcessed)
        } catch {
            return .revert(error.revert.revertData, gas: revertGas)
        }
    }

    private func swap(
        _ intent: TransferIntent, tier: UInt32, message: Message, timestamp: UInt64,
        isProcessed: (IntentKey) -> Bool
    ) throws(Reverted) -> ExecutionResult {
        let digest = intent.operatorDigest(
            chainID: deployment.chainID, sender: message.from,
            contract: deployment.transfers)
        if try Self.recover(signature: intent.signature, digest: digest) != intent.operator {
            throw Reverted(.invalidSignature)
        }
        if intent.deadline < UInt256(timestamp) { throw Reverted(.expiredIntent) }
        if intent.recipient == .zero { throw Reverted(.nullRecipient) }
        let key = IntentKey(operator: intent.operator, id: intent.id)
        if isProcessed(key) { throw Reverted(.alreadyProcessed) }
        guard operators[intent.operator] != nil else { throw Reverted(.operatorNotRegistered) }
        if intent.recipientCurrency == .zero || intent.recipientCurrency == deployment.wrappedNative {
            throw Reverted(.incorrectCurrency(.zero))
        }
        // No pool for another token or tier: the router's call into a missing pool fails without a reason.
        guard intent.recipientCurrency == deployment.usdc, feeTiers.contains(tier) else {
            throw Reverted(.swapFailedBytes([]))
        }
        let needed: UInt256
        do { needed = try intent.neededAmount() } catch { throw Reverted(.panic(code: UInt256(0x11))) }
        guard let amountIn = price.amountIn(usdcOut: needed, feeTier: tier) else {
            throw Reverted(.panic(code: UInt256(0x11)))  // Solidity 0.8 arithmetic overflow
        }
        // Exact output with msg.value as the maximum input; msg.value == 0 takes the token path with no input.
        guard !message.value.isZero, message.value >= amountIn else {
            throw Reverted(.swapFailedString("V3TooMuchRequested"))
        }
        let event = TransferredEvent(
            operator: intent.operator, id: intent.id, recipient: intent.recipient,
            sender: message.from, spentAmount: amountIn, spentCurrency: .zero)
        return ExecutionResult(
            status: .success(returnData: []), gasRequired: GasSchedule.swap,
            transfers: [(from: message.from, to: deployment.wrappedNative, amount: amountIn)],
            logs: [LogEntry(address: deployment.transfers, topics: event.topics, data: event.data)],
            processedIntent: key, purchasedUnits: needed)
    }

    /// OpenZeppelin 4.x `ECDSA.recover(hash, signature)`: 65 bytes, low s, v 27/28, a recoverable point.
    static func recover(signature: [UInt8], digest: Hash32) throws(Reverted) -> Address {
        guard signature.count == 65 else { throw Reverted(.error("ECDSA: invalid signature length")) }
        let v = signature[64]
        let yParity: UInt8 = v == 28 ? 1 : 0
        let parsed: RecoverableSignature
        do {
            parsed = try RecoverableSignature(
                r: Array(signature[0..<32]), s: Array(signature[32..<64]),
                yParity: yParity)
        } catch .highS {
            throw Reverted(.error("ECDSA: invalid signature 's' value"))
        } catch {
            throw Reverted(.error("ECDSA: invalid signature"))  // ecrecover returns address(0)
        }
        guard v == 27 || v == 28 else { throw Reverted(.error("ECDSA: invalid signature")) }
        do { return try parsed.recoverAddress(digest: digest) } catch {
            throw Reverted(.error("ECDSA: invalid signature"))  // no point recovers: ecrecover gives address(0)
        }
    }
}

/// A contract revert carried as a Swift error inside the models.
struct Reverted: Error {
    let revert: ContractRevert
    init(_ revert: ContractRevert) { self.revert = revert }
}
