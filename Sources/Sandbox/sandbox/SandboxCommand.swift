import ArgumentParser
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import Foundation
import Sandbox

/// `sandbox`: a local OpenRouter credits API and Ethereum node for running prepare → sign → broadcast without
/// real money.
@main
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "A local stand-in for OpenRouter's credits API and an Ethereum node with the Transfers contract.",
        discussion: """
            For trying prepare → sign → broadcast without real money: it serves both APIs on 127.0.0.1 and prints \
            one ready line of JSON with their URLs.
            Examples:
              sandbox --port 8545 --network-file sandbox.network
              sandbox --chain-id 8453 --fund-usdc ADDRESS=100 --checkout-fee-percent 5
              sandbox policy --chain-id 31337 > sandbox.policy

            """ + DefaultCommandHelp.options(of: Serve.self, tool: "sandbox"),
        version: CommandRunner.version,
        subcommands: [Serve.self, NetworkFileCommand.self, PolicyCommand.self],
        defaultSubcommand: Serve.self)
}

/// `sandbox network-file`: the coldcredits.network file of the sandbox's addresses.
struct NetworkFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network-file",
        abstract: "Print a coldcredits.network file for the sandbox's addresses on a chain.")

    @Option(name: .customLong("chain-id"), help: "The chain id (\(KnownChain.idList) use the built-in addresses).")
    var chainID: UInt64 = 31337

    /// Refuses a chain id outside 1 to EIP-2294's bound.
    func validate() throws {
        try OptionRange.check(chainID, 1...OptionRange.maxChainID, option: "--chain-id")
    }

    func run() {
        Console.writeArtifact(SandboxAddresses.deployment(for: ChainID(chainID)).networkFileJSON())
    }
}

/// `sandbox policy`: a coldcredits.policy v1 permitting the sandbox's chain, contract, operator and USDC.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Print a coldcredits.policy file that lets sign accept the sandbox's intents on a chain.")

    @Option(name: .customLong("chain-id"), help: "The chain id.")
    var chainID: UInt64 = 31337

    @Option(help: "The sandbox price in USD per native unit (sets the policy's value cap and price floor).")
    var price: String = "3000"

    @Flag(help: "Let `sign --yes` sign without the typed confirmation (for scripted tests; off by default).")
    var allowUnattended = false

    /// Refuses a chain id outside 1 to EIP-2294's bound.
    func validate() throws {
        try OptionRange.check(chainID, 1...OptionRange.maxChainID, option: "--chain-id")
    }

    func run() throws {
        let units = try parseDecimal(price, decimals: 6, option: "--price")
        Console.writeArtifact(
            SandboxPolicy.json(
                chainID: ChainID(chainID),
                operator: SandboxConfiguration().operatorAddress,
                priceUSDCUnitsPerNative: units, allowUnattended: allowUnattended))
    }
}

/// Parses an exact decimal option (`"3000"`, `"0.5"`) into units with `decimals` fractional digits.
func parseDecimal(_ text: String, decimals: Int, option: String) throws -> UInt256 {
    do { return try DecimalAmount.parse(text, decimals: decimals, field: option) } catch {
        throw ValidationError("\(option): \(error)")
    }
}
