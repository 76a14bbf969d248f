import BundleFormat
import EthereumABI
public import EthereumPrimitives
import EthereumRPC
import EthereumTransactions

extension Broadcaster {
    /// What the signed bytes pay (see ``SignedPayment``).
    public var payment: SignedPayment { SignedPayment(file.transaction.transaction) }

    /// The token counted as USDC: ``Settings/usdc``, or the chain's built-in native USDC.
    public var usdcToken: Address? {
        settings.usdc ?? KnownChain.entry(for: file.transaction.transaction.chainID)?.usdc
    }

    /// Confirms, from a receipt with status 1, that the checkout payment happened; nil for the intent path.
    ///
    /// A token transfer needs a log emitted by the token whose topics and data decode to exactly
    /// `Transfer(from: signer, to: recipient, value: amount)`: a receipt without it (a token that moved nothing,
    /// a node that forged a receipt) is ``BroadcastError/paymentNotConfirmed(hash:block:reason:)``.
    ///
    /// A native transfer emits no log, and a receipt carries no value: the mined transaction is read by its hash
    /// (`eth_getTransactionByHash`) and its sender, recipient, value, calldata and block must be the signed ones.
    /// The hash already commits to the signed bytes, so this also catches a node whose receipt and transaction
    /// disagree.
    func confirmPayment(_ receipt: TransactionReceipt) async throws(BroadcastError) -> ConfirmedTransfer? {
        let payment = self.payment
        guard case .token = payment else {
            guard case .native = payment else { return nil }
            return try await confirmNative(receipt)
        }
        return try confirmToken(receipt)
    }

    /// The signed rung the receipt names, and its recovered signer; a receipt for another hash is refused.
    func minedRung(_ receipt: TransactionReceipt) throws(BroadcastError) -> (EIP1559Transaction, Address) {
        guard let rung = file.allTransactions.first(where: { $0.transactionHash.hash == receipt.transactionHash }) else {
            throw notConfirmed(receipt, "the receipt is for \(receipt.transactionHash), none of the signed transactions")
        }
        let signer: Address
        do { signer = try rung.recoverSender() } catch { throw .invalidInput(error.description) }
        guard receipt.from == signer else {
            throw notConfirmed(receipt, "the receipt's sender is \(receipt.from), not the signer \(signer)")
        }
        return (rung.transaction, signer)
    }

    func confirmToken(_ receipt: TransactionReceipt) throws(BroadcastError) -> ConfirmedTransfer {
        let (tx, signer) = try minedRung(receipt)
        guard case .token(let token, let transfer) = SignedPayment(tx) else {
            throw notConfirmed(receipt, "the mined rung is not the signed token transfer")
        }
        guard receipt.to == token else {
            throw notConfirmed(
                receipt, "the receipt's recipient is \(receipt.to.map(\.description) ?? "none"), not the token \(token)")
        }
        let expected = ERC20TransferEvent(from: signer, to: transfer.recipient, value: transfer.amount)
        let matched = receipt.logs.contains { log in
            log.address == token && (try? ERC20TransferEvent(topics: log.topics, data: log.data)) == expected
        }
        guard matched else {
            let seen = receipt.logs.filter { $0.topics.first == ERC20TransferEvent.topic }.count
            throw notConfirmed(
                receipt,
                "no Transfer(from \(signer), to \(transfer.recipient), value \(transfer.amount)) log from the token \(token) "
                    + "(\(receipt.logs.count) log(s), \(seen) Transfer event(s) of any contract)")
        }
        return ConfirmedTransfer(
            token: token, from: signer, to: transfer.recipient, amount: transfer.amount, usdc: usdcToken,
            nativeSymbol: tx.chainID.nativeSymbol)
    }

    func confirmNative(_ receipt: TransactionReceipt) async throws(BroadcastError) -> ConfirmedTransfer {
        let (tx, signer) = try minedRung(receipt)
        guard receipt.to == tx.to else {
            throw notConfirmed(receipt, "the receipt's recipient is \(receipt.to.map(\.description) ?? "none"), not \(tx.to)")
        }
        var failures: [String] = []
        var mined: TransactionInfo?
        for rpc in rpcs where mined == nil {
            do { mined = try await rpc.send(Eth.transactionByHash(receipt.transactionHash)) } catch {
                failures.append("\(Self.origin(rpc)): \(error)")
            }
        }
        guard let mined else {
            if failures.count == rpcs.count { throw .unreachable(failures) }
            throw notConfirmed(receipt, "no node returns the mined transaction \(receipt.transactionHash)")
        }
        let checks: [(Bool, String)] = [
            (mined.hash == receipt.transactionHash, "hash \(mined.hash)"), (mined.from == signer, "sender \(mined.from)"),
            (mined.to == tx.to, "recipient \(mined.to.map(\.description) ?? "none")"),
            (mined.value == tx.value, "value \(mined.value.etherString)"), (mined.input.isEmpty, "calldata not empty"),
            (mined.blockNumber == receipt.blockNumber, "block \(mined.blockNumber.map(String.init) ?? "pending")"),
        ]
        if let wrong = checks.first(where: { !$0.0 }) {
            throw notConfirmed(receipt, "the mined transaction differs from the signed one: \(wrong.1)")
        }
        return ConfirmedTransfer(
            token: nil, from: signer, to: tx.to, amount: tx.value.amount, usdc: nil, nativeSymbol: tx.chainID.nativeSymbol)
    }

    func notConfirmed(_ receipt: TransactionReceipt, _ reason: String) -> BroadcastError {
        .paymentNotConfirmed(hash: receipt.transactionHash, block: receipt.blockNumber, reason: reason)
    }
}
