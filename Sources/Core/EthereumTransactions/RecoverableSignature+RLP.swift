import EthereumRLP
import Secp256k1

extension RecoverableSignature {
    /// r as a canonical RLP integer (leading zero bytes dropped).
    var rItem: RLPItem { .bytes(Self.minimal(r)) }

    /// s as a canonical RLP integer (leading zero bytes dropped).
    var sItem: RLPItem { .bytes(Self.minimal(s)) }

    private static func minimal(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return [] }
        return Array(bytes[first...])
    }
}
