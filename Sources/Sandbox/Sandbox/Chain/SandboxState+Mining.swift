import EthereumPrimitives

extension SandboxState {
    /// Mines one block at sandbox time `now` and returns it.
    ///
    /// The block's timestamp is `max(now, parent + 1)`. It takes executable pooled transactions — each sender's
    /// next nonce, fee cap at least the base fee, balance covering `value + gasLimit × maxFee` — highest effective
    /// tip first (earlier arrival on ties), nonce order within a sender, until the gas limit is reached.
    @discardableResult
    mutating func mineBlock(rules: ChainRules, now: UInt64) -> ChainBlock {
        let parent = latest
        let number = parent.number + 1
        let timestamp = max(now, parent.timestamp + 1)
        let baseFee = nextBaseFee
        var gasUsed: UInt64 = 0
        var included: [Hash32] = []
        var logCount = 0
        var full: Set<Address> = []
        while let tx = nextExecutable(baseFee: baseFee, excluding: full) {
            guard gasUsed + tx.gasLimit <= rules.blockGasLimit else {
                full.insert(tx.from)
                continue
            }
            let receipt = apply(
                tx, rules: rules, baseFee: baseFee, timestamp: timestamp,
                cumulativeGas: gasUsed)
            gasUsed = receipt.cumulativeGasUsed
            mined[tx.hash] = MinedTransaction(
                transaction: tx, blockNumber: number, index: included.count,
                firstLogIndex: logCount, receipt: receipt)
            logCount += receipt.logs.count
            included.append(tx.hash)
        }
        let block = Self.makeBlock(
            number: number, parentHash: parent.hash, timestamp: timestamp, baseFee: baseFee,
            gasLimit: rules.blockGasLimit, gasUsed: gasUsed, transactions: included,
            chainID: rules.chainID.value)
        blocks.append(block)
        nextBaseFee = rules.baseFee(after: baseFee, gasUsed: gasUsed)
        credits.settle(now: timestamp)
        return block
    }

    /// The best executable transaction, or nil.
    private func nextExecutable(baseFee: UInt256, excluding: Set<Address>) -> PoolTransaction? {
        var best: PoolTransaction?
        for (sender, transactions) in pool where !excluding.contains(sender) {
            guard let tx = transactions[account(sender).nonce], tx.maxFeePerGas >= baseFee,
                let cost = tx.maximumCost, account(sender).balance >= cost
            else { continue }
            if let current = best {
                let (tip, currentTip) = (tx.effectiveTip(baseFee: baseFee), current.effectiveTip(baseFee: baseFee))
                if tip < currentTip || (tip == currentTip && tx.arrival > current.arrival) { continue }
            }
            best = tx
        }
        return best
    }

    /// Executes `tx`: buys gas, runs the message, refunds unused gas, pays the tip, removes it from the pool.
    private mutating func apply(
        _ tx: PoolTransaction, rules: ChainRules, baseFee: UInt256, timestamp: UInt64,
        cumulativeGas: UInt64
    ) -> Receipt {
        pool[tx.from]?[tx.nonce] = nil
        if pool[tx.from]?.isEmpty == true { pool[tx.from] = nil }
        accounts[tx.from, default: Account()].nonce = tx.nonce + 1
        let message = Message(from: tx.from, to: tx.to, value: tx.value, data: tx.data, accessList: tx.accessList)
        let alreadyProcessed = processed
        let tokens = tokenBalances
        let result = rules.executor.execute(
            message, timestamp: timestamp,
            isProcessed: { alreadyProcessed.contains($0) }, tokenBalance: { tokens[$0] ?? .zero })
        let outOfGas = result.gasRequired > tx.gasLimit
        let gasUsed = outOfGas ? tx.gasLimit : result.gasRequired
        let price = tx.effectiveGasPrice(baseFee: baseFee)
        let fee = UInt256(gasUsed) * price  // ≤ gasLimit × maxFee, which the balance covers
        accounts[tx.from, default: Account()].balance = account(tx.from).balance - fee
        credit(SandboxAddresses.coinbase, UInt256(gasUsed) * (price - baseFee))
        var succeeded = false
        var logs: [LogEntry] = []
        if !outOfGas, case .success = result.status, commit(result.transfers, tokens: result.tokenMoves) {
            succeeded = true
            logs = result.logs
            if let key = result.processedIntent { processed.insert(key) }
            if let units = result.purchasedUnits {
                credits.record(
                    purchase: units, minedAt: timestamp, threshold: rules.creditDelayThreshold,
                    delay: rules.creditDelaySeconds, feeBasisPoints: rules.creditFeeBasisPoints)
            }
            for move in result.tokenMoves {
                guard let paid = checkouts.deposit(to: move.to, units: move.units, at: timestamp) else { continue }
                credits.record(
                    purchase: paid, minedAt: timestamp, threshold: rules.creditDelayThreshold,
                    delay: rules.creditDelaySeconds, feeBasisPoints: rules.checkoutFeeBasisPoints)
            }
        }
        return Receipt(
            succeeded: succeeded, gasUsed: gasUsed, cumulativeGasUsed: cumulativeGas + gasUsed,
            effectiveGasPrice: price, logs: logs)
    }

    /// Applies value and USDC moves all-or-nothing.
    private mutating func commit(_ transfers: [(from: Address, to: Address, amount: UInt256)], tokens: [TokenMove])
        -> Bool
    {
        let (savedAccounts, savedTokens) = (accounts, tokenBalances)
        for transfer in transfers where !move(from: transfer.from, to: transfer.to, transfer.amount) {
            accounts = savedAccounts
            return false
        }
        for move in tokens where !moveTokens(move) {
            (accounts, tokenBalances) = (savedAccounts, savedTokens)
            return false
        }
        return true
    }

    /// Moves USDC units; false (and nothing moved) when the sender holds less.
    private mutating func moveTokens(_ move: TokenMove) -> Bool {
        let balance = tokenBalance(move.from)
        guard balance >= move.units else { return false }
        tokenBalances[move.from] = balance - move.units
        let (sum, overflow) = tokenBalance(move.to).addingReportingOverflow(move.units)
        tokenBalances[move.to] = overflow ? .max : sum
        return true
    }
}
