import EthereumPrimitives

/// An account's balance (wei) and next nonce.
struct Account: Sendable, Equatable {
    var balance: UInt256 = .zero
    var nonce: UInt64 = 0
}

/// One event log as a receipt carries it.
struct LogEntry: Sendable, Equatable {
    let address: Address
    let topics: [Hash32]
    let data: [UInt8]
}

/// The outcome of a mined transaction.
struct Receipt: Sendable, Equatable {
    /// `true` for status 1.
    let succeeded: Bool
    let gasUsed: UInt64
    let cumulativeGasUsed: UInt64
    /// The price per gas paid, wei.
    let effectiveGasPrice: UInt256
    let logs: [LogEntry]
}

/// A transaction in a block, with its position and receipt.
struct MinedTransaction: Sendable {
    let transaction: PoolTransaction
    let blockNumber: UInt64
    let index: Int
    /// Index in the block of this transaction's first log.
    let firstLogIndex: Int
    let receipt: Receipt
}

/// A block header and its transaction hashes.
struct ChainBlock: Sendable, Equatable {
    let number: UInt64
    let hash: Hash32
    let parentHash: Hash32
    let timestamp: UInt64
    let baseFee: UInt256
    let gasLimit: UInt64
    let gasUsed: UInt64
    let transactions: [Hash32]
}

/// The Transfers contract's replay key: `processedTransferIntents[operator][id]`.
struct IntentKey: Hashable, Sendable {
    let `operator`: Address
    let id: [UInt8]
}
