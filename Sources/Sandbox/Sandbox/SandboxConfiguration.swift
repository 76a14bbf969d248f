public import SigningKeys
public import BundleFormat
public import EthereumPrimitives
import Secp256k1

/// Everything a sandbox is started with.
///
/// The defaults suit tests: short delays, a fixed base fee, one block a second.
///
/// Units: prices are USDC units (6 decimals) per whole native unit (10^18 wei); USD amounts are USDC units, so
/// `$500` is `500_000_000`; times are seconds unless the name says otherwise.
public struct SandboxConfiguration: Sendable {
    /// The chain served.
    ///
    /// 1, 137 and 8453 use the built-in ``Deployment``; others get ``SandboxAddresses``.
    public var chainID: ChainID
    /// The key that signs every intent; default 32 × `0x11` (address `0x19E7…Ff2A`, as in `formats/` examples).
    public var operatorKey: PrivateKey
    /// Bearer keys accepted by `POST /credits/coinbase`.
    public var apiKeys: [String]
    /// Bearer keys that may also read `GET /credits` (management keys).
    public var managementKeys: [String]
    /// The swap price: USDC units bought by one whole native unit (`3000_000000` for $3,000).
    public var priceUSDCUnitsPerNative: UInt256
    /// Uniswap fee tiers with a pool; others make the quoter and the swap revert.
    public var feeTiers: [UInt32]
    /// Seconds between mined blocks; 0 mines only on demand (automine or `sandbox_mine`).
    public var blockTimeMilliseconds: UInt64
    /// Mine a block as soon as a transaction is accepted.
    public var automine: Bool
    /// The base fee of the genesis block, and the floor when ``dynamicBaseFee`` is on.
    public var baseFee: Wei
    /// Apply the EIP-1559 update rule (target half the gas limit, ±12.5%) instead of keeping ``baseFee`` fixed.
    public var dynamicBaseFee: Bool
    /// What `eth_maxPriorityFeePerGas` suggests.
    public var suggestedTip: Wei
    /// Gas limit of every block.
    public var blockGasLimit: UInt64
    /// Purchases at or above ``creditDelayThreshold`` are credited this many seconds after mining.
    public var creditDelaySeconds: UInt64
    /// The purchase size (USDC units) from which crediting is delayed; OpenRouter documents $500.
    public var creditDelayThreshold: UInt256
    /// The share of each purchase the API keeps, in basis points (500 = 5 %).
    ///
    /// Credits rise by less than the USDC paid, as OpenRouter's undocumented crypto fee does; 0 credits it all.
    public var creditFeeBasisPoints: UInt64
    /// The share of each paid checkout the API keeps, in basis points (500 = 5 %): credits rise by the checkout's
    /// amount less this, as OpenRouter's crypto fee would take; 0 (the default) credits it all.
    public var checkoutFeeBasisPoints: UInt64
    /// Seconds from checkout creation to its `expiresAt` when the request names none.
    public var checkoutLifetimeSeconds: UInt64
    /// How stale `GET /credits` may be: its snapshot is refreshed once older than this.
    public var creditsCacheSeconds: UInt64
    /// Seconds from charge creation to its deadline (and `expires_at`).
    public var intentLifetimeSeconds: UInt64
    /// The operator's fee in basis points of the charge (100 = 1%).
    public var feeBasisPoints: UInt64
    /// Smallest and largest charge accepted, in cents.
    public var chargeLimitsCents: ClosedRange<UInt64>
    /// Credits and usage at start, in USDC units (micro-USD).
    public var initialCredits: UInt256
    /// Usage at start, in USDC units.
    public var initialUsage: UInt256
    /// Balances set at start (they override a loaded state).
    public var funding: [(address: Address, amount: Wei)]
    /// USDC balances set at start, in units of 10^-6 USDC (they override a loaded state).
    public var usdcFunding: [(address: Address, units: UInt256)]
    /// The JSON state file: loaded at start when it exists, written after every block.
    public var statePath: String?
    /// Faults armed at start.
    public var faults: [FaultSpec]
    /// The merchant address intents pay (sample A's recipient).
    public var recipient: Address

    /// The sandbox operator key (32 × 0x11).
    public static let defaultOperatorKey: PrivateKey = {
        do { return try PrivateKey(SecretBytes([UInt8](repeating: 0x11, count: 32))) } catch {
            fatalError("constant operator key is invalid: \(error)")
        }
    }()

    /// A configuration with the defaults for `chainID`.
    public init(chainID: ChainID = ChainID(31337)) {
        self.chainID = chainID
        operatorKey = Self.defaultOperatorKey
        apiKeys = ["sandbox-key"]
        managementKeys = ["sandbox-management-key"]
        priceUSDCUnitsPerNative = UInt256(3000_000000)
        feeTiers = [500, 3000, 10000]
        blockTimeMilliseconds = 1000
        automine = false
        baseFee = Wei(UInt256(1_000_000_000))
        dynamicBaseFee = false
        suggestedTip = Wei(UInt256(1_000_000_000))
        blockGasLimit = 30_000_000
        creditDelaySeconds = 2
        creditDelayThreshold = UInt256(500_000_000)
        creditFeeBasisPoints = 0
        checkoutFeeBasisPoints = 0
        checkoutLifetimeSeconds = 3600
        creditsCacheSeconds = 1
        intentLifetimeSeconds = 3600
        feeBasisPoints = 100
        chargeLimitsCents = 100...200_000
        initialCredits = .zero
        initialUsage = .zero
        funding = []
        usdcFunding = []
        statePath = nil
        faults = []
        recipient = SandboxAddresses.merchant
    }

    /// The contract addresses served: built in for 1, 137 and 8453, deterministic otherwise.
    public var deployment: Deployment { SandboxAddresses.deployment(for: chainID) }

    /// The operator's address.
    public var operatorAddress: Address { operatorKey.address }
}

/// Why the sandbox could not be configured, started, or could not read or write its state file.
///
/// Request-level failures are not errors of this type: they become HTTP or JSON-RPC error answers.
public enum SandboxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A configuration value is out of range or malformed (a flag, a fault specification).
    case invalidOption(name: String, value: String, reason: String)
    /// The state file exists but cannot be read or parsed, or cannot be written.
    case stateFile(path: String, reason: String)
    /// The state file belongs to another chain.
    case chainIDMismatch(stateFile: UInt64, configured: UInt64)
    /// The HTTP server could not start.
    case server(reason: String)

    /// A one-line explanation naming the option, file or cause.
    public var description: String {
        switch self {
        case .invalidOption(let name, let value, let reason):
            return "\(name): '\(value)' is not valid: \(reason)"
        case .stateFile(let path, let reason):
            return "state file \(path): \(reason)"
        case .chainIDMismatch(let stateFile, let configured):
            return "state file is for chain \(stateFile), but the sandbox was started for chain \(configured)"
        case .server(let reason):
            return "cannot start the sandbox server: \(reason)"
        }
    }
}
