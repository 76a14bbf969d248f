import ArgumentParser
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import Foundation
import Sandbox

/// `sandbox serve`: serves the API and the node on 127.0.0.1 until SIGINT or SIGTERM.
///
/// When ready it prints one JSON line on stdout (and writes it to `--ready-file`); progress and warnings go to
/// stderr. On a signal it stops serving and mining, saves `--state`, and exits 0.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the credits API and the JSON-RPC node on 127.0.0.1 until SIGINT/SIGTERM.")

    @Option(name: .customLong("chain-id"), help: "Chain id (1, 137, 8453 use the built-in addresses).")
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
    @Option(name: .customLong("api-key"), help: "Bearer key for charges (repeatable; default sandbox-key).")
    var apiKeys: [String] = []
    @Option(name: .customLong("management-key"),
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
            if case .server = error { throw ExitCode(ExitStatus.unavailable.rawValue) }
            throw ExitCode(ExitStatus.dataError.rawValue)
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
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw .invalidOption(name: "file", value: path, reason: error.localizedDescription)
        }
    }
}
