public import EthereumPrimitives

/// The digest a key signs for a transaction: for EIP-1559, `keccak256(0x02 ‖ rlp([chainId, nonce,
/// maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList]))`; for a legacy
/// EIP-155 transaction, `keccak256(rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0]))`.
///
/// Deliberately a different type from ``TransactionHash`` (what explorers show): go-ethereum's
/// `Signer.Hash` documentation explains why confusing the two is a classic bug.
public struct SigningHash: Hashable, Sendable, CustomStringConvertible {
    /// The 32-byte digest.
    public let hash: Hash32

    /// Wraps a digest computed elsewhere (for example a bundle's declared signing hash, to compare).
    public init(_ hash: Hash32) { self.hash = hash }

    /// Hashes a complete signing payload (type byte included for typed transactions).
    package init(payload: [UInt8]) { hash = Keccak256.hash(payload) }

    /// The 32 bytes.
    public var bytes: [UInt8] { hash.bytes }

    /// Lower-case `0x` hex.
    public var hex: String { hash.hex }

    /// Same as ``hex``.
    public var description: String { hash.hex }
}
