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
        while true {
            if receipt == nil {
                for rpc in rpcs {
                    if let found = await self.receipt(of: state.hashes, at: rpc) { receipt = found; break }
                }
            }
            if let mined = receipt {
                if state.minedHash != mined.transactionHash {
                    state.minedHash = mined.transactionHash
                    state.status = "mined"
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
            await pause(settings.pollSeconds)
        }
    }

    /// Reports a mined payment: reverted (decoded by replaying the call) or paid (the `Transferred` event).
    func settle(_ receipt: TransactionReceipt, state: inout BroadcastState) async throws(BroadcastError) -> Outcome {
        let tx = file.transaction.transaction
        guard receipt.status == .success else {
            state.status = "reverted"
            try save(state)
            throw .reverted(
                hash: receipt.transactionHash, block: receipt.blockNumber, revert: await replayRevert(at: receipt.blockNumber))
        }
        state.status = state.status == "credited" ? "credited" : "confirmed"
        try save(state)
        let event = receipt.logs.lazy.filter { $0.address == tx.to }
            .compactMap { try? TransferredEvent(topics: $0.topics, data: $0.data) }
            .first { $0.id == self.intent?.id }
        var refunded: Wei?
        if let event, event.spentAmount <= tx.value.amount { refunded = Wei(tx.value.amount - event.spentAmount) }
        return Outcome(receipt: receipt, transferred: event, refunded: refunded, credits: nil, state: state)
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

    /// Polls `GET /credits` (every ≥ 10 s: the values may be 60 s stale) until total credits rose by the purchase.
    func waitForCredits(_ api: PaymentAPIClient, state: inout BroadcastState) async throws(BroadcastError) -> Credits {
        let purchased = intent.map { DecimalAmount.format($0.recipientAmount + $0.feeAmount, decimals: 6) } ?? "0"
        if let intent, intent.recipientAmount + intent.feeAmount >= 500_000_000 {
            log("Purchases of $500 or more are credited after ~15 minutes (OpenRouter waits out re-orgs).")
        }
        let before = state.creditsBefore ?? "0"
        let target = Self.sum(before, purchased)
        let start = now()
        while true {
            let credits = try await creditsNow(api)
            if let target, let total = Credits.picoUSD(credits.totalCredits), total >= target {
                state.status = "credited"
                try save(state)
                log("Credited: total credits \(credits.totalCredits) (was \(before), bought \(purchased)).")
                return credits
            }
            log("Waiting for credits: total \(credits.totalCredits), expecting at least \(before) + \(purchased)…")
            guard now() < start + settings.timeoutSeconds else {
                try save(state); throw .timedOut(stage: "waiting for the credits")
            }
            await pause(max(10, settings.creditPollSeconds))
        }
    }

    func creditsNow(_ api: PaymentAPIClient) async throws(BroadcastError) -> Credits {
        do { return try await api.credits() } catch { throw .credits(error) }
    }

    func latestBlock() async -> UInt64? {
        for rpc in rpcs { if let number = try? await rpc.blockNumber() { return number } }
        return nil
    }

    func pause(_ seconds: Double) async {
        try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
    }

    /// The sum of two exact credit figures, in 10^-12 USD.
    static func sum(_ a: String, _ b: String) -> UInt256? {
        guard let x = Credits.picoUSD(a), let y = Credits.picoUSD(b) else { return nil }
        return x.addingReportingOverflow(y).partialValue
    }
}
