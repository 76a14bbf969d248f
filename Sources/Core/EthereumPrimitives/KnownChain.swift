/// The one table of chain facts: the three chains OpenRouter's crypto purchases supported.
///
/// Each entry holds the chain's names, native currency, built-in contract addresses (docs/protocol.md §1.7–1.8
/// and §3) and the built-in limits that depend on the chain. ``ChainID``, `Deployment`, the policy defaults, the
/// sandbox and the command-line options all read it.
public struct KnownChain: Sendable {
    /// The EIP-155 chain id.
    public let chainID: ChainID
    /// The common name shown to people (`Base`).
    public let name: String
    /// The lower-case names `--chain` accepts (`base`; `ethereum` and `mainnet`); the first is the documented one.
    public let optionNames: [String]
    /// The symbol of the native currency (`ETH`, `POL`).
    public let nativeSymbol: String
    /// Coinbase's Transfers contract that OpenRouter's charges name (§1.8).
    public let transfers: Address
    /// Uniswap v3 QuoterV2 (§3.1).
    public let quoterV2: Address
    /// Wrapped native currency: WETH or WPOL (§3.1).
    public let wrappedNative: Address
    /// Native USDC, 6 decimals (§3.2).
    public let usdc: Address
    /// The built-in floor price of the native coin in USDC units: far below market, so an honest swap never trips it.
    public let priceFloorUSDCUnits: UInt256
    /// The average block time in seconds, for fee headroom.
    public let secondsPerBlock: UInt64
    /// The smallest tip worth offering (Polygon nodes refuse tips below 25 gwei).
    public let minimumPriorityFee: Wei

    /// Coinbase Commerce's operator, the signer of every real intent (§1.7).
    public static let coinbaseOperator = Address(uncheckedHex: "0x8fccc78dae0a8f93b0fe6799de888d4c57e273db")

    /// The three chains, in the order `--chain` documents them.
    public static let all: [KnownChain] = [
        KnownChain(
            chainID: ChainID(8453), name: "Base", optionNames: ["base"], nativeSymbol: "ETH",
            transfers: Address(uncheckedHex: "0x03059433BCdB6144624cC2443159D9445C32b7a8"),
            quoterV2: Address(uncheckedHex: "0x3d4e44Eb1374240CE5F1B871ab261CD16335B76a"),
            wrappedNative: Address(uncheckedHex: "0x4200000000000000000000000000000000000006"),
            usdc: Address(uncheckedHex: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"),
            priceFloorUSDCUnits: UInt256(1_000_000_000), secondsPerBlock: 2, minimumPriorityFee: Wei(1_000_000)),
        KnownChain(
            chainID: ChainID(1), name: "Ethereum", optionNames: ["ethereum", "mainnet"], nativeSymbol: "ETH",
            transfers: Address(uncheckedHex: "0x1FA57f879417e029Ef57D7Ce915b0aA56A507C31"),
            quoterV2: Address(uncheckedHex: "0x61fFE014bA17989E743c5F6cB21bF9697530B21e"),
            wrappedNative: Address(uncheckedHex: "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"),
            usdc: Address(uncheckedHex: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"),
            priceFloorUSDCUnits: UInt256(1_000_000_000), secondsPerBlock: 12, minimumPriorityFee: Wei(100_000_000)),
        KnownChain(
            chainID: ChainID(137), name: "Polygon", optionNames: ["polygon"], nativeSymbol: "POL",
            transfers: Address(uncheckedHex: "0x288844216a63638381784E0C1081A3826fD5a2E4"),
            quoterV2: Address(uncheckedHex: "0x61fFE014bA17989E743c5F6cB21bF9697530B21e"),
            wrappedNative: Address(uncheckedHex: "0x0d500B1d8E8eF31E21C99d1Db9A6444d3ADf1270"),
            usdc: Address(uncheckedHex: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359"),
            priceFloorUSDCUnits: UInt256(100_000), secondsPerBlock: 2, minimumPriorityFee: Wei(30_000_000_000)),
    ]

    /// The entry for `chainID`, if it is one of the three.
    public static func entry(for chainID: ChainID) -> KnownChain? { all.first { $0.chainID == chainID } }

    /// The entry `--chain` names (`base`, `ethereum`, `mainnet`, `polygon`; case-insensitive).
    public static func entry(named name: String) -> KnownChain? {
        let lowered = name.lowercased()
        return all.first { $0.optionNames.contains(lowered) }
    }

    /// The documented option names, for messages: `"base, ethereum, polygon"`.
    public static var optionNameList: String { all.compactMap(\.optionNames.first).joined(separator: ", ") }

    /// The ids in increasing order, for help texts: `"1, 137 and 8453"`.
    public static var idList: String {
        let ids = all.map(\.chainID.value).sorted().map(String.init)
        return ids.dropLast().joined(separator: ", ") + " and " + (ids.last ?? "")
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
