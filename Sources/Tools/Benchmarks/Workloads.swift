import SigningKeys
import EthereumPrimitives
import EthereumTransactions
import Secp256k1

/// The inputs every benchmark uses, identical to those of scripts/bench/compare.py's Python side.
enum Workloads {
    /// 1 MiB of 0x61 ('a'), the Keccak throughput input (the same message as the 1 MiB public vector).
    static let mebibyte = [UInt8](repeating: 0x61, count: 1 << 20)

    /// The key 0x46…46 of the EIP-155 example.
    static func key() -> PrivateKey {
        do {
            return try PrivateKey(SecretBytes([UInt8](repeating: 0x46, count: 32)))
        } catch {
            fatalError("the constant benchmark key is valid: \(error)")
        }
    }

    /// A payment-sized type-2 transaction: Base, a contract call with 580 bytes of calldata (the size of the Transfers call), fees and value of realistic widths.
    ///
    /// compare.py builds the same transaction.
    static let transaction = EIP1559Transaction(
        chainID: .base,
        nonce: 42,
        maxPriorityFeePerGas: Wei(1_000_000_000),
        maxFeePerGas: Wei(2_000_000_000),
        gasLimit: 300_000,
        to: Address(uncheckedBytes: [UInt8](repeating: 0x35, count: 20)),
        value: Wei(4_000_000_000_000_000),
        data: (0..<580).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    )
}
