import EthereumPrimitives
import StrictJSON

extension RPCServer {
    /// The `sandbox_` admin methods (loopback only, no authentication):.
    ///
    /// - `sandbox_setBalance(address, wei)` → `true`: sets a balance.
    /// - `sandbox_setUSDCBalance(address, units)` → `true`: sets a balance of the sandbox USDC (6 decimals).
    /// - `sandbox_mine(count?)` → the new block number: mines 1–1000 blocks now.
    /// - `sandbox_increaseTime(seconds)` → the total offset: moves the sandbox clock (blocks, deadlines, charges,
    /// crediting delays) by a signed number of seconds, or a quantity.
    /// - `sandbox_time()` → sandbox time now, Unix seconds.
    /// - `sandbox_setBaseFee(wei)` → `true`: the next block's base fee (with a fixed base fee it stays).
    /// - `sandbox_setAutomine(bool)` → `true`: mine each accepted transaction at once.
    /// - `sandbox_dropTransaction(hash)` → whether a pooled transaction was removed (a "lost" transaction).
    func admin(_ method: String, _ p: RPCParams) throws(RPCFailure) -> JSONValue {
        switch method {
        case "sandbox_setBalance":
            let address = try p.address(0)
            let amount = try p.quantity(1)
            node.withState { $0.accounts[address, default: Account()].balance = amount }
            return .bool(true)
        case "sandbox_setUSDCBalance":
            let address = try p.address(0)
            let units = try p.quantity(1)
            node.withState { $0.tokenBalances[address] = units }
            return .bool(true)
        case "sandbox_mine":
            let count = p.has(0) ? try p.quantity(0).uint64 ?? .max : 1
            guard (1...1000).contains(count) else { throw p.invalid(0, "count must be 1…1000") }
            return RPCRendering.quantity(node.mine(count: Int(count)))
        case "sandbox_increaseTime":
            let seconds = try signedSeconds(p)
            let offset = node.withState { state in
                let (sum, overflow) = state.timeOffset.addingReportingOverflow(seconds)
                state.timeOffset = overflow ? (seconds > 0 ? .max : .min) : sum
                return state.timeOffset
            }
            return .number(String(offset))
        case "sandbox_time":
            return RPCRendering.quantity(node.now())
        case "sandbox_setBaseFee":
            let fee = try p.quantity(0)
            node.withState { $0.nextBaseFee = fee }
            return .bool(true)
        case "sandbox_setAutomine":
            node.automine = try p.bool(0, default: true)
            return .bool(true)
        case "sandbox_dropTransaction":
            let hash = try p.hash(0)
            return .bool(
                node.withState { state in
                    guard let tx = state.pooled(hash) else { return false }
                    state.pool[tx.from]?[tx.nonce] = nil
                    if state.pool[tx.from]?.isEmpty == true { state.pool[tx.from] = nil }
                    return true
                })
        default:
            throw .methodNotFound(method)
        }
    }

    private func signedSeconds(_ p: RPCParams) throws(RPCFailure) -> Int64 {
        let argument = try p.argument(0)
        if case .number = argument.value {
            guard let seconds = Int64(try argument.numberText()) else { throw argument.invalid("expected whole seconds") }
            return seconds
        }
        guard let seconds = try RPCParams.quantity(argument).uint64, let signed = Int64(exactly: seconds) else {
            throw argument.invalid("seconds out of range")
        }
        return signed
    }
}
