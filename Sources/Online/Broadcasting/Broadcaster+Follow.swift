import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import PaymentAPI

extension Broadcaster {
    /// Polls until one of our transactions has a receipt with enough confirmations; sends the next ladder rung
    /// when the current one waits longer than `replaceAfterSeconds`.
    func follow(state: inout BroadcastState, known: TransactionReceipt?) async throws(BroadcastError) -> TransactionReceipt {
        let start = now()
        var receipt = known
        var lastProgress = ""
        var firstHead: UInt64?
        var lastEvent: String?
        while true {
            if receipt == nil {
                for rpc in rpcs {
                    if let found = await self.receipt(of: state.hashes, at: rpc) { receipt = found; break }
                }
            }
            if receipt == nil {
                let head = await latestBlock()
                if firstHead == nil { firstHead = head }
                let progress = WaitProgress(
                    hash: state.hashes[min(state.rung, state.hashes.count - 1)], rung: state.rung,
                    rungs: file.allTransactions.count, elapsedSeconds: now() - start,
                    timeoutSeconds: settings.timeoutSeconds, head: head,
                    blocksSeen: head.flatMap { head in firstHead.map { head >= $0 ? head - $0 : 0 } } ?? 0,
                    replaceInSeconds: nextReplacement(state: state))
                if let onWaiting {
                    onWaiting(progress)
                } else if progress.event != lastEvent {
                    log(progress.line)
                    lastEvent = progress.event
                }
            }
            if let mined = receipt {
                if state.minedHash != mined.transactionHash {
                    state.minedHash = mined.transactionHash
                    state.record(mined.status == .success ? .mined : .reverted)
                    try save(state)
                    log(
                        "Mined \(mined.transactionHash) in block \(mined.blockNumber) (status \(mined.status == .success ? "success" : "reverted"))."
                    )
                }
                let head = await latestBlock()
                let confirmations = head.map { $0 >= mined.blockNumber ? $0 - mined.blockNumber + 1 : 0 } ?? 0
                if confirmations >= settings.confirmations || mined.status == .reverted { return mined }
                let progress = "confirmations \(confirmations)/\(settings.confirmations)"
                if progress != lastProgress { log(progress); lastProgress = progress }
            } else if let after = settings.replaceAfterSeconds, let sent = state.lastSentAt, now() >= sent + after,
                state.rung + 1 < file.allTransactions.count
            {
                log("Not mined after \(after) s: replacing with fee-ladder rung \(state.rung + 1).")
                do { try await sendClimbingLadder(from: state.rung + 1, state: &state) } catch {
                    // The replacement was refused or could not be sent: the earlier rung is still valid and pending.
                    log("warning: replacement not accepted (\(error)); still following rung \(state.rung)")
                    state.lastSentAt = now()
                }
            }
            guard now() < start + settings.timeoutSeconds else {
                try save(state)
                throw .timedOut(stage: receipt == nil ? "waiting for the receipt" : "waiting for confirmations")
            }
            await clock.sleep(seconds: settings.pollSeconds)
        }
    }

    /// Seconds until the next fee-ladder rung is sent, when one is left and `--replace-after` is set.
    func nextReplacement(state: BroadcastState) -> UInt64? {
        guard let after = settings.replaceAfterSeconds, let sent = state.lastSentAt,
            state.rung + 1 < file.allTransactions.count
        else { return nil }
        let due = sent + after
        return due > now() ? due - now() : 0
    }

    /// Reports a mined payment: reverted (decoded by replaying the call), not paid (a checkout payment the receipt
    /// does not show), or paid (the `Transferred` event, or the confirmed transfer).
    func settle(_ receipt: TransactionReceipt, state: inout BroadcastState) async throws(BroadcastError) -> Outcome {
        let tx = file.transaction.transaction
        guard receipt.status == .success else {
            state.record(.reverted)
            try save(state)
            throw .reverted(
                hash: receipt.transactionHash, block: receipt.blockNumber, revert: await replayRevert(at: receipt.blockNumber))
        }
        let transfer: ConfirmedTransfer?
        do { transfer = try await confirmPayment(receipt) } catch {
            if case .paymentNotConfirmed = error {
                state.record(.notPaid)
                try save(state)
            }
            throw error
        }
        let firstTime = state.record(.confirmed)
        try save(state)
        if firstTime { onConfirmed(receipt) }
        if let transfer { log("Confirmed by the receipt: \(transfer.line).") }
        let event = receipt.logs.lazy.filter { $0.address == tx.to }
            .compactMap { try? TransferredEvent(topics: $0.topics, data: $0.data) }
            .first { $0.id == self.intent?.id }
        var refunded: Wei?
        if let event, event.spentAmount <= tx.value.amount { refunded = Wei(tx.value.amount - event.spentAmount) }
        return Outcome(
            receipt: receipt, transferred: event, transfer: transfer, refunded: refunded, credits: nil, state: state)
    }

    /// Re-executes the call to read the revert reason the receipt does not carry: first in the context of its own
    /// block (same timestamp, so `ExpiredIntent()` reproduces), then on the latest state.
    func replayRevert(at block: UInt64) async -> ContractRevert {
        let tx = file.transaction.transaction
        let call = CallRequest(from: file.from, to: tx.to, value: tx.value, data: tx.data, gas: tx.gasLimit)
        for tag in [BlockTag.number(block), .latest] {
            do {
                _ = try await rpcs[0].call(call, at: tag)
            } catch {
                if case .node(let node) = error, let data = node.revertData { return ContractRevert(revertData: data) }
            }
        }
        return .unknown(data: [])
    }

    func creditsNow(_ api: PaymentAPIClient) async throws(BroadcastError) -> Credits {
        do { return try await api.credits() } catch { throw .credits(error) }
    }

    func latestBlock() async -> UInt64? {
        for rpc in rpcs { if let number = try? await rpc.blockNumber() { return number } }
        return nil
    }
}
