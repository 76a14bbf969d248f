import SigningKeys
import EthereumPrimitives
import HDKeys
import Secp256k1
import Testing
import TestSupport

/// trezor/python-mnemonic vectors.json, English section: [entropy, mnemonic, seed, xprv], passphrase "TREZOR".
@Suite("BIP-39 English vectors")
struct BIP39VectorTests {
    static func vectors() throws -> [[String]] {
        let all = try #require(try Fixtures.vectorJSON("bip39/vectors.json") as? [String: Any])
        return try #require(all["english"] as? [[String]])
    }

    @Test("the file holds the 24 classic English vectors")
    func hasAllVectors() throws {
        #expect(try Self.vectors().count == 24)
    }

    @Test("entropy encodes to the vector's words", arguments: 0..<24)
    func encodesEntropy(index: Int) throws {
        let vector = try Self.vectors()[index]
        let mnemonic = try Mnemonic(entropy: SecretBytes(hexBytes(vector[0])))
        #expect(mnemonic.phrase == vector[1])
    }

    @Test("words decode to the vector's entropy", arguments: 0..<24)
    func decodesWords(index: Int) throws {
        let vector = try Self.vectors()[index]
        let mnemonic = try Mnemonic(phrase: vector[1])
        mnemonic.entropy.withUnsafeBytes { #expect(Array($0) == hexBytes(vector[0])) }
    }

    @Test("words and passphrase TREZOR give the vector's seed and master xprv", arguments: 0..<24)
    func derivesSeedAndMasterKey(index: Int) throws {
        let vector = try Self.vectors()[index]
        let seed = try Mnemonic(phrase: vector[1]).seed(passphrase: "TREZOR")
        seed.withUnsafeBytes { #expect(Array($0) == hexBytes(vector[2])) }
        #expect(try ExtendedPrivateKey(seed: seed).serializedXprv() == vector[3])
    }
}
