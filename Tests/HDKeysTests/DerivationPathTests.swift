import HDKeys
import Testing

@Suite("Derivation paths")
struct DerivationPathTests {
    @Test(
        "apostrophe, h and H all mark hardened components",
        arguments: [
            "m/44'/60'/0'/0/7", "m/44h/60h/0h/0/7", "m/44H/60H/0H/0/7",
        ])
    func parsesHardenedMarkers(text: String) throws {
        let path = try DerivationPath(text)
        #expect(path.components == [0x8000_002C, 0x8000_003C, 0x8000_0000, 0, 7])
        #expect(path.description == "m/44'/60'/0'/0/7")
    }

    @Test("m alone is the master key; the largest index is 2^31 − 1")
    func parsesEdges() throws {
        #expect(try DerivationPath("m").components.isEmpty)
        #expect(try DerivationPath("m/2147483647'").components == [0xFFFF_FFFF])
    }

    @Test("the Ethereum helper builds m/44'/60'/account'/0/index")
    func buildsEthereumPath() {
        #expect(DerivationPath.ethereum(account: 2, index: 5).description == "m/44'/60'/2'/0/5")
        #expect(DerivationPath.ethereumDefault.description == "m/44'/60'/0'/0/0")
    }

    @Test(
        "malformed paths are refused",
        arguments: [
            "", "44'/60'", "M/1", "m/", "m//1", "m/01", "m/2147483648", "m/1x", "m/-1", "m/+1", "m/1''", "m/ 1",
            "m/٣",
        ])
    func refusesMalformed(text: String) {
        #expect {
            try DerivationPath(text)
        } throws: { error in
            guard case HDKeysError.invalidPath(let path, _) = error else { return false }
            return path == text
        }
    }
}
