import EthereumPrimitives
import Testing

@Suite("KnownChain: the one chain table")
struct KnownChainTests {
    @Test("ChainID reads its option names, names and symbols from the table")
    func chainIDReadsTheTable() {
        #expect(ChainID(name: "base") == .base && ChainID(name: "BASE") == .base)
        #expect(ChainID(name: "ethereum") == .ethereum && ChainID(name: "mainnet") == .ethereum)
        #expect(ChainID(name: "Polygon") == .polygon)
        #expect(ChainID(name: "42") == ChainID(42))
        #expect(ChainID(name: "0") == nil && ChainID(name: "optimism") == nil && ChainID(name: "") == nil)
        #expect(ChainID.polygon.name == "Polygon" && ChainID.polygon.nativeSymbol == "POL")
        #expect(ChainID.base.description == "Base (8453)" && ChainID.ethereum.nativeSymbol == "ETH")
        #expect(ChainID(42).name == nil && ChainID(42).nativeSymbol == "ETH" && ChainID(42).description == "42")
    }

    @Test("the table has three distinct chains, each found by id and by every option name")
    func entriesAreConsistent() {
        #expect(Set(KnownChain.all.map(\.chainID)) == [.base, .ethereum, .polygon])
        for chain in KnownChain.all {
            #expect(KnownChain.entry(for: chain.chainID)?.name == chain.name)
            for option in chain.optionNames { #expect(KnownChain.entry(named: option)?.chainID == chain.chainID) }
            #expect(chain.transfers != chain.usdc && chain.quoterV2 != chain.wrappedNative)
        }
        #expect(KnownChain.optionNameList == "base, ethereum, polygon")
        #expect(KnownChain.idList == "1, 137 and 8453")
    }

    @Test("built-in facts keep their values: operator, Base addresses, Polygon floor and tip")
    func valuesArePinned() throws {
        #expect(try KnownChain.coinbaseOperator == Address(hex: "0x8fccc78dae0a8f93b0fe6799de888d4c57e273db"))
        let base = try #require(KnownChain.entry(for: .base))
        #expect(base.transfers.checksummed == "0x03059433BCdB6144624cC2443159D9445C32b7a8")
        #expect(base.usdc.checksummed == "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913")
        let polygon = try #require(KnownChain.entry(for: .polygon))
        #expect(polygon.priceFloorUSDCUnits == 100_000 && polygon.minimumPriorityFee.gweiString == "30")
        #expect(KnownChain.entry(for: .ethereum)?.secondsPerBlock == 12)
    }
}
