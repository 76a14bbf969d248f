import BundleFormat
import EthereumABI
import EthereumPrimitives

/// A token balance move: `(from, to, units)` of the sandbox USDC.
struct TokenMove: Sendable, Equatable {
    let from: Address
    let to: Address
    let units: UInt256
}

/// The sandbox's USDC at the deployment's `usdc` address (the chain's native USDC on 1, 137 and 8453): an ERC-20
/// with 6 decimals as far as `transfer`, `balanceOf` and `decimals` go.
///
/// `transfer(address,uint256)` is read with the strict ``ERC20Transfer/init(calldata:)``: anything else with that
/// selector reverts without data, as Solidity's ABI decoder does. It reverts with OpenZeppelin's texts (which
/// Circle's FiatToken keeps) for a zero recipient and a short balance, and emits `Transfer(from, to, value)` on
/// success. The token is not payable and has no other functions: value or an unknown selector reverts without data.
struct USDCTokenModel: Sendable {
    /// The token's address.
    let address: Address

    static let balanceOfSelector = ABI.selector("balanceOf(address)")
    static let decimalsSelector = ABI.selector("decimals()")
    static let decimals: UInt8 = 6

    /// Executes `message` (sent to the token) against `balance`.
    func execute(_ message: Message, balance: (Address) -> UInt256) -> ExecutionResult {
        let intrinsic = GasSchedule.intrinsic(data: message.data, accessList: message.accessList)
        let revertGas = intrinsic + GasSchedule.revertOverhead
        guard message.value.isZero, message.data.count >= 4 else { return .revert([], gas: revertGas) }
        let selector = Array(message.data.prefix(4))
        if selector == ERC20Transfer.selector {
            guard let call = try? ERC20Transfer(calldata: message.data) else { return .revert([], gas: revertGas) }
            return transfer(call, from: message.from, balance: balance(message.from), gas: intrinsic)
        }
        if selector == Self.balanceOfSelector {
            guard let values = try? ABI.decodeCall(selector: selector, [.address], from: message.data),
                case .address(let owner)? = values.first
            else { return .revert([], gas: revertGas) }
            return .success(ABI.encode([.uint(balance(owner))]), gas: intrinsic + GasSchedule.tokenRead)
        }
        if selector == Self.decimalsSelector, message.data.count == 4 {
            return .success(ABI.encode([.uint(UInt256(UInt64(Self.decimals)))]), gas: intrinsic + GasSchedule.tokenRead)
        }
        return .revert([], gas: revertGas)
    }

    private func transfer(_ call: ERC20Transfer, from: Address, balance: UInt256, gas intrinsic: UInt64)
        -> ExecutionResult
    {
        let revertGas = intrinsic + GasSchedule.revertOverhead
        if call.recipient == .zero {
            return .revert(ContractRevert.error("ERC20: transfer to the zero address").revertData, gas: revertGas)
        }
        guard balance >= call.amount else {
            return .revert(ContractRevert.error("ERC20: transfer amount exceeds balance").revertData, gas: revertGas)
        }
        let event = ERC20TransferEvent(from: from, to: call.recipient, value: call.amount)
        var result = ExecutionResult.success(ABI.encode([.bool(true)]), gas: intrinsic + GasSchedule.tokenTransfer)
        result.logs = [LogEntry(address: address, topics: event.topics, data: event.data)]
        result.tokenMoves = [TokenMove(from: from, to: call.recipient, units: call.amount)]
        return result
    }
}
