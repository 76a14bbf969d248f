import SigningKeys
import EthereumPrimitives
import HDKeys
import Secp256k1
import Testing
import TestSupport

/// eth_bip44_abandon.json: the all-"abandon" mnemonic, empty passphrase, m/44'/60'/0'/0/i (MetaMask's accounts).
@Suite("Ethereum BIP-44 derivation")
struct EthereumDerivationTests {
    static func fixture() throws -> [String: Any] {
        try #require(try Fixtures.vectorJSON("bip32/eth_bip44_abandon.json") as? [String: Any])
    }

    static func mnemonic() throws -> Mnemonic {
        try Mnemonic(phrase: try #require(try fixture()["mnemonic"] as? String))
    }

    @Test("seed, master fingerprint and master xprv match")
    func derivesMaster() throws {
        let fixture = try Self.fixture()
        let seed = try Self.mnemonic().seed()
        seed.withUnsafeBytes { #expect(Array($0) == hexBytes(fixture["seed_hex"] as? String ?? "")) }
        let master = try ExtendedPrivateKey(seed: seed)
        #expect(master.fingerprint == 0x73c5_da0a)
        #expect(master.serializedXprv() == fixture["master_xprv"] as? String)
    }

    @Test("the account key m/44'/60'/0' matches its xprv, xpub, chain code and parent fingerprint")
    func derivesAccount() throws {
        let account = try #require(try Self.fixture()["account"] as? [String: Any])
        let key = try ExtendedPrivateKey(seed: Self.mnemonic().seed()).derived(DerivationPath("m/44'/60'/0'"))
        #expect(key.serializedXprv() == account["xprv"] as? String)
        #expect(key.extendedPublicKey.serializedXpub == account["xpub"] as? String)
        #expect(key.publicKey.compressed == hexBytes(account["public_key_compressed"] as? String ?? ""))
        key.chainCode.withUnsafeBytes { #expect(Array($0) == hexBytes(account["chain_code"] as? String ?? "")) }
        #expect(key.parentFingerprint == 0xd32e_4508)
    }

    @Test("accounts 0, 1, 2 give the fixture's keys and EIP-55 addresses", arguments: 0..<3)
    func derivesAddresses(index: Int) throws {
        let addresses = try #require(try Self.fixture()["addresses"] as? [[String: String]])
        let expected = addresses[index]
        let viaHelper = try Self.mnemonic().ethereumPrivateKey(path: .ethereum(index: UInt32(index)))
        let viaPath = try Self.mnemonic().ethereumPrivateKey(path: DerivationPath(expected["path"] ?? ""))
        viaHelper.secret.withUnsafeBytes { #expect(Array($0) == hexBytes(expected["private_key"] ?? "")) }
        #expect(viaPath.secret.constantTimeEquals(viaHelper.secret))
        #expect(viaHelper.publicKey.uncompressedWithTag == hexBytes(expected["public_key_uncompressed"] ?? ""))
        #expect(viaHelper.address.checksummed == expected["address"])
    }

    @Test("the default path gives MetaMask's first address for abandon … about")
    func defaultPathIsMetaMasksFirstAccount() throws {
        let key = try Self.mnemonic().ethereumPrivateKey()
        #expect(key.address.checksummed == "0x9858EfFD232B4033E47d90003D41EC34EcaEda94")
    }

    @Test("a BIP-39 passphrase selects a different wallet")
    func passphraseChangesAccount() throws {
        let plain = try Self.mnemonic().ethereumPrivateKey()
        let protected = try Self.mnemonic().ethereumPrivateKey(passphrase: "TREZOR")
        #expect(plain.address != protected.address)
    }
}
