public import EthereumPrimitives
public import EthereumRLP

/// Why a transaction could not be decoded, signed, recovered or costed.
///
/// Every case names the field it concerns (`to`, `accessList[1].storageKeys[0]`, `s`) and, where it helps,
/// what was found and what was expected.
public enum TransactionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The raw transaction is empty.
    case emptyInput
    /// An EIP-2718 type byte (0x00–0x7f) other than 0x02: only EIP-1559 and legacy transactions are read.
    case unsupportedTransactionType(found: UInt8)
    /// A supported envelope of the other kind: a legacy list given to the EIP-1559 decoder, or the reverse.
    case wrongTransactionKind(expected: String, found: String)
    /// The first byte is neither a type byte (0x00–0x7f) nor a legacy list prefix (0xc0–0xfe).
    case invalidEnvelope(firstByte: UInt8)
    /// A structural or field-level RLP problem (trailing bytes, non-canonical integer, list where a string was due).
    case rlp(RLPError)
    /// A list with the wrong number of items: the transaction payload (12 or 9) or an access-list entry (2).
    case wrongFieldCount(field: String, expected: Int, found: Int)
    /// `to` is empty: contract creation, which a payment never is.
    case contractCreationNotSupported
    /// An address that is not 20 bytes.
    case invalidAddressLength(field: String, found: Int)
    /// A storage key that is not 32 bytes.
    case invalidStorageKeyLength(field: String, found: Int)
    /// `yParity` is not 0 or 1.
    case invalidYParity(found: UInt64)
    /// A legacy `v` that is neither 27/28 nor `chainId·2 + 35/36` with a chain id above 0.
    case invalidLegacyV(found: UInt64)
    /// s is above n/2 (EIP-2 requires low-s).
    case highS
    /// r or s is zero or not below the curve order.
    case invalidSignature(reason: String)
    /// No public key recovers from the signature and signing hash.
    case senderRecoveryFailed(reason: String)
    /// `maxPriorityFeePerGas` above `maxFeePerGas`: invalid under EIP-1559, and would never be mined.
    case priorityFeeExceedsMaxFee(maxPriorityFeePerGas: Wei, maxFeePerGas: Wei)
    /// A cost computation that does not fit in 256 bits.
    case overflow(field: String)

    /// A one-line explanation naming the field, what was found and what was expected.
    public var description: String {
        switch self {
        case .emptyInput:
            return "transaction: empty input"
        case .unsupportedTransactionType(let found):
            return "transaction: type 0x\(Hex.encode([found], prefix: false)) is not supported "
                + "(only 0x02, EIP-1559, and legacy)"
        case .wrongTransactionKind(let expected, let found):
            return "transaction: expected \(expected), found \(found)"
        case .invalidEnvelope(let firstByte):
            return "transaction: first byte 0x\(Hex.encode([firstByte], prefix: false)) is neither a type byte "
                + "(0x00–0x7f) nor a legacy list (0xc0–0xfe)"
        case .rlp(let error):
            return "transaction: \(error)"
        case .wrongFieldCount(let field, let expected, let found):
            return "\(field): expected \(expected) RLP items, found \(found)"
        case .contractCreationNotSupported:
            return "to: empty (contract creation), expected a 20-byte address"
        case .invalidAddressLength(let field, let found):
            return "\(field): expected a 20-byte address, found \(found) bytes"
        case .invalidStorageKeyLength(let field, let found):
            return "\(field): expected a 32-byte storage key, found \(found) bytes"
        case .invalidYParity(let found):
            return "yParity: expected 0 or 1, found \(found)"
        case .invalidLegacyV(let found):
            return "v: expected 27, 28 or chainId·2 + 35/36, found \(found)"
        case .highS:
            return "s: above n/2 (EIP-2 requires low-s signatures)"
        case .invalidSignature(let reason):
            return "signature: \(reason)"
        case .senderRecoveryFailed(let reason):
            return "signature: no sender recovers (\(reason))"
        case .priorityFeeExceedsMaxFee(let priority, let maxFee):
            return "maxPriorityFeePerGas: \(priority.amount) wei exceeds maxFeePerGas \(maxFee.amount) wei"
        case .overflow(let field):
            return "\(field): exceeds 2^256 − 1"
        }
    }
}
