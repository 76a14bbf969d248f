import EthereumPrimitives
import EthereumRLP

/// Everything the sandbox remembers: accounts, USDC balances, blocks, receipts, the transaction pool, the Transfers
/// contract's processed intents, the clock offset, the credits ledger and the checkouts.
///
/// One value under one lock, so mining a purchase and crediting it happen together, and one snapshot is what
/// the state file holds.
struct SandboxState: Sendable {
    var accounts: [Address: Account] = [:]
    /// The sandbox USDC's `balanceOf`, in units (6 decimals); absent means zero.
    var tokenBalances: [Address: UInt256] = [:]
    var blocks: [ChainBlock] = []
    var mined: [Hash32: MinedTransaction] = [:]
    /// Pending and queued transactions by sender and nonce (a nonce gap waits in the pool, as in geth's queue).
    var pool: [Address: [UInt64: PoolTransaction]] = [:]
    var processed: Set<IntentKey> = []
    /// Seconds added to the wall clock (`sandbox_increaseTime`).
    var timeOffset: Int64 = 0
    /// The base fee of the next block.
    var nextBaseFee: UInt256
    var arrivals: UInt64 = 0
    var credits: CreditsLedger
    /// The checkouts created through `POST /api/v1/checkouts`, paid by USDC deposits mined into blocks.
    var checkouts: CheckoutBook = .fresh()

    /// A fresh chain with its genesis block at `timestamp`.
    init(rules: ChainRules, timestamp: UInt64, credits: CreditsLedger) {
        nextBaseFee = rules.minimumBaseFee
        self.credits = credits
        let genesis = Self.makeBlock(
            number: 0, parentHash: Hash32(uncheckedBytes: [UInt8](repeating: 0, count: 32)),
            timestamp: timestamp, baseFee: rules.minimumBaseFee, gasLimit: rules.blockGasLimit,
            gasUsed: 0, transactions: [], chainID: rules.chainID.value)
        blocks = [genesis]
    }

    /// The newest block (there is always the genesis block).
    var latest: ChainBlock {
        guard let block = blocks.last else { preconditionFailure("the chain always has a genesis block") }
        return block
    }

    /// Sandbox time: the wall clock plus ``timeOffset``, never below zero.
    func now(wallClock: UInt64) -> UInt64 {
        if timeOffset >= 0 {
            let (sum, overflow) = wallClock.addingReportingOverflow(UInt64(timeOffset))
            return overflow ? .max : sum
        }
        let back = timeOffset.magnitude
        return wallClock > back ? wallClock - back : 0
    }

    func account(_ address: Address) -> Account { accounts[address] ?? Account() }

    /// The USDC balance of `address`, in units.
    func tokenBalance(_ address: Address) -> UInt256 { tokenBalances[address] ?? .zero }

    /// The next nonce counting the sender's executable pooled transactions (`eth_getTransactionCount` pending).
    func pendingNonce(of address: Address) -> UInt64 {
        var next = account(address).nonce
        while pool[address]?[next] != nil, next < .max { next += 1 }
        return next
    }

    /// The pooled transaction with `hash`, if any.
    func pooled(_ hash: Hash32) -> PoolTransaction? {
        for transactions in pool.values {
            if let match = transactions.values.first(where: { $0.hash == hash }) { return match }
        }
        return nil
    }

    /// The block with `number`, if mined.
    func block(_ number: UInt64) -> ChainBlock? {
        guard let index = Int(exactly: number), index < blocks.count else { return nil }
        return blocks[index]
    }

    /// Adds `amount` to a balance, saturating at 2^256 − 1.
    mutating func credit(_ address: Address, _ amount: UInt256) {
        let (sum, overflow) = account(address).balance.addingReportingOverflow(amount)
        accounts[address, default: Account()].balance = overflow ? .max : sum
    }

    /// Moves `amount` between accounts; false (and nothing moved) when `from` holds less.
    mutating func move(from: Address, to: Address, _ amount: UInt256) -> Bool {
        guard account(from).balance >= amount else { return false }
        accounts[from, default: Account()].balance = account(from).balance - amount
        credit(to, amount)
        return true
    }

    /// A block with its hash: keccak256 of the RLP of its header fields and transaction hashes (a sandbox
    /// convention, not a consensus header hash).
    static func makeBlock(
        number: UInt64, parentHash: Hash32, timestamp: UInt64, baseFee: UInt256, gasLimit: UInt64,
        gasUsed: UInt64, transactions: [Hash32], chainID: UInt64
    ) -> ChainBlock {
        let header = RLPItem.list([
            .bytes(parentHash.bytes), .integer(number), .integer(timestamp), .bytes(baseFee.minimalBigEndianBytes),
            .integer(gasLimit), .integer(gasUsed), .integer(chainID), .list(transactions.map { .bytes($0.bytes) }),
        ])
        return ChainBlock(
            number: number, hash: Keccak256.hash(RLP.encode(header)), parentHash: parentHash,
            timestamp: timestamp, baseFee: baseFee, gasLimit: gasLimit, gasUsed: gasUsed,
            transactions: transactions)
    }
}
