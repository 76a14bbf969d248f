public import EthereumPrimitives

extension TransferIntent {
    /// The prefix Coinbase's operator uses: ASCII `"K2 Informational Message: 32 "` (29 bytes).
    public static let coinbasePrefix: [UInt8] = Array("K2 Informational Message: 32 ".utf8)

    /// The packed hash the operator signs (`Transfers.sol` `validIntent`):
    /// `keccak256(abi.encodePacked(recipientAmount, deadline, recipient, recipientCurrency, refundDestination,
    /// feeAmount, id, operator, block.chainid, sender, address(this)))` — 264 bytes before hashing.
    ///
    /// It binds the intent to one chain, one payer (`sender`, the transaction's `from`) and one contract.
    public func packedHash(chainID: ChainID, sender: Address, contract: Address) -> Hash32 {
        var packed: [UInt8] = []
        packed.reserveCapacity(264)
        packed += recipientAmount.bigEndianBytes
        packed += deadline.bigEndianBytes
        packed += recipient.bytes
        packed += recipientCurrency.bytes
        packed += refundDestination.bytes
        packed += feeAmount.bigEndianBytes
        packed += id
        packed += `operator`.bytes
        packed += UInt256(chainID.value).bigEndianBytes
        packed += sender.bytes
        packed += contract.bytes
        return Keccak256.hash(packed)
    }

    /// The digest the operator's signature must recover against: `keccak256(prefix ‖ hash)`, or the EIP-191
    /// `"\x19Ethereum Signed Message:\n32" ‖ hash` digest when `prefix` is empty.
    public func operatorDigest(chainID: ChainID, sender: Address, contract: Address) -> Hash32 {
        let hash = packedHash(chainID: chainID, sender: sender, contract: contract)
        let prefixBytes = prefix.isEmpty ? Array("\u{19}Ethereum Signed Message:\n32".utf8) : prefix
        return Keccak256.hash(prefixBytes + hash.bytes)
    }
}
