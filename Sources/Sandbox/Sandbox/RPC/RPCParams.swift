import EthereumPrimitives
import EthereumTransactions
import StrictJSON

/// Which block a request reads.
enum BlockSelector: Equatable {
    case latest
    case pending
    case number(UInt64)
}

/// A method's positional parameters as geth reads them: canonical `0x` quantities, 20-byte addresses in any case
/// (no checksum check), `0x` data; a wrong parameter is -32602 "invalid argument N: …".
///
/// Each argument is read with the one JSON reader (``argument(_:)``); only geth's wording lives here.
struct RPCParams {
    let values: [JSONValue]

    /// A -32602 error about argument `index`.
    func invalid(_ index: Int, _ reason: String) -> RPCFailure {
        .invalidParams("invalid argument \(index): \(reason)")
    }

    /// Whether argument `index` is present and not `null`.
    func has(_ index: Int) -> Bool { index < values.count && !values[index].isNull }

    /// The reader of required argument `index`, its errors worded as geth's.
    func argument(_ index: Int) throws(RPCFailure) -> JSONReader<RPCFailure> {
        guard has(index) else { throw .invalidParams("missing value for required argument \(index)") }
        return JSONReader(values[index]) { field in invalid(index, Self.reason(field)) }
    }

    func string(_ index: Int) throws(RPCFailure) -> String { try argument(index).string() }

    func address(_ index: Int) throws(RPCFailure) -> Address { try Self.address(argument(index)) }

    func hash(_ index: Int) throws(RPCFailure) -> Hash32 {
        let argument = try argument(index)
        let text = try argument.string()
        do { return try Hash32(hex: text) } catch {
            throw argument.invalid("hex string has length \(text.count - 2), want 64 for common.Hash")
        }
    }

    func data(_ index: Int) throws(RPCFailure) -> [UInt8] { try argument(index).string { try Hex.decode($0) } }

    func quantity(_ index: Int) throws(RPCFailure) -> UInt256 { try Self.quantity(argument(index)) }

    func bool(_ index: Int, default fallback: Bool) throws(RPCFailure) -> Bool {
        guard has(index) else { return fallback }
        return try argument(index).bool()
    }

    /// A block tag, a number, or `{"blockNumber": …}`; absent means `latest`.
    func block(_ index: Int) throws(RPCFailure) -> BlockSelector {
        guard has(index) else { return .latest }
        var argument = try argument(index)
        if case .object = argument.value { return .number(try Self.quantity64(argument.field("blockNumber"))) }
        switch try argument.string() {
        case "latest", "safe", "finalized": return .latest
        case "pending": return .pending
        case "earliest": return .number(0)
        default: return .number(try Self.quantity64(argument))
        }
    }

    /// The transaction object of `eth_call`/`eth_estimateGas`.
    func call(_ index: Int) throws(RPCFailure) -> CallArguments {
        let argument = try argument(index)
        var object = try argument.object()
        guard let to = try object.optionalField("to") else { throw argument.invalid("contract creation is not supported") }
        var call = CallArguments(to: try Self.address(to))
        if let from = try object.optionalField("from") { call.from = try Self.address(from) }
        if let gas = try object.optionalField("gas") { call.gas = try Self.quantity64(gas) }
        if let value = try object.optionalField("value") { call.value = try Self.quantity(value) }
        call.feeCap = try object.optionalField("maxFeePerGas").map(Self.quantity)
        call.tipCap = try object.optionalField("maxPriorityFeePerGas").map(Self.quantity)
        if let gasPrice = try object.optionalField("gasPrice") {
            guard call.feeCap == nil else {
                throw argument.invalid("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")
            }
            call.feeCap = try Self.quantity(gasPrice)
        }
        let data = try object.optionalString("data")
        let input = try object.optionalString("input")
        if let data, let input, data != input {
            throw argument.invalid(
                "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass transaction call data")
        }
        if let text = input ?? data {
            do { call.data = try Hex.decode(text, field: "input") } catch { throw argument.invalid("\(error)") }
        }
        return call
    }

    /// An address in any case (geth checks no checksum), or geth's length complaint.
    static func address(_ reader: JSONReader<RPCFailure>) throws(RPCFailure) -> Address {
        let text = try reader.string()
        do { return try Address(hex: text.lowercased()) } catch {
            throw reader.invalid("hex string has length \(max(text.count - 2, 0)), want 40 for common.Address")
        }
    }

    /// A quantity: a canonical `0x` string, or (as geth also accepts) a JSON integer.
    static func quantity(_ reader: JSONReader<RPCFailure>) throws(RPCFailure) -> UInt256 {
        if case .number = reader.value { return UInt256(try reader.integer()) }
        return try reader.string { text throws(PrimitiveError) in try UInt256(quantity: text, field: "quantity") }
    }

    /// A quantity that fits 64 bits.
    static func quantity64(_ reader: JSONReader<RPCFailure>) throws(RPCFailure) -> UInt64 {
        guard let value = try quantity(reader).uint64 else { throw reader.invalid("hex number > 64 bits") }
        return value
    }

    /// geth's wording of a field error: the member's path (inside a call object) then what was wrong.
    private static func reason(_ error: JSONFieldError) -> String {
        let prefix = error.path.isEmpty ? "" : "\(error.path): "
        switch error {
        case .missing: return "missing value for \(error.path)"
        case .wrongType(_, let expected, let found): return prefix + "expected \(expected), found \(found)"
        case .invalid(_, let reason): return prefix + reason
        case .malformed(_, let cause): return "\(cause)"
        case .unknown: return "unknown field \(error.path)"
        }
    }
}
