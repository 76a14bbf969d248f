public import EthereumPrimitives

/// An unsigned EIP-1559 (type 2) transaction: https://eips.ethereum.org/EIPS/eip-1559.
///
/// Every field is required. `to` is an ``Address`` rather than an optional because a payment never creates
/// a contract; the decoder refuses an empty `to` by name. Units: fees are wei per unit of gas, `value` is
/// wei, `gasLimit` is gas. On the wire (RLP, and `0x` quantities in JSON) the integers are minimal
/// big-endian; the field order is written once, in `EIP1559Transaction+RLP.swift`.
public struct EIP1559Transaction: Hashable, Sendable {
    /// The EIP-2718 transaction type byte.
    public static let transactionType: UInt8 = 0x02

    /// The EIP-155 chain id the signature is bound to.
    public var chainID: ChainID
    /// The sender's nonce (EIP-2681 caps it at 2^64 − 1).
    public var nonce: UInt64
    /// The tip per gas paid to the block producer, in wei.
    public var maxPriorityFeePerGas: Wei
    /// The most the sender pays per gas (base fee + tip), in wei.
    public var maxFeePerGas: Wei
    /// The gas the transaction may use.
    public var gasLimit: UInt64
    /// The recipient: an account or the contract called.
    public var to: Address
    /// The wei transferred to `to`.
    public var value: Wei
    /// The calldata (empty for a plain transfer).
    public var data: [UInt8]
    /// The EIP-2930 access list (usually empty).
    public var accessList: [AccessListEntry]

    /// Creates a transaction from all of its fields.
    public init(
        chainID: ChainID,
        nonce: UInt64,
        maxPriorityFeePerGas: Wei,
        maxFeePerGas: Wei,
        gasLimit: UInt64,
        to: Address,
        value: Wei,
        data: [UInt8] = [],
        accessList: [AccessListEntry] = []
    ) {
        self.chainID = chainID
        self.nonce = nonce
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
    }
}
