import EthereumPrimitives
import EthereumTransactions
import Secp256k1
import StrictJSON

/// The JSON objects of blocks, transactions, receipts and logs, in the execution-apis spelling geth uses.
enum RPCRendering {
    static func quantity(_ value: UInt256) -> JSONValue { .string(value.quantity) }
    static func quantity(_ value: UInt64) -> JSONValue { .string(UInt256(value).quantity) }
    static func quantity(_ value: Int) -> JSONValue { .string(UInt256(UInt64(clamping: value)).quantity) }
    static func data(_ bytes: [UInt8]) -> JSONValue { .string(Hex.encode(bytes)) }
    static func address(_ address: Address) -> JSONValue { .string(address.lowercased) }

    private static let zeroHash = JSONValue.string(Hex.encode([UInt8](repeating: 0, count: 32)))
    /// keccak256(rlp([])): the uncles hash of a block without uncles.
    private static let emptyUnclesHash = JSONValue.string(
        "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347")

    /// A block; `full` includes transaction objects rather than hashes.
    static func block(_ block: ChainBlock, full: Bool, state: SandboxState) -> JSONValue {
        let mined = block.transactions.compactMap { state.mined[$0] }
        let bloom = LogsBloom.merge(mined.map { LogsBloom.compute($0.receipt.logs) })
        let transactions: [JSONValue] =
            full
            ? mined.map { transaction($0.transaction, mined: $0, block: block) }
            : block.transactions.map { .string($0.hex) }
        return .object([
            "number": quantity(block.number), "hash": .string(block.hash.hex),
            "parentHash": .string(block.parentHash.hex), "timestamp": quantity(block.timestamp),
            "baseFeePerGas": quantity(block.baseFee), "gasLimit": quantity(block.gasLimit),
            "gasUsed": quantity(block.gasUsed), "miner": address(SandboxAddresses.coinbase),
            "difficulty": .string("0x0"), "totalDifficulty": .string("0x0"), "extraData": .string("0x"),
            "nonce": .string("0x0000000000000000"), "mixHash": zeroHash, "sha3Uncles": emptyUnclesHash,
            "logsBloom": data(bloom), "stateRoot": zeroHash, "receiptsRoot": zeroHash, "transactionsRoot": zeroHash,
            "size": quantity(UInt64(500 + mined.reduce(0) { $0 + $1.transaction.raw.count })),
            "transactions": .array(transactions), "uncles": .array([]),
        ])
    }

    /// A transaction, pending (`mined` nil) or mined.
    static func transaction(_ tx: PoolTransaction, mined: MinedTransaction?, block: ChainBlock?) -> JSONValue {
        var members: [String: JSONValue] = [
            "hash": .string(tx.hash.hex), "from": address(tx.from), "to": address(tx.to),
            "nonce": quantity(tx.nonce), "value": quantity(tx.value), "input": data(tx.data),
            "gas": quantity(tx.gasLimit), "type": quantity(UInt64(tx.type)), "v": quantity(tx.v),
            "r": quantity(UInt256.fromBigEndian(tx.signature.r)), "s": quantity(UInt256.fromBigEndian(tx.signature.s)),
            "blockHash": block.map { .string($0.hash.hex) } ?? .null,
            "blockNumber": block.map { quantity($0.number) } ?? .null,
            "transactionIndex": mined.map { quantity($0.index) } ?? .null,
        ]
        if let chainID = tx.chainID { members["chainId"] = quantity(chainID.value) }
        if tx.type == 2 {
            members["maxFeePerGas"] = quantity(tx.maxFeePerGas)
            members["maxPriorityFeePerGas"] = quantity(tx.maxPriorityFeePerGas)
            members["yParity"] = quantity(tx.v)
            members["accessList"] = .array(
                tx.accessList.map { entry in
                    .object([
                        "address": address(entry.address),
                        "storageKeys": .array(entry.storageKeys.map { .string($0.hex) }),
                    ])
                })
            members["gasPrice"] = quantity(mined?.receipt.effectiveGasPrice ?? tx.maxFeePerGas)
        } else {
            members["gasPrice"] = quantity(tx.maxFeePerGas)
        }
        return .object(members)
    }

    /// A receipt.
    static func receipt(_ mined: MinedTransaction, block: ChainBlock) -> JSONValue {
        let tx = mined.transaction
        let logs: [JSONValue] = mined.receipt.logs.enumerated().map { offset, log in
            .object([
                "address": address(log.address), "topics": .array(log.topics.map { .string($0.hex) }),
                "data": data(log.data), "blockNumber": quantity(block.number), "blockHash": .string(block.hash.hex),
                "transactionHash": .string(tx.hash.hex), "transactionIndex": quantity(mined.index),
                "logIndex": quantity(mined.firstLogIndex + offset), "removed": .bool(false),
            ])
        }
        return .object([
            "transactionHash": .string(tx.hash.hex), "transactionIndex": quantity(mined.index),
            "blockHash": .string(block.hash.hex), "blockNumber": quantity(block.number),
            "from": address(tx.from), "to": address(tx.to), "contractAddress": .null,
            "cumulativeGasUsed": quantity(mined.receipt.cumulativeGasUsed), "gasUsed": quantity(mined.receipt.gasUsed),
            "effectiveGasPrice": quantity(mined.receipt.effectiveGasPrice), "logs": .array(logs),
            "logsBloom": data(LogsBloom.compute(mined.receipt.logs)),
            "status": quantity(UInt64(mined.receipt.succeeded ? 1 : 0)), "type": quantity(UInt64(tx.type)),
        ])
    }
}

extension UInt256 {
    /// A 32-byte (or shorter) big-endian integer; longer input is a caller bug.
    static func fromBigEndian(_ bytes: [UInt8]) -> UInt256 {
        do { return try UInt256(bigEndian: bytes, field: "signature") } catch {
            preconditionFailure("signature components are 32 bytes: \(error)")
        }
    }
}

/// The 2048-bit logs bloom of the Yellow Paper (§4.3.1), as geth's `types.Bloom` computes it: for the address
/// and each topic of each log, three bits chosen by the first three byte pairs of its Keccak-256.
enum LogsBloom {
    static func compute(_ logs: [LogEntry]) -> [UInt8] {
        var bloom = [UInt8](repeating: 0, count: 256)
        for log in logs {
            add(log.address.bytes, to: &bloom)
            for topic in log.topics { add(topic.bytes, to: &bloom) }
        }
        return bloom
    }

    /// Bitwise or of blooms.
    static func merge(_ blooms: [[UInt8]]) -> [UInt8] {
        var merged = [UInt8](repeating: 0, count: 256)
        for bloom in blooms { for index in 0..<256 { merged[index] |= bloom[index] } }
        return merged
    }

    private static func add(_ value: [UInt8], to bloom: inout [UInt8]) {
        let hash = Keccak256.hash(value).bytes
        for pair in stride(from: 0, to: 6, by: 2) {
            let bit = (Int(hash[pair]) << 8 | Int(hash[pair + 1])) & 0x7ff
            bloom[255 - bit >> 3] |= 1 << (hash[pair + 1] & 0x7)
        }
    }
}
