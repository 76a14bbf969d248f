import EthereumPrimitives
import StrictJSON

/// The one JSON reader as a JSON-RPC result is read: every failure is an ``RPCError`` naming the method and the
/// field path (`logs[0].data`; the result itself is `result`).
///
/// Quantities must be canonical (`0x0`, `0x1f`; never `0x01`, `0x`, upper-case digits or decimal numbers), data
/// must be `0x` with whole bytes, addresses 20 bytes with a valid EIP-55 checksum when mixed-case: the reader's own
/// rules (``JSONReader/quantity()``, ``JSONReader/bytes(count:requirePrefix:)``, ``JSONReader/address()``).
typealias ResultReader = JSONReader<RPCError>

extension JSONReader where Failure == RPCError {
    /// Reads the result of `method`, named `result`.
    init(result: JSONValue, method: String) {
        self.init(result, path: "result") { RPCError(field: $0, method: method) }
    }

    /// The result as an object whose members are named by their own keys (`effectiveGasPrice`, `logs[0].data`), as
    /// node documentation names them.
    func members() throws(RPCError) -> ResultReader {
        JSONReader(try object().value, path: "", fail: fail)
    }

    /// A canonical quantity that must fit in 64 bits (nonces, gas, block numbers, timestamps).
    func uint64() throws(RPCError) -> UInt64 { try quantity64() }

    /// An amount of wei.
    func wei() throws(RPCError) -> Wei { Wei(try quantity()) }

    /// An optional member read by `read`, nil when absent or `null`.
    mutating func optional<T>(_ key: String, _ read: (ResultReader) throws(RPCError) -> T) throws(RPCError) -> T? {
        guard let member = try optionalField(key) else { return nil }
        return try read(member)
    }
}

extension RPCError {
    /// The RPC error for a field error of the one JSON reader of `method`'s result.
    init(field error: JSONFieldError, method: String) {
        let field = error.path.isEmpty ? "result" : error.path
        switch error {
        case .missing: self = .missingField(method: method, field: field)
        case .wrongType(_, let expected, let found):
            self = .wrongType(method: method, field: field, expected: expected, found: found)
        case .malformed(_, let cause): self = .invalidField(method: method, field: field, cause)
        case .invalid(_, let reason): self = .malformedResponse(method: method, reason: "\(field): \(reason)")
        case .unknown: self = .malformedResponse(method: method, reason: "unexpected field \(field)")
        }
    }
}
