import EthereumPrimitives
import StrictJSON

/// The members added for USDC and checkouts: `tokenBalances` (`{"0xaddress": "units"}`, decimal USDC units) and
/// `checkouts` (`{"seed": "0x…", "records": [{"id", "units", "address", "createdAt", "expiresAt", "received",
/// "updatedAt", "completedAt"?}]}`, units decimal, times Unix seconds). Both are optional on reading, so a state file
/// written before them still loads (no balances, no checkouts, a new seed).
extension StateFile {
    /// The two members for `state`.
    static func tokenMembers(_ state: SandboxState) -> [String: JSONValue] {
        var balances: [String: JSONValue] = [:]
        for (address, units) in state.tokenBalances { balances[address.lowercased] = .string(units.decimalString) }
        let records: [JSONValue] = state.checkouts.records.map { record in
            var members: [String: JSONValue] = [
                "id": .string(record.id), "units": .string(record.units.decimalString),
                "address": .string(record.address.lowercased), "createdAt": JSONValue(record.createdAt),
                "expiresAt": JSONValue(record.expiresAt), "received": .string(record.received.decimalString),
                "updatedAt": JSONValue(record.updatedAt),
            ]
            if let completedAt = record.completedAt { members["completedAt"] = JSONValue(completedAt) }
            return .object(members)
        }
        return [
            "tokenBalances": .object(balances),
            "checkouts": .object(["seed": .string(Hex.encode(state.checkouts.seed)), "records": .array(records)]),
        ]
    }

    /// Reads the two members into `state` when present.
    static func decodeTokenMembers(_ document: JSONValue, into state: inout SandboxState, _ r: Reader)
        throws(SandboxError)
    {
        if let balances = document["tokenBalances"] {
            guard let members = balances.objectValue else { throw r.fail("tokenBalances is not an object") }
            for (key, value) in members {
                guard let text = value.stringValue, let units = try? UInt256(decimal: text, field: "units") else {
                    throw r.fail("tokenBalances.\(key): expected decimal units")
                }
                state.tokenBalances[try r.address(key)] = units
            }
        }
        guard let checkouts = document["checkouts"] else { return }
        let seed = try r.bytes(try r.string(checkouts, "seed"))
        guard seed.count == 16 else { throw r.fail("checkouts.seed: expected 16 bytes") }
        var book = CheckoutBook(seed: seed)
        for item in try r.array(checkouts, "records") {
            let id = try r.string(item, "id")
            guard id.count == 24, id.allSatisfy(\.isHexDigit), id == id.lowercased() else {
                throw r.fail("checkouts: id '\(id)' is not 24 hex digits")
            }
            var record = CheckoutRecord(
                id: id, units: try r.decimal(item, "units"), address: try r.address(try r.string(item, "address")),
                createdAt: try r.integer(item, "createdAt"), expiresAt: try r.integer(item, "expiresAt"),
                updatedAt: try r.integer(item, "updatedAt"))
            record.received = try r.decimal(item, "received")
            if item["completedAt"] != nil { record.completedAt = try r.integer(item, "completedAt") }
            book.restore(record)
        }
        state.checkouts = book
    }
}
