public import EthereumPrimitives

/// Contract addresses per chain: the built-in ones come from ``KnownChain`` (docs/protocol.md §1.7–1.8 and §3).
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

    /// Coinbase Commerce's operator, the signer of every real intent (§1.7): ``KnownChain/coinbaseOperator``.
    public static let coinbaseOperator = KnownChain.coinbaseOperator

    /// The three chains OpenRouter supported, from the chain table ``KnownChain``.
    public static let all: [Deployment] = KnownChain.all.map {
        Deployment(
            chainID: $0.chainID, transfers: $0.transfers, quoterV2: $0.quoterV2, wrappedNative: $0.wrappedNative,
            usdc: $0.usdc)
    }

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
