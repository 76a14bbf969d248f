import BundleFormat
import Foundation
import EthereumPrimitives
import StrictJSON

/// The sandbox state file, format `coldcredits.sandbox-state` version 1: compact JSON (sorted keys) holding
/// accounts, every block with its transactions' raw bytes and receipts, the pool, the processed intents, the clock
/// offset, the credits ledger, USDC balances and checkouts (the last two optional on reading).
///
/// Quantities are `0x` hex; credits are decimal USDC units. Written atomically (temporary file and rename)
/// after every block; read back at start, re-decoding and re-recovering every transaction.
enum StateFile {
    static let format = "coldcredits.sandbox-state"

    /// The document for `state` on chain `chainID`.
    static func encode(_ state: SandboxState, chainID: UInt64) -> [UInt8] {
        func quantity(_ value: UInt256) -> JSONValue { .string(value.quantity) }
        func quantity(_ value: UInt64) -> JSONValue { .string(UInt256(value).quantity) }
        var accounts: [String: JSONValue] = [:]
        for (address, account) in state.accounts {
            accounts[address.lowercased] = .object([
                "balance": quantity(account.balance), "nonce": quantity(account.nonce),
            ])
        }
        let blocks: [JSONValue] = state.blocks.map { block in
            let transactions: [JSONValue] = block.transactions.compactMap { hash in
                guard let mined = state.mined[hash] else { return nil }
                let receipt = mined.receipt
                return .object([
                    "raw": .string(Hex.encode(mined.transaction.raw)),
                    "status": quantity(UInt64(receipt.succeeded ? 1 : 0)),
                    "gasUsed": quantity(receipt.gasUsed), "cumulativeGasUsed": quantity(receipt.cumulativeGasUsed),
                    "effectiveGasPrice": quantity(receipt.effectiveGasPrice),
                    "logs": .array(
                        receipt.logs.map { log in
                            .object([
                                "address": .string(log.address.lowercased),
                                "topics": .array(log.topics.map { .string($0.hex) }),
                                "data": .string(Hex.encode(log.data)),
                            ])
                        }),
                ])
            }
            return .object([
                "number": quantity(block.number), "hash": .string(block.hash.hex),
                "timestamp": quantity(block.timestamp), "baseFee": quantity(block.baseFee),
                "gasLimit": quantity(block.gasLimit), "transactions": .array(transactions),
            ])
        }
        let pool: [JSONValue] = state.pool.values.flatMap(\.values).sorted { $0.arrival < $1.arrival }.map {
            .object(["raw": .string(Hex.encode($0.raw)), "arrival": JSONValue($0.arrival)])
        }
        let processed: [JSONValue] = state.processed.sorted { Hex.encode($0.id) < Hex.encode($1.id) }.map {
            .object(["operator": .string($0.operator.lowercased), "id": .string(Hex.encode($0.id))])
        }
        let credits = state.credits
        var members: [String: JSONValue] = [
            "format": .string(format), "version": JSONValue(1), "chainId": JSONValue(chainID),
            "timeOffset": .number(String(state.timeOffset)), "nextBaseFee": quantity(state.nextBaseFee),
            "arrivals": JSONValue(state.arrivals), "accounts": .object(accounts), "blocks": .array(blocks),
            "pool": .array(pool), "processed": .array(processed),
            "credits": .object([
                "totalCredits": .string(credits.totalCredits.decimalString),
                "totalUsage": .string(credits.totalUsage.decimalString),
                "pending": .array(
                    credits.pending.map {
                        .object(["units": .string($0.units.decimalString), "due": JSONValue($0.due)])
                    }),
            ]),
        ]
        members.merge(tokenMembers(state)) { first, _ in first }
        return JSON.serialize(.object(members)) + [0x0a]
    }

    /// Writes `bytes` to `path` with the tools' one durable write helper (``DurableFile``: 0600 temporary, fsync,
    /// rename, folder fsync; a crashed sandbox's temporaries are removed).
    static func write(_ bytes: [UInt8], to path: String) throws(SandboxError) {
        do {
            try DurableFile.write(Data(bytes), to: path, what: "sandbox state file", overwrite: true)
        } catch {
            throw .stateFile(path: path, reason: "cannot write: \(error)")
        }
    }
}
