public import EthereumPrimitives

/// The identifier of a signed transaction: Keccak-256 of its complete EIP-2718 envelope (`0x02 ‖ rlp(12 fields)`
/// for EIP-1559, the bare RLP list for legacy), as `eth_sendRawTransaction` returns and explorers show.
///
/// Not the digest that was signed — that is ``SigningHash``.
public struct TransactionHash: Hashable, Sendable, CustomStringConvertible {
    /// The 32-byte digest.
    public let hash: Hash32

    /// Wraps a digest received elsewhere (an RPC answer, a receipt).
    public init(_ hash: Hash32) { self.hash = hash }

    /// Hashes the exact raw bytes of a signed transaction.
    init(rawTransaction: [UInt8]) { hash = Keccak256.hash(rawTransaction) }

    /// The 32 bytes.
    public var bytes: [UInt8] { hash.bytes }

    /// Lower-case `0x` hex.
    public var hex: String { hash.hex }

    /// Same as ``hex``.
    public var description: String { hash.hex }
}
