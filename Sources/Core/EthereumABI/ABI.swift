public import EthereumPrimitives

/// Contract ABI encoding and decoding (Solidity ABI spec, "Formal Specification of the Encoding") for the
/// static and dynamic types the product's calls use: the Transfers contract, Uniswap's QuoterV2, the
/// contract's custom errors and its `Transferred` event.
public enum ABI {
    /// The 4-byte selector of a canonical function or error signature: the first 4 bytes of its Keccak-256.
    public static func selector(_ signature: String) -> [UInt8] {
        Array(Keccak256.hash(Array(signature.utf8)).bytes[0..<4])
    }

    /// The 32-byte topic of a canonical event signature.
    public static func eventTopic(_ signature: String) -> Hash32 {
        Keccak256.hash(Array(signature.utf8))
    }
}

/// An ABI type, as far as this product needs: no arrays (none of our calls use them).
public indirect enum ABIType: Equatable, Sendable, CustomStringConvertible {
    /// `uint<bits>`, 8 ≤ bits ≤ 256, a multiple of 8.
    case uint(bits: Int)
    /// `int<bits>` in two's complement.
    case int(bits: Int)
    /// `address`.
    case address
    /// `bool`.
    case bool
    /// `bytes<n>`, 1 ≤ n ≤ 32, left-aligned in its word.
    case fixedBytes(Int)
    /// Dynamic `bytes`.
    case bytes
    /// Dynamic `string` (UTF-8).
    case string
    /// A tuple (struct).
    case tuple([ABIType])

    /// Whether values of this type are encoded in the tail with an offset in the head.
    public var isDynamic: Bool {
        switch self {
        case .bytes, .string: return true
        case .tuple(let components): return components.contains(where: \.isDynamic)
        default: return false
        }
    }

    /// Size in the head: 32 bytes, or the whole static tuple.
    var headSize: Int {
        if case .tuple(let components) = self, !isDynamic { return components.reduce(0) { $0 + $1.headSize } }
        return 32
    }

    /// The canonical type string used in signatures, for example `(uint256,address)`.
    public var description: String {
        switch self {
        case .uint(let bits): return "uint\(bits)"
        case .int(let bits): return "int\(bits)"
        case .address: return "address"
        case .bool: return "bool"
        case .fixedBytes(let size): return "bytes\(size)"
        case .bytes: return "bytes"
        case .string: return "string"
        case .tuple(let components): return "(" + components.map(\.description).joined(separator: ",") + ")"
        }
    }
}

/// An ABI value.
public indirect enum ABIValue: Equatable, Sendable {
    /// An unsigned integer of any `uint<N>`.
    case uint(UInt256)
    /// A signed integer's 256-bit two's-complement word.
    case int(UInt256)
    /// An address.
    case address(Address)
    /// A boolean.
    case bool(Bool)
    /// `bytes<n>`: exactly n bytes.
    case fixedBytes([UInt8])
    /// Dynamic bytes.
    case bytes([UInt8])
    /// A UTF-8 string.
    case string(String)
    /// A tuple.
    case tuple([ABIValue])
}
