import EthereumPrimitives
import EthereumRLP
import Secp256k1

/// Strict readers for the RLP fields of a transaction, shared by the EIP-1559 and legacy decoders.
///
/// Integers must be canonical (no leading zero byte; zero is the empty string) and fit their field; byte
/// strings must not be lists; addresses are exactly 20 bytes.
enum RLPFieldReader {
    /// A canonical integer of at most 8 bytes.
    static func uint64(_ item: RLPItem, field: String) throws(TransactionError) -> UInt64 {
        try TransactionError.wrapping { () throws(RLPError) in try item.uint64Value(field: field) }
    }

    /// A canonical integer of at most 32 bytes.
    static func uint256(_ item: RLPItem, field: String) throws(TransactionError) -> UInt256 {
        let bytes = try TransactionError.wrapping { () throws(RLPError) in
            try item.integerBytes(field: field, maxBytes: 32)
        }
        return UInt256(minimalBytes: bytes)
    }

    /// A byte string of any length.
    static func bytes(_ item: RLPItem, field: String) throws(TransactionError) -> [UInt8] {
        try TransactionError.wrapping { () throws(RLPError) in try item.bytesValue(field: field) }
    }

    /// A 20-byte address.
    static func address(_ item: RLPItem, field: String) throws(TransactionError) -> Address {
        let raw = try bytes(item, field: field)
        guard raw.count == 20 else { throw .invalidAddressLength(field: field, found: raw.count) }
        return Address(uncheckedBytes: raw)
    }

    /// The `to` field: a 20-byte address; empty (contract creation) is refused by name.
    static func recipient(_ item: RLPItem) throws(TransactionError) -> Address {
        let raw = try bytes(item, field: "to")
        if raw.isEmpty { throw .contractCreationNotSupported }
        guard raw.count == 20 else { throw .invalidAddressLength(field: "to", found: raw.count) }
        return Address(uncheckedBytes: raw)
    }

    /// r and s as canonical integers, checked by the secp256k1 rules (non-zero, below n, low-s).
    static func signature(r rItem: RLPItem, s sItem: RLPItem, yParity: UInt8) throws(TransactionError)
        -> RecoverableSignature
    {
        let r = try TransactionError.wrapping { () throws(RLPError) in try rItem.integerBytes(field: "r") }
        let s = try TransactionError.wrapping { () throws(RLPError) in try sItem.integerBytes(field: "s") }
        do {
            return try RecoverableSignature(r: r, s: s, yParity: yParity)
        } catch {
            throw TransactionError(signatureError: error)
        }
    }

    /// The top-level list of a payload, with exactly `count` items.
    static func fields(_ item: RLPItem, count: Int) throws(TransactionError) -> [RLPItem] {
        let items = try TransactionError.wrapping { () throws(RLPError) in try item.listValue(field: "transaction") }
        guard items.count == count else {
            throw .wrongFieldCount(field: "transaction", expected: count, found: items.count)
        }
        return items
    }
}

extension TransactionError {
    /// Runs an RLP reader, reporting its failure as ``TransactionError/rlp(_:)``.
    static func wrapping<T>(_ body: () throws(RLPError) -> T) throws(TransactionError) -> T {
        do {
            return try body()
        } catch {
            throw .rlp(error)
        }
    }

    /// Maps a secp256k1 refusal onto the transaction's vocabulary.
    init(signatureError: Secp256k1Error) {
        switch signatureError {
        case .highS: self = .highS
        case .invalidSignature(let reason): self = .invalidSignature(reason: reason)
        default: self = .invalidSignature(reason: signatureError.description)
        }
    }
}

extension UInt256 {
    /// Reads at most 32 big-endian bytes already checked by the RLP integer reader.
    init(minimalBytes bytes: [UInt8]) {
        precondition(bytes.count <= 32, "integer reader allowed more than 32 bytes — caller bug")
        var limbs: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.reversed().enumerated() {
            limbs[index / 8] |= UInt64(byte) << (8 * UInt64(index % 8))
        }
        self.init(limbs: (limbs[0], limbs[1], limbs[2], limbs[3]))
    }

    /// The RLP integer item (minimal big-endian bytes; zero is the empty string).
    var rlpItem: RLPItem { .bytes(minimalBigEndianBytes) }
}
