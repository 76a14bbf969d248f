public import EthereumPrimitives
import StrictJSON

/// Typed `eth_*` calls, each an ``RPCRequest`` with a strict result decoder.
///
/// Send one with ``JSONRPCClient/send(_:)`` or several in one round trip with ``JSONRPCClient/batch(_:)``:
/// `let (nonce, fees) = try await client.batch(Eth.transactionCount(of: sender), Eth.feeHistory(...))`.
public enum Eth {
    /// `eth_chainId`: the chain the node serves.
    public static func chainID() -> RPCRequest<ChainID> {
        request("eth_chainId", []) { reader throws(RPCError) in
            ChainID(try reader.uint64())
        }
    }

    /// `eth_blockNumber`: the newest block number.
    public static func blockNumber() -> RPCRequest<UInt64> {
        request("eth_blockNumber", []) { reader throws(RPCError) in try reader.uint64() }
    }

    /// `eth_getTransactionCount`: the next nonce of `address` (at `.pending`, counting the node's pool).
    public static func transactionCount(of address: Address, at block: BlockTag = .pending) -> RPCRequest<UInt64> {
        request("eth_getTransactionCount", [.string(address.lowercased), .string(block.parameter)]) {
            reader throws(RPCError) in try reader.uint64()
        }
    }

    /// `eth_getBalance`: the balance of `address` in wei.
    public static func balance(of address: Address, at block: BlockTag = .latest) -> RPCRequest<Wei> {
        request("eth_getBalance", [.string(address.lowercased), .string(block.parameter)]) {
            reader throws(RPCError) in try reader.wei()
        }
    }

    /// `eth_feeHistory`: base fees of the last `blockCount` blocks up to `newestBlock`, and the priority fees paid
    /// at each of `rewardPercentiles` (0–100, ascending).
    public static func feeHistory(
        blockCount: UInt64,
        newestBlock: BlockTag = .latest,
        rewardPercentiles: [UInt8]
    ) -> RPCRequest<FeeHistory> {
        precondition(rewardPercentiles.allSatisfy { $0 <= 100 }, "percentiles are 0…100 — caller bug")
        let params: [JSONValue] = [
            .string(UInt256(blockCount).quantity), .string(newestBlock.parameter),
            .array(rewardPercentiles.map { JSONValue(UInt64($0)) }),
        ]
        let count = rewardPercentiles.count
        return request("eth_feeHistory", params) { reader throws(RPCError) in
            try FeeHistory(percentileCount: count, reader: reader)
        }
    }

    /// `eth_call`: the return data of simulating `call` at `block`; a revert is ``RPCError/node(_:)`` with
    /// ``NodeError/revertData``.
    public static func call(_ call: CallRequest, at block: BlockTag = .latest) -> RPCRequest<[UInt8]> {
        request("eth_call", [call.json, .string(block.parameter)]) { reader throws(RPCError) in
            try reader.bytes()
        }
    }

    /// `eth_estimateGas`: the gas `call` needs (the node simulates it, so a revert fails here too).
    ///
    /// The block parameter is omitted unless given: some nodes reject it.
    public static func estimateGas(_ call: CallRequest, at block: BlockTag? = nil) -> RPCRequest<UInt64> {
        let params: [JSONValue] = [call.json] + (block.map { [.string($0.parameter)] } ?? [])
        return request("eth_estimateGas", params) { reader throws(RPCError) in try reader.uint64()
        }
    }

    /// `eth_sendRawTransaction`: submits signed transaction bytes, returns the transaction hash the node computed.
    public static func sendRawTransaction(_ rawTransaction: [UInt8]) -> RPCRequest<Hash32> {
        request("eth_sendRawTransaction", [.string(Hex.encode(rawTransaction))]) { reader throws(RPCError) in
            try reader.hash()
        }
    }

    /// `eth_getTransactionReceipt`: the receipt, or nil while the transaction is not mined (or unknown).
    public static func transactionReceipt(_ hash: Hash32) -> RPCRequest<TransactionReceipt?> {
        request("eth_getTransactionReceipt", [.string(hash.hex)]) { reader throws(RPCError) in
            reader.value.isNull ? nil : try TransactionReceipt(reader: reader)
        }
    }

    /// `eth_getTransactionByHash`: the transaction, or nil when the node does not know it.
    public static func transactionByHash(_ hash: Hash32) -> RPCRequest<TransactionInfo?> {
        request("eth_getTransactionByHash", [.string(hash.hex)]) { reader throws(RPCError) in
            reader.value.isNull ? nil : try TransactionInfo(reader: reader)
        }
    }

    /// `eth_getBlockByNumber` without transaction bodies: the block header, or nil when it does not exist yet.
    public static func blockByNumber(_ block: BlockTag) -> RPCRequest<Block?> {
        request("eth_getBlockByNumber", [.string(block.parameter), .bool(false)]) { reader throws(RPCError) in
            reader.value.isNull ? nil : try Block(reader: reader)
        }
    }

    private static func request<Value>(
        _ method: String,
        _ params: [JSONValue],
        _ decode: @escaping @Sendable (ResultReader) throws(RPCError) -> Value
    ) -> RPCRequest<Value> {
        RPCRequest(method: method, params: params) { value throws(RPCError) in
            try decode(ResultReader(result: value, method: method))
        }
    }
}
