import BundleFormat
import EthereumPrimitives
import StrictJSON

extension RPCServer {
    /// Runs one method.
    ///
    /// Unknown methods are -32601 with geth's text.
    func dispatch(_ method: String, _ p: RPCParams) throws(RPCFailure) -> JSONValue {
        let rules = node.rules
        switch method {
        case "eth_chainId": return RPCRendering.quantity(rules.chainID.value)
        case "net_version": return .string(String(rules.chainID.value))
        case "web3_clientVersion": return .string("ColdCredits-Sandbox/1.0")
        case "eth_syncing": return .bool(false)
        case "eth_blockNumber": return node.withState { RPCRendering.quantity($0.latest.number) }
        case "eth_gasPrice":
            return node.withState { state in
                let (sum, overflow) = state.nextBaseFee.addingReportingOverflow(suggestedTip)
                return RPCRendering.quantity(overflow ? .max : sum)
            }
        case "eth_maxPriorityFeePerGas": return RPCRendering.quantity(suggestedTip)
        case "eth_getBalance":
            let address = try p.address(0)
            return try readState(p, 1) { state, _ in RPCRendering.quantity(state.account(address).balance) }
        case "eth_getTransactionCount":
            let address = try p.address(0)
            return try readState(p, 1) { state, selector in
                RPCRendering.quantity(
                    selector == .pending
                        ? state.pendingNonce(of: address)
                        : state.account(address).nonce)
            }
        case "eth_getCode":
            let address = try p.address(0)
            let contracts = rules.executor.contracts
            return try readState(p, 1) { _, _ in RPCRendering.data(contracts.contains(address) ? [0xfe] : []) }
        case "eth_getBlockByNumber":
            let selector = try p.block(0)
            let full = try p.bool(1, default: false)
            return node.withState { state in
                let block = state.block(Self.number(selector, state))
                return block.map { RPCRendering.block($0, full: full, state: state) } ?? .null
            }
        case "eth_getBlockByHash":
            let hash = try p.hash(0)
            let full = try p.bool(1, default: false)
            return node.withState { state in
                state.blocks.first { $0.hash == hash }.map { RPCRendering.block($0, full: full, state: state) } ?? .null
            }
        case "eth_call":
            let call = try p.call(0)
            return try simulate(p, 1) { state, timestamp throws(RPCFailure) in
                RPCRendering.data(try state.call(call, rules: rules, timestamp: timestamp))
            }
        case "eth_estimateGas":
            let call = try p.call(0)
            return try simulate(p, 1) { state, timestamp throws(RPCFailure) in
                RPCRendering.quantity(try state.estimateGas(call, rules: rules, timestamp: timestamp))
            }
        case "eth_sendRawTransaction":
            return .string(try node.sendRawTransaction(try p.data(0)).hex)
        case "eth_getTransactionByHash":
            let hash = try p.hash(0)
            return node.withState { state in
                if let mined = state.mined[hash] {
                    return RPCRendering.transaction(
                        mined.transaction, mined: mined,
                        block: state.block(mined.blockNumber))
                }
                return state.pooled(hash).map { RPCRendering.transaction($0, mined: nil, block: nil) } ?? .null
            }
        case "eth_getTransactionReceipt":
            let hash = try p.hash(0)
            return node.withState { state in
                guard let mined = state.mined[hash], let block = state.block(mined.blockNumber) else { return .null }
                return RPCRendering.receipt(mined, block: block)
            }
        case "eth_feeHistory": return try feeHistory(p)
        default:
            if method.hasPrefix("sandbox_") { return try admin(method, p) }
            throw .methodNotFound(method)
        }
    }

    /// The block number a selector names (`pending` reads as latest for state queries).
    static func number(_ selector: BlockSelector, _ state: SandboxState) -> UInt64 {
        if case .number(let number) = selector { return number }
        return state.latest.number
    }

    /// Reads the current state for a block parameter that must name an existing block ("header not found" otherwise).
    ///
    /// Historical state is not kept: any existing block reads the latest state.
    private func readState(
        _ p: RPCParams, _ index: Int,
        _ body: (SandboxState, BlockSelector) -> JSONValue
    ) throws(RPCFailure) -> JSONValue {
        let selector = try p.block(index)
        return try node.withState { (state: inout SandboxState) throws(RPCFailure) -> JSONValue in
            if case .number(let number) = selector, number > state.latest.number { throw .server("header not found") }
            return body(state, selector)
        }
    }

    /// Runs a call in the context of the selected block: its timestamp (latest or a number), or the next
    /// block's (`pending`).
    private func simulate(
        _ p: RPCParams, _ index: Int,
        _ body: (SandboxState, UInt64) throws(RPCFailure) -> JSONValue
    ) throws(RPCFailure)
        -> JSONValue
    {
        let selector = try p.block(index)
        let wallClock = node.wallClockNow()
        return try node.withState { (state: inout SandboxState) throws(RPCFailure) -> JSONValue in
            let timestamp: UInt64
            switch selector {
            case .pending: timestamp = max(state.now(wallClock: wallClock), state.latest.timestamp + 1)
            case .latest: timestamp = state.latest.timestamp
            case .number(let number):
                guard let block = state.block(number) else { throw .server("header not found") }
                timestamp = block.timestamp
            }
            return try body(state, timestamp)
        }
    }
}
