import SigningKeys
import HDKeys
import Secp256k1
import Testing
import TestSupport

/// bitcoin/bips bip-0032 test vectors 1–4: every chain, private and public serialisations.
@Suite("BIP-32 test vectors")
struct BIP32VectorTests {
    struct Chain: CustomTestStringConvertible, Sendable {
        let vector: Int
        let seed: String
        let path: String
        let indices: [UInt32]
        let xprv: String
        let xpub: String
        var testDescription: String { "TV\(vector) \(path)" }
    }

    static func chains() throws -> [Chain] {
        let file = try #require(try Fixtures.vectorJSON("bip32/bip32_vectors.json") as? [String: Any])
        let vectors = try #require(file["vectors"] as? [[String: Any]])
        var chains = [Chain]()
        for (number, vector) in vectors.enumerated() {
            let seed = try #require(vector["seed_hex"] as? String)
            for chain in try #require(vector["chains"] as? [[String: Any]]) {
                chains.append(
                    Chain(
                        vector: number + 1, seed: seed, path: try #require(chain["path"] as? String),
                        indices: try #require(chain["path_indices"] as? [Int]).map { UInt32($0) },
                        xprv: try #require(chain["ext_prv"] as? String), xpub: try #require(chain["ext_pub"] as? String)))
            }
        }
        return chains
    }

    @Test("the file holds all 17 chains of test vectors 1–4")
    func hasAllChains() throws {
        #expect(try Self.chains().count == 17)
    }

    @Test("each chain derives to the printed xprv and xpub", arguments: 0..<17)
    func derivesChain(index: Int) throws {
        let chain = try Self.chains()[index]
        let path = try DerivationPath(chain.path)
        #expect(path.components == chain.indices)
        let key = try ExtendedPrivateKey(seed: SecretBytes(hexBytes(chain.seed))).derived(path)
        #expect(key.serializedXprv() == chain.xprv, "\(chain.testDescription)")
        #expect(key.extendedPublicKey.serializedXpub == chain.xpub, "\(chain.testDescription)")
        #expect(Int(key.depth) == chain.indices.count)
    }

    @Test("a seed outside 16…64 bytes is refused", arguments: [0, 15, 65])
    func refusesSeedLength(count: Int) {
        #expect(throws: HDKeysError.invalidSeedLength(found: count)) {
            try ExtendedPrivateKey(seed: SecretBytes([UInt8](repeating: 7, count: count)))
        }
    }

    @Test("an extended private key never prints its key or chain code")
    func redactsKey() throws {
        let key = try ExtendedPrivateKey(seed: SecretBytes(hexBytes("000102030405060708090a0b0c0d0e0f")))
        let text = "\(key)"
        #expect(text.contains("redacted") && !text.contains("xprv"))
    }
}
