public import EthereumPrimitives

/// Contract addresses per chain, from docs/protocol.md §1.7–1.8 and §3 (each entry names its source there).
///
/// `sign` pins the Transfers contract and operator from this table unless a policy file overrides them;
/// `prepare` takes the quoter, wrapped-native and USDC addresses from it unless a network file does.
public struct Deployment: Equatable, Sendable {
    /// The chain.
    public let chainID: ChainID
    /// Coinbase's Transfers contract that OpenRouter's charges name (§1.8).
    public let transfers: Address
    /// Uniswap v3 QuoterV2 (§3.1).
    public let quoterV2: Address
    /// Wrapped native currency: WETH or WPOL (§3.1).
    public let wrappedNative: Address
    /// Native USDC, 6 decimals (§3.2).
    public let usdc: Address

    /// Coinbase Commerce's operator, the signer of every real intent (§1.7).
    public static let coinbaseOperator = Address(uncheckedHex: "0x8fccc78dae0a8f93b0fe6799de888d4c57e273db")

    /// The three chains OpenRouter supported.
    public static let all: [Deployment] = [
        Deployment(
            chainID: .base,
            transfers: Address(uncheckedHex: "0x03059433BCdB6144624cC2443159D9445C32b7a8"),
            quoterV2: Address(uncheckedHex: "0x3d4e44Eb1374240CE5F1B871ab261CD16335B76a"),
            wrappedNative: Address(uncheckedHex: "0x4200000000000000000000000000000000000006"),
            usdc: Address(uncheckedHex: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913")),
        Deployment(
            chainID: .ethereum,
            transfers: Address(uncheckedHex: "0x1FA57f879417e029Ef57D7Ce915b0aA56A507C31"),
            quoterV2: Address(uncheckedHex: "0x61fFE014bA17989E743c5F6cB21bF9697530B21e"),
            wrappedNative: Address(uncheckedHex: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"),
            usdc: Address(uncheckedHex: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")),
        Deployment(
            chainID: .polygon,
            transfers: Address(uncheckedHex: "0x288844216a63638381784E0C1081A3826fD5a2E4"),
            quoterV2: Address(uncheckedHex: "0x61fFE014bA17989E743c5F6cB21bF9697530B21e"),
            wrappedNative: Address(uncheckedHex: "0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270"),
            usdc: Address(uncheckedHex: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359")),
    ]

    /// The built-in deployment for a chain, if it is one of the three.
    public static func builtIn(for chainID: ChainID) -> Deployment? { all.first { $0.chainID == chainID } }

    /// Creates a deployment (network files and policies build their own for test networks).
    public init(chainID: ChainID, transfers: Address, quoterV2: Address, wrappedNative: Address, usdc: Address) {
        self.chainID = chainID
        self.transfers = transfers
        self.quoterV2 = quoterV2
        self.wrappedNative = wrappedNative
        self.usdc = usdc
    }
}

extension Address {
    /// Parses a compile-time constant; a typo in the table is a programmer error caught by the tests.
    init(uncheckedHex text: String) {
        do { self = try Address(hex: text, field: "built-in address") } catch {
            fatalError("built-in address \(text) is invalid: \(error)")
        }
    }
}
