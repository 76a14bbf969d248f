import EthereumPrimitives
package import EthereumRLP
import Secp256k1

// The one place the EIP-1559 field order is written: `rlpFields` (encoding) and `init(rlpFields:)`
// (decoding) sit side by side so that a change to one is seen next to the other; the round-trip tests and
// the eth-account fixtures hold them together.
extension EIP1559Transaction {
    /// Number of items in the unsigned payload.
    static let unsignedFieldCount = 9
    /// Number of items in the signed payload (the nine plus yParity, r, s).
    static let signedFieldCount = 12

    /// `[chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList]`.
    package var rlpFields: [RLPItem] {
        [
            .integer(chainID.value),
            .integer(nonce),
            maxPriorityFeePerGas.amount.rlpItem,
            maxFeePerGas.amount.rlpItem,
            .integer(gasLimit),
            .bytes(to.bytes),
            value.amount.rlpItem,
            .bytes(data),
            .list(accessList.map(\.rlpItem)),
        ]
    }

    /// Reads the first nine items of a payload in the order of ``rlpFields``.
    init(rlpFields items: ArraySlice<RLPItem>) throws(TransactionError) {
        precondition(items.count >= Self.unsignedFieldCount, "field count checked by the caller")
        var fields = items.makeIterator()
        func next() -> RLPItem {
            guard let item = fields.next() else { preconditionFailure("field count checked by the caller") }
            return item
        }
        chainID = ChainID(try RLPFieldReader.uint64(next(), field: "chainId"))
        nonce = try RLPFieldReader.uint64(next(), field: "nonce")
        maxPriorityFeePerGas = Wei(try RLPFieldReader.uint256(next(), field: "maxPriorityFeePerGas"))
        maxFeePerGas = Wei(try RLPFieldReader.uint256(next(), field: "maxFeePerGas"))
        gasLimit = try RLPFieldReader.uint64(next(), field: "gasLimit")
        to = try RLPFieldReader.recipient(next())
        value = Wei(try RLPFieldReader.uint256(next(), field: "value"))
        data = try RLPFieldReader.bytes(next(), field: "data")
        accessList = try AccessListEntry.decodeList(next(), field: "accessList")
        guard maxPriorityFeePerGas <= maxFeePerGas else {
            throw .priorityFeeExceedsMaxFee(maxPriorityFeePerGas: maxPriorityFeePerGas, maxFeePerGas: maxFeePerGas)
        }
    }

    /// The bytes that are hashed for signing: `0x02 ‖ rlp(nine fields)`.
    public var signingPayload: [UInt8] { Self.signingPayload(fields: rlpFields) }

    /// `keccak256(0x02 ‖ rlp(nine fields))`: the digest the sender's key signs.
    public var signingHash: SigningHash { SigningHash(payload: signingPayload) }

    /// `0x02 ‖ rlp(fields)` for fields already built (signing builds them once for both payloads).
    package static func signingPayload(fields: [RLPItem]) -> [UInt8] {
        var out: [UInt8] = [transactionType]
        RLP.append(.list(fields), to: &out)
        return out
    }

    /// The signed envelope `0x02 ‖ rlp([nine fields, yParity, r, s])`.
    static func rawTransaction(fields: [RLPItem], signature: RecoverableSignature) -> [UInt8] {
        var out: [UInt8] = [transactionType]
        let items = fields + [.integer(UInt64(signature.yParity)), signature.rItem, signature.sItem]
        RLP.append(.list(items), to: &out)
        return out
    }
}
