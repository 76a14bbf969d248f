public import EthereumPrimitives
import EthereumRLP

/// An unsigned legacy (pre-EIP-2718) transaction: `[nonce, gasPrice, gasLimit, to, value, data]`.
///
/// Supported for decoding and for computing signing hashes (EIP-155 and pre-155), so that transactions
/// from older tools can be inspected; this package signs only ``EIP1559Transaction``s. As there, `to` is
/// required: contract creation is refused.
public struct LegacyTransaction: Hashable, Sendable {
    /// The sender's nonce.
    public var nonce: UInt64
    /// The price per gas, in wei.
    public var gasPrice: Wei
    /// The gas the transaction may use.
    public var gasLimit: UInt64
    /// The recipient.
    public var to: Address
    /// The wei transferred.
    public var value: Wei
    /// The calldata.
    public var data: [UInt8]

    /// Creates a transaction from all of its fields.
    public init(nonce: UInt64, gasPrice: Wei, gasLimit: UInt64, to: Address, value: Wei, data: [UInt8] = []) {
        self.nonce = nonce
        self.gasPrice = gasPrice
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
    }

    /// The six fields in wire order.
    var rlpFields: [RLPItem] {
        [
            .integer(nonce), gasPrice.amount.rlpItem, .integer(gasLimit), .bytes(to.bytes), value.amount.rlpItem,
            .bytes(data),
        ]
    }

    /// Reads the first six items of a payload in the order of ``rlpFields``.
    init(rlpFields items: [RLPItem]) throws(TransactionError) {
        precondition(items.count >= 6, "field count checked by the caller")
        nonce = try RLPFieldReader.uint64(items[0], field: "nonce")
        gasPrice = Wei(try RLPFieldReader.uint256(items[1], field: "gasPrice"))
        gasLimit = try RLPFieldReader.uint64(items[2], field: "gasLimit")
        to = try RLPFieldReader.recipient(items[3])
        value = Wei(try RLPFieldReader.uint256(items[4], field: "value"))
        data = try RLPFieldReader.bytes(items[5], field: "data")
    }

    /// The bytes hashed for signing: `rlp([six fields, chainId, 0, 0])` under EIP-155, `rlp([six fields])`
    /// before it.
    public func signingPayload(_ replayProtection: LegacyReplayProtection) -> [UInt8] {
        switch replayProtection {
        case .eip155(let chainID):
            return RLP.encode(.list(rlpFields + [.integer(chainID.value), .bytes([]), .bytes([])]))
        case .none:
            return RLP.encode(.list(rlpFields))
        }
    }

    /// The digest the key signs, under the given replay protection.
    public func signingHash(_ replayProtection: LegacyReplayProtection) -> SigningHash {
        SigningHash(payload: signingPayload(replayProtection))
    }
}

/// Whether a legacy signature is bound to a chain (EIP-155, `v = chainId·2 + 35 + yParity`) or not
/// (`v = 27 + yParity`, replayable on every chain).
public enum LegacyReplayProtection: Hashable, Sendable {
    /// EIP-155: the signature commits to this chain id.
    case eip155(ChainID)
    /// Pre-EIP-155 (`v` 27/28): valid on any chain.
    case none

    /// The `v` value for a signature with this protection and `yParity`.
    func v(yParity: UInt8) -> UInt64 {
        switch self {
        case .eip155(let chainID): return chainID.value * 2 + 35 + UInt64(yParity)
        case .none: return 27 + UInt64(yParity)
        }
    }

    /// Splits `v` into replay protection and yParity.
    init(v: UInt64) throws(TransactionError) {
        switch v {
        case 27, 28: self = .none
        case 37...: self = .eip155(ChainID((v - 35) / 2))
        default: throw .invalidLegacyV(found: v)  // 35/36 would mean chain id 0
        }
    }
}
