import ArgumentParser
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import Dispatch
import Foundation
import Sandbox
import Synchronization

/// `sandbox serve`: serves the API and the node on 127.0.0.1 until SIGINT or SIGTERM.
///
/// When ready it prints one JSON line on stdout (and writes it to `--ready-file`); progress and warnings go to
/// stderr. On a signal it stops serving and mining, saves `--state`, and exits 0.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the credits API and the JSON-RPC node on 127.0.0.1 until SIGINT/SIGTERM.")

    @Option(name: .customLong("chain-id"), help: "Chain id (\(KnownChain.idList) use the built-in addresses).")
    var chainID: UInt64 = 31337
    @Option(help: "Port on 127.0.0.1; 0 picks a free one.")
    var port: UInt16 = 0
    @Option(name: .customLong("ready-file"), help: "Also write the ready JSON line to this file.")
    var readyFile: String?
    @Option(name: .customLong("network-file"), help: "Write a coldcredits.network file for the addresses here.")
    var networkFile: String?
    @Option(help: "JSON state file: loaded at start if present, saved after every block.")
    var state: String?
    @Option(help: "Set a balance at start, ADDRESS=ETHER (repeatable).")
    var fund: [String] = []
    @Option(
        name: .customLong("fund-usdc"),
        help: "Set a USDC balance of the sandbox token at start, ADDRESS=USDC, e.g. 0x9d8A…5A4F=250.5 (repeatable).")
    var fundUSDC: [String] = []
    @Option(name: .customLong("api-key"), help: "Bearer key for charges (repeatable; default sandbox-key).")
    var apiKeys: [String] = []
    @Option(
        name: .customLong("management-key"),
        help: "Bearer key that may also read credits (repeatable; default sandbox-management-key).")
    var managementKeys: [String] = []
    @Option(help: "USD per native unit, the swap price.")
    var price: String = "3000"
    @Option(name: .customLong("fee-tiers"), help: "Uniswap fee tiers with a pool, comma-separated.")
    var feeTiers: String = "500,3000,10000"
    @Option(name: .customLong("block-time"), help: "Seconds between blocks (decimal); 0 mines only on demand.")
    var blockTime: String = "1"
    @Flag(help: "Mine each accepted transaction at once.")
    var automine = false
    @Option(name: .customLong("base-fee-gwei"), help: "Base fee (fixed, or the floor with --dynamic-base-fee).")
    var baseFeeGwei: String = "1"
    @Flag(name: .customLong("dynamic-base-fee"), help: "Apply the EIP-1559 base fee update rule.")
    var dynamicBaseFee = false
    @Option(name: .customLong("tip-gwei"), help: "What eth_maxPriorityFeePerGas suggests.")
    var tipGwei: String = "1"
    @Option(name: .customLong("credit-delay"), help: "Seconds before purchases of $500 or more are credited.")
    var creditDelay: UInt64 = 2
    @Option(
        name: .customLong("credit-fee-percent"),
        help: "Percent of each purchase the API keeps: credits rise by less than the USDC paid (e.g. 5).")
    var creditFeePercent: String = "0"
    @Option(
        name: .customLong("checkout-fee-percent"),
        help: "Percent of each paid checkout the API keeps: credits rise by the amount less this (e.g. 5).")
    var checkoutFeePercent: String = "0"
    @Option(
        name: .customLong("checkout-lifetime"),
        help: "Seconds from checkout creation to its expiresAt when the request names none.")
    var checkoutLifetime: UInt64 = 3600
    @Option(name: .customLong("credits-cache"), help: "Seconds GET /credits may be stale.")
    var creditsCache: UInt64 = 1
    @Option(name: .customLong("intent-lifetime"), help: "Seconds from charge creation to its deadline.")
    var intentLifetime: UInt64 = 3600
    @Option(name: .customLong("initial-credits"), help: "USD credited at start (fresh state only).")
    var initialCredits: String = "0"
    @Option(name: .customLong("initial-usage"), help: "USD used at start (fresh state only).")
    var initialUsage: String = "0"
    @Option(help: "Arm a fault, e.g. target=charge,status=410,count=1000 (repeatable).")
    var fault: [String] = []

    /// Refuses a chain id, delay, cache age, intent or checkout lifetime outside its range.
    func validate() throws {
        try OptionRange.check(chainID, 1...OptionRange.maxChainID, option: "--chain-id")
        try OptionRange.check(creditDelay, 0...86_400, option: "--credit-delay", unit: "seconds")
        try OptionRange.check(creditsCache, 0...3_600, option: "--credits-cache", unit: "seconds")
        try OptionRange.check(intentLifetime, 1...604_800, option: "--intent-lifetime", unit: "seconds")
        try OptionRange.check(checkoutLifetime, 1...2_592_000, option: "--checkout-lifetime", unit: "seconds")
    }

    func run() async throws {
        let configuration = try makeConfiguration()
        let sandbox: Sandbox
        let endpoints: SandboxEndpoints
        do {
            sandbox = try Sandbox(configuration: configuration)
            if let networkFile {
                try writeFile(configuration.deployment.networkFileJSON(), to: networkFile)
            }
            endpoints = try sandbox.start(port: port, networkFile: networkFile)
        } catch {
            Console.warning("\(error)")
            switch error {
            case .server: throw ExitCode(ExitStatus.unavailable.rawValue)
            case .invalidOption(name: "file", _, _): throw ExitCode(ExitStatus.cannotCreate.rawValue)
            default: throw ExitCode(ExitStatus.dataError.rawValue)
            }
        }
        Console.writeArtifactLine(endpoints.jsonLine)
        if let readyFile {
            do { try writeFile(Data((endpoints.jsonLine + "\n").utf8), to: readyFile) } catch {
                Console.warning("\(error)")
                await sandbox.stop()
                throw ExitCode(ExitStatus.cannotCreate.rawValue)
            }
        }
        let signal = await Termination.wait()
        Console.info("sandbox: signal \(signal), stopping")
        await sandbox.stop()
    }

    private func writeFile(_ data: Data, to path: String) throws(SandboxError) {
        do { try DurableFile.write(data, to: path, what: "ready file", overwrite: true) } catch {
            throw .invalidOption(name: "file", value: path, reason: error.localizedDescription)
        }
    }
}

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
        c.creditFeeBasisPoints = try Self.basisPoints(creditFeePercent, option: "--credit-fee-percent")
        c.checkoutFeeBasisPoints = try Self.basisPoints(checkoutFeePercent, option: "--checkout-fee-percent")
        c.checkoutLifetimeSeconds = checkoutLifetime
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
        c.usdcFunding = try fundUSDC.map(Self.usdcFunding)
        c.faults = try fault.map { spec in
            do { return try FaultSpec(flag: spec) } catch { throw ValidationError("--fault: \(error)") }
        }
        return c
    }

    /// The largest `--fund-usdc` amount: a thousand billion USDC, beyond any real supply.
    static let maximumUSDCFunding = UInt256.powerOfTen(18)

    /// Reads one `--fund-usdc ADDRESS=USDC` (a decimal with at most 6 places, at most 10^12 USDC).
    static func usdcFunding(_ entry: String) throws -> (address: Address, units: UInt256) {
        let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw ValidationError("--fund-usdc: expected ADDRESS=USDC, found '\(entry)'") }
        let address: Address
        let units: UInt256
        do {
            address = try Address(hex: parts[0], field: "ADDRESS")
            units = try DecimalAmount.parse(parts[1], decimals: 6, field: "USDC")
        } catch {
            throw ValidationError("--fund-usdc: \(error)")
        }
        guard units <= maximumUSDCFunding else {
            throw ValidationError("--fund-usdc: '\(parts[1])' is above the maximum of 1000000000000 USDC")
        }
        return (address, units)
    }

    /// Reads a percent option (at most 2 places) as basis points below 10,000.
    static func basisPoints(_ text: String, option: String) throws -> UInt64 {
        let points = try parseDecimal(text, decimals: 2, option: option)
        guard let value = points.uint64, value < 10_000 else {
            throw ValidationError("\(option): expected a percent from 0 to below 100")
        }
        return value
    }
}

/// Waits for SIGINT or SIGTERM (ignoring their default action, which would kill the process at once).
enum Termination {
    /// Returns the signal that arrived.
    static func wait() async -> Int32 {
        let signals: [Int32] = [SIGINT, SIGTERM]
        for number in signals { signal(number, SIG_IGN) }
        let fired = Mutex(false)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let sources = signals.map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
            for (source, number) in zip(sources, signals) {
                source.setEventHandler {
                    let first = fired.withLock { alreadyFired in
                        defer { alreadyFired = true }
                        return !alreadyFired
                    }
                    guard first else { return }
                    for other in sources { other.cancel() }  // the sources stay alive until here
                    continuation.resume(returning: number)
                }
                source.resume()
            }
        }
    }
}
