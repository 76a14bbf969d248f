import EthereumPrimitives
import EthereumTransactions
import StrictJSON

/// Which block a request reads.
enum BlockSelector: Equatable {
    case latest
    case pending
    case number(UInt64)
}

/// Reads a method's positional parameters as geth does: canonical `0x` quantities, 20-byte addresses in any case
/// (no checksum check), `0x` data; a wrong parameter is -32602 "invalid argument N: …".
struct RPCParams {
    let values: [JSONValue]

    func invalid(_ index: Int, _ reason: String) -> RPCFailure {
        .invalidParams("invalid argument \(index): \(reason)")
    }

    func value(_ index: Int) throws(RPCFailure) -> JSONValue {
        guard index < values.count, !values[index].isNull else {
            throw .invalidParams("missing value for required argument \(index)")
        }
        return values[index]
    }

    func has(_ index: Int) -> Bool { index < values.count && !values[index].isNull }

    func string(_ index: Int) throws(RPCFailure) -> String {
        let value = try value(index)
        guard let text = value.stringValue else { throw invalid(index, "expected a string, found \(value.kindName)") }
        return text
    }

    func address(_ index: Int) throws(RPCFailure) -> Address { try Self.address(try string(index), index: index) }

    func hash(_ index: Int) throws(RPCFailure) -> Hash32 {
        let text = try string(index)
        do { return try Hash32(hex: text) } catch {
            throw invalid(
                index,
                "hex string has length \(text.count - 2), "
                    + "want 64 for common.Hash")
        }
    }

    func data(_ index: Int) throws(RPCFailure) -> [UInt8] {
        do { return try Hex.decode(try string(index)) } catch let failure as RPCFailure { throw failure } catch {
            throw invalid(index, "\(error)")
        }
    }

    func quantity(_ index: Int) throws(RPCFailure) -> UInt256 {
        let value = try value(index)
        if let number = value.numberText, let decimal = UInt64(number) { return UInt256(decimal) }  // geth accepts both
        return try Self.quantity(try string(index), index: index)
    }

    func bool(_ index: Int, default fallback: Bool) throws(RPCFailure) -> Bool {
        guard has(index) else { return fallback }
        guard case .bool(let flag) = values[index] else { throw invalid(index, "expected a boolean") }
        return flag
    }

    /// A block tag or number; absent means `latest`.
    func block(_ index: Int) throws(RPCFailure) -> BlockSelector {
        guard has(index) else { return .latest }
        if let object = values[index].objectValue, let number = object["blockNumber"]?.stringValue {
            return .number(try Self.quantity64(number, index: index))
        }
        switch try string(index) {
        case "latest", "safe", "finalized": return .latest
        case "pending": return .pending
        case "earliest": return .number(0)
        case let text: return .number(try Self.quantity64(text, index: index))
        }
    }

    /// The transaction object of `eth_call`/`eth_estimateGas`.
    func call(_ index: Int) throws(RPCFailure) -> CallArguments {
        guard let object = try value(index).objectValue else { throw invalid(index, "expected a transaction object") }
        guard let toText = object["to"]?.stringValue else { throw invalid(index, "contract creation is not supported") }
        var call = CallArguments(to: try Self.address(toText, index: index))
        func field(_ key: String) throws(RPCFailure) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let text = value.stringValue else { throw invalid(index, "\(key): expected a string") }
            return text
        }
        if let from = try field("from") { call.from = try Self.address(from, index: index) }
        if let gas = try field("gas") { call.gas = try Self.quantity64(gas, index: index) }
        if let value = try field("value") { call.value = try Self.quantity(value, index: index) }
        call.feeCap = try field("maxFeePerGas").map { text throws(RPCFailure) in try Self.quantity(text, index: index) }
        call.tipCap = try field("maxPriorityFeePerGas").map { text throws(RPCFailure) in
            try Self.quantity(text, index: index)
        }
        if let gasPrice = try field("gasPrice") {
            guard call.feeCap == nil else {
                throw invalid(index, "both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")
            }
            call.feeCap = try Self.quantity(gasPrice, index: index)
        }
        let data = try field("data")
        let input = try field("input")
        if let data, let input, data != input {
            throw invalid(
                index,
                "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass "
                    + "transaction call data")
        }
        if let text = input ?? data {
            do { call.data = try Hex.decode(text, field: "input") } catch { throw invalid(index, "\(error)") }
        }
        return call
    }

    static func address(_ text: String, index: Int) throws(RPCFailure) -> Address {
        do { return try Address(hex: text.lowercased()) } catch {
            throw .invalidParams(
                "invalid argument \(index): hex string has length \(max(text.count - 2, 0)), "
                    + "want 40 for common.Address")
        }
    }

    static func quantity(_ text: String, index: Int) throws(RPCFailure) -> UInt256 {
        do { return try UInt256(quantity: text, field: "quantity") } catch {
            throw .invalidParams("invalid argument \(index): \(error)")
        }
    }

    static func quantity64(_ text: String, index: Int) throws(RPCFailure) -> UInt64 {
        guard let value = try quantity(text, index: index).uint64 else {
            throw .invalidParams("invalid argument \(index): hex number > 64 bits")
        }
        return value
    }
}
