public import BundleFormat
public import EthereumPrimitives

/// The addresses a sandbox serves.
///
/// Chains 1, 137 and 8453 use ``Deployment/builtIn(for:)`` (protocol.md §1.8, §3), so the happy path runs with the
/// real chain ids and real addresses. Every other chain id gets the same deterministic addresses: the last 20
/// bytes of `keccak256("coldcredits.sandbox.<role>")` for the roles `transfers`, `quoterV2`, `wrappedNative`, `usdc`.
public enum SandboxAddresses {
    /// The deployment for `chainID`.
    public static func deployment(for chainID: ChainID) -> Deployment {
        if let builtIn = Deployment.builtIn(for: chainID) { return builtIn }
        return Deployment(chainID: chainID, transfers: derived("transfers"), quoterV2: derived("quoterV2"),
                          wrappedNative: derived("wrappedNative"), usdc: derived("usdc"))
    }

    /// The address for a role name: the last 20 bytes of `keccak256("coldcredits.sandbox.<role>")`.
    public static func derived(_ role: String) -> Address {
        Address(uncheckedBytes: Array(Keccak256.hash(Array("coldcredits.sandbox.\(role)".utf8)).bytes[12...]))
    }

    /// The merchant that intents pay: the recipient of real OpenRouter charges (protocol.md §1.3, sample A).
    public static let merchant = Address(uncheckedBytes: [
        0x5e, 0xa0, 0x54, 0xae, 0xea, 0x28, 0x5e, 0xbc, 0x3a, 0x92, 0xec, 0xb1, 0xf7, 0x22, 0xf4, 0x43, 0x04, 0xf7,
        0x25, 0x81,
    ])

    /// The block producer credited with priority fees.
    public static let coinbase = derived("coinbase")
}
