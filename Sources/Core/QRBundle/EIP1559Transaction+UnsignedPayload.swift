public import EthereumTransactions
import EthereumPrimitives
import EthereumRLP

extension EIP1559Transaction {
    /// Decodes an unsigned type-2 payload `0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas,
    /// to, value, data, accessList])` — the `sign-data` of an ERC-4527 `eth-sign-request` of data type 4.
    ///
    /// As strict as the signed decoder: another type byte, anything but one RLP list of exactly nine items
    /// (trailing bytes included), non-canonical or oversized integers, an empty or short `to`, malformed
    /// access-list entries and a priority fee above the max fee are refused. Finally the payload is re-encoded
    /// and must equal the input byte for byte, so what is signed is exactly what was decoded and shown.
    public init(unsignedPayload bytes: [UInt8]) throws(QRBundleError) {
        guard let type = bytes.first else { throw .transaction(.emptyInput) }
        guard type == Self.transactionType else {
            if type >= 0xc0 { throw .transaction(.wrongTransactionKind(expected: "EIP-1559", found: "legacy")) }
            throw .transaction(.unsupportedTransactionType(found: type))
        }
        let fields: [RLPItem]
        do {
            fields = try RLP.decode(Array(bytes.dropFirst())).listValue(field: "transaction")
        } catch { throw .transaction(.rlp(error)) }
        guard fields.count == 9 else {
            throw .transaction(.wrongFieldCount(field: "transaction", expected: 9, found: fields.count))
        }
        let transaction: EIP1559Transaction
        do {
            transaction = EIP1559Transaction(
                chainID: ChainID(try fields[0].uint64Value(field: "chainId")),
                nonce: try fields[1].uint64Value(field: "nonce"),
                maxPriorityFeePerGas: Wei(try Self.uint256(fields[2], field: "maxPriorityFeePerGas")),
                maxFeePerGas: Wei(try Self.uint256(fields[3], field: "maxFeePerGas")),
                gasLimit: try fields[4].uint64Value(field: "gasLimit"),
                to: try Self.address(fields[5], field: "to", emptyIsCreation: true),
                value: Wei(try Self.uint256(fields[6], field: "value")),
                data: try fields[7].bytesValue(field: "data"),
                accessList: try Self.accessList(fields[8]))
        } catch let error as TransactionError {
            throw .transaction(error)
        } catch let error as RLPError {
            throw .transaction(.rlp(error))
        } catch {
            fatalError("only TransactionError and RLPError are thrown above — library bug: \(error)")
        }
        guard transaction.maxPriorityFeePerGas <= transaction.maxFeePerGas else {
            throw .transaction(
                .priorityFeeExceedsMaxFee(
                    maxPriorityFeePerGas: transaction.maxPriorityFeePerGas, maxFeePerGas: transaction.maxFeePerGas))
        }
        guard transaction.signingPayload == bytes else {
            throw .invalidField(field: "sign-data", reason: "does not re-encode to the same bytes")
        }
        self = transaction
    }

    private static func uint256(_ item: RLPItem, field: String) throws -> UInt256 {
        let bytes = try item.integerBytes(field: field)
        do { return try UInt256(bigEndian: bytes, field: field) } catch {
            throw TransactionError.rlp(.integerTooLarge(field: field, maxBytes: 32, found: bytes.count))
        }
    }

    private static func address(_ item: RLPItem, field: String, emptyIsCreation: Bool) throws -> Address {
        let bytes = try item.bytesValue(field: field)
        if bytes.isEmpty, emptyIsCreation { throw TransactionError.contractCreationNotSupported }
        guard bytes.count == 20 else { throw TransactionError.invalidAddressLength(field: field, found: bytes.count) }
        return Address(uncheckedBytes: bytes)
    }

    private static func accessList(_ item: RLPItem) throws -> [AccessListEntry] {
        try item.listValue(field: "accessList").enumerated().map { index, entry in
            let field = "accessList[\(index)]"
            let parts = try entry.listValue(field: field)
            guard parts.count == 2 else {
                throw TransactionError.wrongFieldCount(field: field, expected: 2, found: parts.count)
            }
            let keys = try parts[1].listValue(field: "\(field).storageKeys").enumerated().map { keyIndex, key in
                let keyField = "\(field).storageKeys[\(keyIndex)]"
                let bytes = try key.bytesValue(field: keyField)
                guard bytes.count == 32 else {
                    throw TransactionError.invalidStorageKeyLength(field: keyField, found: bytes.count)
                }
                return Hash32(uncheckedBytes: bytes)
            }
            return AccessListEntry(
                address: try address(parts[0], field: "\(field).address", emptyIsCreation: false), storageKeys: keys)
        }
    }
}
