import EthereumPrimitives
import StrictJSON

/// Strict readers for the pieces of a JSON-RPC result, naming the method and field path in every error.
///
/// Quantities must be canonical (`0x0`, `0x1f`; never `0x01`, `0x`, upper-case digits or decimal numbers), data
/// must be `0x` with whole bytes, addresses 20 bytes with a valid EIP-55 checksum when mixed-case.
struct ResultReader {
    /// The method whose result is read.
    let method: String

    /// The members of an object at `field`.
    func object(_ value: JSONValue, _ field: String) throws(RPCError) -> [String: JSONValue] {
        guard case .object(let members) = value else { throw wrongType(value, field, expected: "an object") }
        return members
    }

    /// The elements of an array at `field`.
    func array(_ value: JSONValue, _ field: String) throws(RPCError) -> [JSONValue] {
        guard case .array(let elements) = value else { throw wrongType(value, field, expected: "an array") }
        return elements
    }

    /// The member `key` of `members`, required and not `null`.
    func required(_ members: [String: JSONValue], _ key: String, in path: String = "") throws(RPCError) -> JSONValue {
        guard let value = members[key], value != .null else {
            throw .missingField(method: method, field: path.isEmpty ? key : "\(path).\(key)")
        }
        return value
    }

    /// The member `key`, or nil when absent or `null`.
    func optional(_ members: [String: JSONValue], _ key: String) -> JSONValue? {
        guard let value = members[key], value != .null else { return nil }
        return value
    }

    /// A string at `field`.
    func string(_ value: JSONValue, _ field: String) throws(RPCError) -> String {
        guard case .string(let text) = value else { throw wrongType(value, field, expected: "a string") }
        return text
    }

    /// A canonical quantity of up to 256 bits.
    func quantity(_ value: JSONValue, _ field: String) throws(RPCError) -> UInt256 {
        let text = try string(value, field)
        do {
            return try UInt256(quantity: text, field: field)
        } catch {
            throw .invalidField(method: method, field: field, error)
        }
    }

    /// A canonical quantity that must fit in 64 bits (nonces, gas, block numbers, timestamps).
    func uint64(_ value: JSONValue, _ field: String) throws(RPCError) -> UInt64 {
        guard let small = try quantity(value, field).uint64 else {
            throw .invalidField(method: method, field: field, .overflow(field: field, limit: "2^64 − 1"))
        }
        return small
    }

    /// An amount of wei.
    func wei(_ value: JSONValue, _ field: String) throws(RPCError) -> Wei { Wei(try quantity(value, field)) }

    /// `0x` byte data.
    func data(_ value: JSONValue, _ field: String) throws(RPCError) -> [UInt8] {
        let text = try string(value, field)
        do {
            return try Hex.decode(text, field: field)
        } catch {
            throw .invalidField(method: method, field: field, error)
        }
    }

    /// A 20-byte address.
    func address(_ value: JSONValue, _ field: String) throws(RPCError) -> Address {
        let text = try string(value, field)
        do {
            return try Address(hex: text, field: field)
        } catch {
            throw .invalidField(method: method, field: field, error)
        }
    }

    /// A 32-byte hash.
    func hash(_ value: JSONValue, _ field: String) throws(RPCError) -> Hash32 {
        let text = try string(value, field)
        do {
            return try Hash32(hex: text, field: field)
        } catch {
            throw .invalidField(method: method, field: field, error)
        }
    }

    private func wrongType(_ value: JSONValue, _ field: String, expected: String) -> RPCError {
        .wrongType(method: method, field: field, expected: expected, found: value.kindName)
    }
}
