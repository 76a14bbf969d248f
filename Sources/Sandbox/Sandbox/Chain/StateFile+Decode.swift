import Foundation
import EthereumPrimitives
import EthereumTransactions
import StrictJSON

extension StateFile {
    /// Reads a state file written by ``encode(_:chainID:)`` for the chain of `rules`.
    static func decode(_ bytes: [UInt8], path: String, rules: ChainRules) throws(SandboxError) -> SandboxState {
        let r = Reader(path: path)
        let document: JSONValue
        do { document = try JSON.parse(bytes) } catch { throw r.fail("not JSON: \(error)") }
        guard try r.string(document, "format") == format else { throw r.fail("format is not \(format)") }
        guard try r.integer(document, "version") == 1 else { throw r.fail("unsupported version") }
        let chainID = try r.integer(document, "chainId")
        guard chainID == rules.chainID.value else {
            throw .chainIDMismatch(stateFile: chainID, configured: rules.chainID.value)
        }
        let creditsValue = try r.member(document, "credits")
        var credits = CreditsLedger(
            totalCredits: try r.decimal(creditsValue, "totalCredits"),
            totalUsage: try r.decimal(creditsValue, "totalUsage"))
        for item in try r.array(creditsValue, "pending") {
            credits.pending.append(.init(units: try r.decimal(item, "units"), due: try r.integer(item, "due")))
        }
        var state = SandboxState(rules: rules, timestamp: 0, credits: credits)
        guard let offset = Int64(try r.numberText(document, "timeOffset")) else { throw r.fail("timeOffset") }
        state.timeOffset = offset
        state.nextBaseFee = try r.quantity(document, "nextBaseFee")
        state.arrivals = try r.integer(document, "arrivals")
        guard let accounts = try r.member(document, "accounts").objectValue else { throw r.fail("accounts") }
        for (key, value) in accounts {
            state.accounts[try r.address(key)] = Account(
                balance: try r.quantity(value, "balance"),
                nonce: try r.quantity64(value, "nonce"))
        }
        state.blocks = []
        for (number, blockValue) in try r.array(document, "blocks").enumerated() {
            try readBlock(blockValue, number: UInt64(number), into: &state, rules: rules, r)
        }
        guard !state.blocks.isEmpty else { throw r.fail("no blocks") }
        for item in try r.array(document, "pool") {
            let tx = try r.transaction(try r.string(item, "raw"), arrival: try r.integer(item, "arrival"))
            state.pool[tx.from, default: [:]][tx.nonce] = tx
        }
        for item in try r.array(document, "processed") {
            state.processed.insert(
                IntentKey(
                    operator: try r.address(try r.string(item, "operator")),
                    id: try r.bytes(try r.string(item, "id"))))
        }
        try decodeTokenMembers(document, into: &state, r)
        return state
    }

    private static func readBlock(
        _ value: JSONValue, number: UInt64, into state: inout SandboxState,
        rules: ChainRules, _ r: Reader
    ) throws(SandboxError) {
        guard try r.quantity64(value, "number") == number else { throw r.fail("block \(number) out of order") }
        var hashes: [Hash32] = []
        var logCount = 0
        var gasUsed: UInt64 = 0
        for (index, item) in try r.array(value, "transactions").enumerated() {
            let tx = try r.transaction(try r.string(item, "raw"), arrival: 0)
            var logs: [LogEntry] = []
            for log in try r.array(item, "logs") {
                var topics: [Hash32] = []
                for topic in try r.array(log, "topics") {
                    guard let text = topic.stringValue else { throw r.fail("a log topic is not a string") }
                    topics.append(try r.hash(text))
                }
                logs.append(
                    LogEntry(
                        address: try r.address(try r.string(log, "address")), topics: topics,
                        data: try r.bytes(try r.string(log, "data"))))
            }
            let receipt = Receipt(
                succeeded: try r.quantity64(item, "status") == 1,
                gasUsed: try r.quantity64(item, "gasUsed"),
                cumulativeGasUsed: try r.quantity64(item, "cumulativeGasUsed"),
                effectiveGasPrice: try r.quantity(item, "effectiveGasPrice"), logs: logs)
            state.mined[tx.hash] = MinedTransaction(
                transaction: tx, blockNumber: number, index: index,
                firstLogIndex: logCount, receipt: receipt)
            logCount += logs.count
            gasUsed = receipt.cumulativeGasUsed
            hashes.append(tx.hash)
        }
        let parentHash = state.blocks.last?.hash ?? Hash32(uncheckedBytes: [UInt8](repeating: 0, count: 32))
        let block = SandboxState.makeBlock(
            number: number, parentHash: parentHash, timestamp: try r.quantity64(value, "timestamp"),
            baseFee: try r.quantity(value, "baseFee"), gasLimit: try r.quantity64(value, "gasLimit"),
            gasUsed: gasUsed, transactions: hashes, chainID: rules.chainID.value)
        guard block.hash.hex == (try r.string(value, "hash")) else { throw r.fail("block \(number): hash mismatch") }
        state.blocks.append(block)
    }
}
