public import EthereumPrimitives

extension JSONRPCClient {
    /// `eth_chainId`.
    public func chainID() async throws(RPCError) -> ChainID { try await send(Eth.chainID()) }

    /// `eth_blockNumber`.
    public func blockNumber() async throws(RPCError) -> UInt64 { try await send(Eth.blockNumber()) }

    /// `eth_getTransactionCount` (the next nonce at `.pending` by default).
    public func transactionCount(of address: Address, at block: BlockTag = .pending) async throws(RPCError) -> UInt64 {
        try await send(Eth.transactionCount(of: address, at: block))
    }

    /// `eth_getBalance`.
    public func balance(of address: Address, at block: BlockTag = .latest) async throws(RPCError) -> Wei {
        try await send(Eth.balance(of: address, at: block))
    }

    /// `eth_feeHistory`.
    public func feeHistory(blockCount: UInt64, newestBlock: BlockTag = .latest, rewardPercentiles: [UInt8])
        async throws(RPCError) -> FeeHistory
    {
        try await send(
            Eth.feeHistory(blockCount: blockCount, newestBlock: newestBlock, rewardPercentiles: rewardPercentiles))
    }

    /// `eth_call`.
    public func call(_ call: CallRequest, at block: BlockTag = .latest) async throws(RPCError) -> [UInt8] {
        try await send(Eth.call(call, at: block))
    }

    /// `eth_estimateGas`.
    public func estimateGas(_ call: CallRequest, at block: BlockTag? = nil) async throws(RPCError) -> UInt64 {
        try await send(Eth.estimateGas(call, at: block))
    }

    /// `eth_sendRawTransaction`.
    public func sendRawTransaction(_ rawTransaction: [UInt8]) async throws(RPCError) -> Hash32 {
        try await send(Eth.sendRawTransaction(rawTransaction))
    }

    /// `eth_getTransactionReceipt`.
    public func transactionReceipt(_ hash: Hash32) async throws(RPCError) -> TransactionReceipt? {
        try await send(Eth.transactionReceipt(hash))
    }

    /// `eth_getTransactionByHash`.
    public func transactionByHash(_ hash: Hash32) async throws(RPCError) -> TransactionInfo? {
        try await send(Eth.transactionByHash(hash))
    }

    /// `eth_getBlockByNumber` (header only).
    public func blockByNumber(_ block: BlockTag) async throws(RPCError) -> Block? {
        try await send(Eth.blockByNumber(block))
    }
}
