public import EthereumPrimitives
import EthereumRLP

/// One EIP-2930 access-list entry: an address and the storage slots the transaction pre-declares for it.
public struct AccessListEntry: Hashable, Sendable {
    /// The account whose storage is accessed.
    public var address: Address
    /// The 32-byte storage keys of that account.
    public var storageKeys: [Hash32]

    /// Creates an entry.
    public init(address: Address, storageKeys: [Hash32] = []) {
        self.address = address
        self.storageKeys = storageKeys
    }
}

extension AccessListEntry {
    /// `[address, [storageKey…]]`.
    var rlpItem: RLPItem {
        .list([.bytes(address.bytes), .list(storageKeys.map { .bytes($0.bytes) })])
    }

    /// Reads an access list strictly: each entry exactly `[20 bytes, [32 bytes…]]`.
    static func decodeList(_ item: RLPItem, field: String) throws(TransactionError) -> [AccessListEntry] {
        let entries = try TransactionError.wrapping { () throws(RLPError) in try item.listValue(field: field) }
        var result: [AccessListEntry] = []
        result.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            result.append(try decodeEntry(entry, field: "\(field)[\(index)]"))
        }
        return result
    }

    private static func decodeEntry(_ item: RLPItem, field: String) throws(TransactionError) -> AccessListEntry {
        let parts = try TransactionError.wrapping { () throws(RLPError) in try item.listValue(field: field) }
        guard parts.count == 2 else { throw .wrongFieldCount(field: field, expected: 2, found: parts.count) }
        let address = try RLPFieldReader.address(parts[0], field: "\(field).address")
        let keyItems = try TransactionError.wrapping { () throws(RLPError) in
            try parts[1].listValue(field: "\(field).storageKeys")
        }
        var keys: [Hash32] = []
        keys.reserveCapacity(keyItems.count)
        for (index, keyItem) in keyItems.enumerated() {
            let keyField = "\(field).storageKeys[\(index)]"
            let bytes = try TransactionError.wrapping { () throws(RLPError) in try keyItem.bytesValue(field: keyField) }
            guard bytes.count == 32 else { throw .invalidStorageKeyLength(field: keyField, found: bytes.count) }
            keys.append(Hash32(uncheckedBytes: bytes))
        }
        return AccessListEntry(address: address, storageKeys: keys)
    }
}
