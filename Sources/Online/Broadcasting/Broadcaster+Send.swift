import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import HTTPTransport

extension Broadcaster {
    /// One batch per node: chain id, latest block, the sender's mined nonce and the receipts of every known hash.
    ///
    /// Returns the nodes that serve the transaction's chain (a node on another chain is skipped with a warning
    /// naming it; none left is ``BroadcastError/wrongChain(expected:found:)``), and a receipt when one of our
    /// transactions is already mined. A mined nonce above ours with none of our receipts anywhere is
    /// ``BroadcastError/nonceUsedElsewhere(nonce:accountNonce:)``.
    func inspectChain(state: inout BroadcastState) async throws(BroadcastError) -> ([JSONRPCClient], TransactionReceipt?) {
        let tx = file.transaction.transaction
        var serving: [JSONRPCClient] = []
        var reachable = 0
        var failures: [String] = []
        var otherChains: [String] = []
        var found: TransactionReceipt?
        var accountNonce: UInt64?
        for rpc in rpcs {
            let origin = Self.origin(rpc)
            let results: (Result<ChainID, RPCError>, Result<Block?, RPCError>, Result<UInt64, RPCError>)
            do {
                results = try await rpc.batchResults(
                    Eth.chainID(), Eth.blockByNumber(.latest),
                    Eth.transactionCount(of: file.from, at: .latest))
            } catch {
                failures.append("\(origin): \(error)")
                serving.append(rpc)  // unreachable now, perhaps not when sending
                continue
            }
            guard case .success(let chain) = results.0 else {
                failures.append("\(origin): eth_chainId failed")
                serving.append(rpc)
                continue
            }
            guard chain == tx.chainID else {
                otherChains.append("\(origin) serves chain \(chain)")
                log("warning: skipping RPC \(origin): it serves chain \(chain), not \(tx.chainID)")
                continue
            }
            reachable += 1
            serving.append(rpc)
            if case .success(let block?) = results.1, let baseFee = block.baseFeePerGas, tx.maxFeePerGas < baseFee {
                log(
                    "warning: maxFeePerGas \(tx.maxFeePerGas.gweiString) gwei is below the current base fee \(baseFee.gweiString) gwei at \(origin); the transaction waits until the base fee drops (or use the fee ladder)"
                )
            }
            if found == nil { found = await receipt(of: state.hashes, at: rpc) }
            if case .success(let nonce) = results.2 { accountNonce = max(accountNonce ?? 0, nonce) }
        }
        guard reachable > 0 else {
            if !otherChains.isEmpty { throw .wrongChain(expected: tx.chainID, found: otherChains + failures) }
            throw .unreachable(failures)
        }
        if found == nil, let accountNonce, accountNonce > tx.nonce {
            throw .nonceUsedElsewhere(nonce: tx.nonce, accountNonce: accountNonce)
        }
        if let found {
            state.minedHash = found.transactionHash
            state.record(found.status == .success ? .mined : .reverted)
            try save(state)
            log("Already mined: \(found.transactionHash) in block \(found.blockNumber).")
        }
        return (serving, found)
    }

    /// The receipt of any of `hashes` at `rpc`, in one batch; nil when none is mined or the node fails.
    func receipt(of hashes: [Hash32], at rpc: JSONRPCClient) async -> TransactionReceipt? {
        for hash in hashes {
            if let receipt = try? await rpc.transactionReceipt(hash) { return receipt }
        }
        return nil
    }

    /// Sends the current rung; when every node refuses it as under-priced (below the base fee, or not enough
    /// to replace what it holds) and the fee ladder has a higher rung, sends that one instead, and so on.
    func sendClimbingLadder(from start: Int, state: inout BroadcastState) async throws(BroadcastError) {
        var rung = start
        while true {
            do {
                try await send(rung: rung, state: &state)
                return
            } catch .underpriced(let reasons) {
                guard rung + 1 < file.allTransactions.count else { throw .rejected(reasons) }
                rung += 1
                log("Every node refused the fees as too low; sending fee-ladder rung \(rung).")
            }
        }
    }

    /// Sends rung `rung` to every node.
    ///
    /// "already known" counts as accepted; "nonce too low" counts as accepted only when one of our hashes is mined
    /// (checked by the caller's follow loop).
    func send(rung: Int, state: inout BroadcastState) async throws(BroadcastError) {
        let transactions = file.allTransactions
        guard rung < transactions.count else { return }
        let tx = transactions[rung]
        var accepted = 0
        var refusals: [String] = []
        var unreachable: [String] = []
        var underpriced = 0
        var maybe: [String] = []
        for rpc in rpcs {
            let origin = Self.origin(rpc)
            let outcome: String
            do {
                let hash = try await rpc.sendRawTransaction(tx.rawTransaction)
                guard hash == tx.transactionHash.hash else {
                    refusals.append("\(origin) returned hash \(hash), expected \(tx.transactionHash)")
                    continue
                }
                outcome = "accepted"
                accepted += 1
            } catch {
                switch error.nodeErrorKind {
                case .alreadyKnown?:
                    outcome = "already known"
                    accepted += 1
                case .nonceTooLow?:
                    outcome = "nonce too low"
                    accepted += 1  // our transaction (or an earlier rung) is mined; the follow loop confirms it
                case nil where Self.mayHaveReached(error):
                    outcome = "maybe sent: \(error)"
                    unreachable.append("\(origin): \(error)")
                    maybe.append(origin)
                case nil:
                    outcome = "unreachable: \(error)"
                    unreachable.append("\(origin): \(error)")
                case .maxFeeBelowBaseFee?, .transactionUnderpriced?, .replacementUnderpriced?:
                    outcome = "refused: \(error)"
                    refusals.append("\(origin): \(error)")
                    underpriced += 1
                default:
                    outcome = "refused: \(error)"
                    refusals.append("\(origin): \(error)")
                }
            }
            state.submissions.append(.init(hash: tx.transactionHash.hash, rpc: origin, at: now(), outcome: outcome))
        }
        if accepted > 0 {
            state.rung = rung
            state.lastSentAt = now()
            state.record(.accepted)
        } else if !maybe.isEmpty {
            state.rung = max(state.rung, rung)
            state.lastSentAt = now()
            state.record(.maybeSent)
        }
        try save(state)
        if accepted > 0 {
            let nodes = state.submissions.suffix(rpcs.count)
                .filter { ["accepted", "already known", "nonce too low"].contains($0.outcome) }.map(\.rpc)
            onSent(SentNotice(hash: tx.transactionHash.hash, nodes: nodes, time: now(), certain: true))
        } else if !maybe.isEmpty {
            log("warning: no answer from \(maybe.joined(separator: ", ")) after sending; the transaction may be pending")
            onSent(SentNotice(hash: tx.transactionHash.hash, nodes: maybe, time: now(), certain: false))
        }
        if accepted == 0 {
            if refusals.isEmpty { throw .unreachable(unreachable) }
            if underpriced == refusals.count { throw .underpriced(refusals + unreachable) }
            throw .rejected(refusals + unreachable)
        }
        log("Sent \(rung == 0 ? "transaction" : "replacement \(rung)") \(tx.transactionHash) to \(accepted) node(s).")
    }

    /// Whether a failed `eth_sendRawTransaction` may have reached the node: the request went out but the answer
    /// was lost (timeout, broken connection) or a proxy failed in front of it.
    static func mayHaveReached(_ error: RPCError) -> Bool {
        switch error {
        case .transport(let transport): return !transport.requestNeverSent
        case .httpStatus(let status, _): return status >= 500
        default: return false
        }
    }

    /// A node's scheme, host and port: never a path, which may hold a provider key.
    static func origin(_ rpc: JSONRPCClient) -> String {
        HTTPRequest(method: .post, url: rpc.endpoint).origin
    }
}
