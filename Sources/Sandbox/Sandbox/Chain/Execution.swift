import BundleFormat
import EthereumPrimitives
import EthereumTransactions

/// A message to execute: a transaction being mined, or an `eth_call`/`eth_estimateGas` request.
struct Message: Sendable {
    let from: Address
    let to: Address
    let value: UInt256
    let data: [UInt8]
    let accessList: [AccessListEntry]
}

/// What executing a message did, before gas limits are applied.
///
/// Nothing is changed in state until the miner applies ``transfers``, ``tokenMoves``, ``processedIntent`` and
/// ``purchasedUnits``.
struct ExecutionResult: Sendable {
    /// Success with return data, or a revert with its revert bytes.
    enum Status: Sendable, Equatable {
        case success(returnData: [UInt8])
        case reverted(data: [UInt8])
    }

    let status: Status
    /// The gas this execution needs (intrinsic gas included); above the gas limit it runs out of gas.
    let gasRequired: UInt64
    /// Value moves on success, in order: `(from, to, wei)`.
    let transfers: [(from: Address, to: Address, amount: UInt256)]
    var logs: [LogEntry]
    /// The intent marked processed on success.
    let processedIntent: IntentKey?
    /// USDC units bought (recipient amount + fee) on success: what the credits ledger is credited.
    let purchasedUnits: UInt256?
    /// USDC moves on success, in order (all or nothing, like ``transfers``).
    var tokenMoves: [TokenMove] = []

    /// A revert needing `gas`.
    static func revert(_ data: [UInt8], gas: UInt64) -> ExecutionResult {
        ExecutionResult(
            status: .reverted(data: data), gasRequired: gas, transfers: [], logs: [], processedIntent: nil,
            purchasedUnits: nil)
    }

    /// A success with no side effects but `transfers`.
    static func success(_ returnData: [UInt8] = [], gas: UInt64, transfers: [(Address, Address, UInt256)] = [])
        -> ExecutionResult
    {
        ExecutionResult(
            status: .success(returnData: returnData), gasRequired: gas,
            transfers: transfers.map { (from: $0.0, to: $0.1, amount: $0.2) }, logs: [],
            processedIntent: nil, purchasedUnits: nil)
    }
}

/// The fixed gas figures of the sandbox (documented in the README): real EVM gas is not metered.
enum GasSchedule {
    /// A successful `swapAndTransferUniswapV3Native` (a real one uses roughly 150k–200k).
    static let swap: UInt64 = 180_000
    /// A `quoteExactOutputSingle` call.
    static let quote: UInt64 = 100_000
    /// A contract call that reverts: its intrinsic gas plus this.
    static let revertOverhead: UInt64 = 20_000
    /// A successful ERC-20 `transfer`: its intrinsic gas (about 21,600) plus this, so about 55,000 in all, inside
    /// the 50k–65k a real USDC transfer to a fresh address uses.
    static let tokenTransfer: UInt64 = 34_000
    /// An ERC-20 read (`balanceOf`, `decimals`): its intrinsic gas plus this.
    static let tokenRead: UInt64 = 2_600

    /// Intrinsic gas (EIP-2028, EIP-2930): 21000, 16 per non-zero and 4 per zero calldata byte, 2400 per
    /// access-list address and 1900 per storage key.
    static func intrinsic(data: [UInt8], accessList: [AccessListEntry]) -> UInt64 {
        var gas: UInt64 = 21_000
        for byte in data { gas += byte == 0 ? 4 : 16 }
        for entry in accessList { gas += 2400 + 1900 * UInt64(entry.storageKeys.count) }
        return gas
    }
}

/// Routes a message to the contract at its address, or executes a plain value transfer.
struct MessageExecutor: Sendable {
    let transfers: TransfersContractModel
    let quoter: QuoterModel
    let usdc: USDCTokenModel

    /// The addresses that hold code (`eth_getCode` answers non-empty for them).
    var contracts: [Address] { [transfers.deployment.transfers, quoter.deployment.quoterV2, usdc.address] }

    func execute(
        _ message: Message, timestamp: UInt64, isProcessed: (IntentKey) -> Bool,
        tokenBalance: (Address) -> UInt256
    ) -> ExecutionResult {
        if message.to == transfers.deployment.transfers {
            return transfers.execute(message, timestamp: timestamp, isProcessed: isProcessed)
        }
        if message.to == quoter.deployment.quoterV2 { return quoter.execute(message) }
        if message.to == usdc.address { return usdc.execute(message, balance: tokenBalance) }
        let gas = GasSchedule.intrinsic(data: message.data, accessList: message.accessList)
        return .success(gas: gas, transfers: [(message.from, message.to, message.value)])
    }
}
