import StrictJSON
public import Foundation
public import BundleFormat
public import EthereumPrimitives

/// The addresses a sandbox serves.
///
/// Chains 1, 137 and 8453 use ``Deployment/builtIn(for:)`` (docs/protocol.md §1.8, §3), so the happy path runs with the
/// real chain ids and real addresses. Every other chain id gets the same deterministic addresses: the last 20
/// bytes of `keccak256("coldcredits.sandbox.<role>")` for the roles `transfers`, `quoterV2`, `wrappedNative`, `usdc`.
public enum SandboxAddresses {
    /// The deployment for `chainID`.
    public static func deployment(for chainID: ChainID) -> Deployment {
        if let builtIn = Deployment.builtIn(for: chainID) { return builtIn }
        return Deployment(
            chainID: chainID, transfers: derived("transfers"), quoterV2: derived("quoterV2"),
            wrappedNative: derived("wrappedNative"), usdc: derived("usdc"))
    }

    /// The address for a role name: the last 20 bytes of `keccak256("coldcredits.sandbox.<role>")`.
    public static func derived(_ role: String) -> Address {
        Address(uncheckedBytes: Array(Keccak256.hash(Array("coldcredits.sandbox.\(role)".utf8)).bytes[12...]))
    }

    /// The merchant that intents pay: the recipient of real OpenRouter charges (docs/protocol.md §1.3, sample A).
    public static let merchant = Address(uncheckedBytes: [
        0x5e, 0xa0, 0x54, 0xae, 0xea, 0x28, 0x5e, 0xbc, 0x3a, 0x92, 0xec, 0xb1, 0xf7, 0x22, 0xf4, 0x43, 0x04, 0xf7,
        0x25, 0x81,
    ])

    /// The block producer credited with priority fees.
    public static let coinbase = derived("coinbase")
}

/// Writes a `coldcredits.policy` v1 document (schema `formats/policy/v1/schema.json`) that lets `sign` accept the
/// sandbox's intents on one chain: its Transfers contract, its operator, its USDC and its merchant; and checkout
/// payments in its USDC (`paymentTokens`), to any deposit address after the operator compares it.
///
/// Limits: $2,000 a purchase (the charge maximum), $10,000 a day, unattended signing only when asked, a 300-second
/// deadline margin, gas up to 1,000,000 at up to 1,000 gwei (100 gwei tip), so a network fee up to 1 native unit;
/// the value cap is twice the largest purchase at `price`, rounded up to whole native units; the price floor is
/// half of `price` (so the swap's slippage margin stays well inside the policy's 10 % value margin).
public enum SandboxPolicy {
    /// The policy document for `chainID`, with the value cap computed at `priceUSDCUnitsPerNative`.
    public static func json(
        chainID: ChainID, operator: Address,
        priceUSDCUnitsPerNative: UInt256 = UInt256(3000_000000), allowUnattended: Bool = false
    ) -> Data {
        let deployment = SandboxAddresses.deployment(for: chainID)
        let maxPurchaseUnits = UInt256(2000_000000)
        let price = priceUSDCUnitsPerNative.isZero ? UInt256(1) : priceUSDCUnitsPerNative
        let (whole, remainder) = (maxPurchaseUnits * 2).quotientAndRemainder(dividingBy: price)
        let maxValue = remainder.isZero ? whole : whole + 1
        let chain: JSONValue = [
            "chainId": JSONValue(chainID.value), "transfers": .string(deployment.transfers.checksummed),
            "operators": [.string(`operator`.checksummed)], "recipientCurrencies": [.string(deployment.usdc.checksummed)],
            "recipients": [.string(SandboxAddresses.merchant.checksummed)], "maxValue": .string(maxValue.decimalString),
            "maxGasLimit": 1_000_000, "maxFeePerGasGwei": "1000", "maxPriorityFeePerGasGwei": "100",
            "maxNetworkFee": "1",
            "nativePriceFloorUSD": .string(DecimalAmount.format(max(price / 2, UInt256(1)), decimals: 6)),
            "paymentTokens": [.string(deployment.usdc.checksummed)], "paymentRecipients": [],
        ]
        let policy: JSONValue = [
            "format": "coldcredits.policy", "version": 1, "maxPurchaseUSD": "2000", "maxDailyUSD": "10000",
            "deadlineMarginSeconds": 300, "allowUnattended": .bool(allowUnattended), "maxFeeLadderSteps": 5,
            "valueMarginPercent": 10, "unpinnedRecipients": "allow",
            "approvals": ["threshold": 0, "approvers": [], "requiredFor": "every-payment"], "chains": [chain],
        ]
        return policy.canonicalDocument
    }
}
