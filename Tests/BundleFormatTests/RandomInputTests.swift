import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRLP
import EthereumTransactions
import Foundation
import TestSupport
import Testing

/// Bad input never crashes: thousands of deterministic mutations of valid inputs go through every decoder on the signer's path.
///
/// Any thrown error is fine; a trap would end the test run.
@Suite struct RandomInputTests {
    /// SplitMix64: a small deterministic generator, so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func mutations(of input: [UInt8], count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            var bytes = input
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                default: bytes = Array(bytes[..<index])
                }
            }
            return bytes
        }
    }

    static func example(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.formats.appendingPathComponent(path)))
    }

    @Test("mutated signed transactions and RLP never crash the decoders")
    func rawTransactions() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.example("signed-transaction/v1/examples/sandbox-polygon.json")))
                as? [String: Any])
        let raw = try Hex.decode(try #require(object["rawTransaction"] as? String))
        var decoded = 0
        for input in Self.mutations(of: raw, count: 3000, seed: 1) {
            if (try? SignedTransaction(rawTransaction: input)) != nil { decoded += 1 }
            _ = try? DecodedTransaction(rawTransaction: input)
            _ = try? RLP.decode(Array(input.dropFirst()))
        }
        #expect(decoded < 3000, "mutations must mostly be refused")
    }

    @Test("mutated calldata never crashes the ABI decoder")
    func calldata() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.example("unsigned-bundle/v1/examples/sample-a-base.json")))
                as? [String: Any])
        let transaction = try #require(object["transaction"] as? [String: Any])
        let input = try Hex.decode(try #require(transaction["input"] as? String))
        for mutated in Self.mutations(of: input, count: 3000, seed: 2) {
            _ = try? TransfersContract.decodeSwapAndTransfer(mutated)
            _ = ContractRevert(revertData: mutated)
        }
    }

    @Test(
        "mutated bundle and signed-file JSON never crash the readers",
        arguments: [
            "unsigned-bundle/v1/examples/sample-a-base.json", "signed-transaction/v1/examples/sandbox-polygon-fee-ladder.json",
        ])
    func documents(path: String) throws {
        for mutated in Self.mutations(of: try Self.example(path), count: 1500, seed: 3) {
            _ = try? UnsignedBundle(jsonData: Data(mutated))
            _ = try? SignedTransactionFile(jsonData: Data(mutated))
        }
    }
}
