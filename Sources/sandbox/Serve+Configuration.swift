import ArgumentParser
import EthereumPrimitives
import Sandbox

extension Serve {
    /// The library configuration the options describe; a malformed option is a `ValidationError` (exit 64).
    func makeConfiguration() throws -> SandboxConfiguration {
        var c = SandboxConfiguration(chainID: ChainID(chainID))
        if !apiKeys.isEmpty { c.apiKeys = apiKeys }
        if !managementKeys.isEmpty { c.managementKeys = managementKeys }
        c.priceUSDCUnitsPerNative = try parseDecimal(price, decimals: 6, option: "--price")
        guard !c.priceUSDCUnitsPerNative.isZero else { throw ValidationError("--price: must be above zero") }
        c.feeTiers = try feeTiers.split(separator: ",").map { text in
            guard let tier = UInt32(text), tier < 1_000_000 else {
                throw ValidationError("--fee-tiers: '\(text)' is not a fee tier (hundredths of a basis point)")
            }
            return tier
        }
        let milliseconds = try parseDecimal(blockTime, decimals: 3, option: "--block-time")
        guard let blockMilliseconds = milliseconds.uint64 else { throw ValidationError("--block-time: too large") }
        c.blockTimeMilliseconds = blockMilliseconds
        c.automine = automine
        c.baseFee = Wei(try parseDecimal(baseFeeGwei, decimals: 9, option: "--base-fee-gwei"))
        c.dynamicBaseFee = dynamicBaseFee
        c.suggestedTip = Wei(try parseDecimal(tipGwei, decimals: 9, option: "--tip-gwei"))
        c.creditDelaySeconds = creditDelay
        c.creditsCacheSeconds = creditsCache
        c.intentLifetimeSeconds = intentLifetime
        c.initialCredits = try parseDecimal(initialCredits, decimals: 6, option: "--initial-credits")
        c.initialUsage = try parseDecimal(initialUsage, decimals: 6, option: "--initial-usage")
        c.statePath = state
        c.funding = try fund.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--fund: expected ADDRESS=ETHER, found '\(entry)'") }
            do {
                return (try Address(hex: parts[0], field: "--fund"), try Wei(ether: parts[1], field: "--fund"))
            } catch {
                throw ValidationError("--fund: \(error)")
            }
        }
        c.faults = try fault.map { spec in
            do { return try FaultSpec(flag: spec) } catch { throw ValidationError("--fault: \(error)") }
        }
        return c
    }
}
