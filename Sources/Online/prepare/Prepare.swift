import StrictJSON
import ArgumentParser
import AuditCommands
import AuditLog
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import EthereumRPC
import Foundation
import HTTPTransport
import OnlineSupport
import PaymentAPI
import Preparation

/// `prepare …`: the online half that turns an OpenRouter charge into an unsigned bundle for the cold machine
/// (the default subcommand of ``PrepareTool``).
struct Prepare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Create an OpenRouter crypto charge and write an unsigned transaction bundle for `sign`.",
        discussion: """
            Runs on the online machine and holds no key. OpenRouter reports POST /api/v1/credits/coinbase as \
            removed (HTTP 410 Gone): pass --charge-file with a saved charge, or point --api-url at the sandbox.
            The API key comes from OPENROUTER_API_KEY or --api-key-file.
            Examples:
              prepare --amount 25 --sender-qr pairing.png --chain base --rpc-url https://mainnet.base.org --out b.json
              prepare --amount 25 --sender 0xPAYER --chain base --rpc-url https://mainnet.base.org --qr-png frames/
            """,
        version: CommandRunner.version
    )

    @Option(name: .long, help: "Credits to buy, in USD (e.g. 25 or 12.50).") var amount: String?
    @Option(name: .long, help: "The paying address (the cold key's address); or pair with --sender-qr or --camera.")
    var sender: String?
    @Option(name: .customLong("sender-qr"), help: "Read the paying address from the PNG `sign keys address --qr-png` wrote.")
    var senderQR: String?
    @Option(name: .long, help: "Read the paying address's pairing QR code from this camera (e.g. /dev/video0).")
    var camera: String?
    @Option(name: .long, help: "\(KnownChain.optionNameList), or a chain id.") var chain: String
    @Option(name: .long, help: "The node's JSON-RPC URL.") var rpcURL: String
    @Option(name: .long, help: "OpenRouter API base URL.") var apiURL: String = "https://openrouter.ai/api/v1"
    @Option(name: .long, help: "File holding the API key (first line); default: $OPENROUTER_API_KEY.") var apiKeyFile: String?
    @Option(name: .long, help: "Use this saved charge (API response JSON) instead of calling the API.") var chargeFile: String?
    @Option(name: .long, help: "Contract addresses for a chain that is not built in (coldcredits.network v1).") var networkFile:
        String?
    @Option(name: .long, help: "Buffer on top of the Uniswap quote, in basis points.") var slippageBps: UInt32 = 100
    @Option(name: .long, help: "Only prepare when the remaining credit balance is below this many USD.") var ifBelow: String?
    @Option(name: .long, help: "Seconds to wait for each API answer.") var apiTimeout: Int = 30
    @Option(name: .long, help: "Write the bundle here (atomically) instead of stdout.") var out: String?
    @Flag(name: .long, help: "Replace an existing --out file.") var force = false
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Audit trail") var audit: AuditOptions
    @OptionGroup(title: "QR codes") var qr: PrepareQROptions

    func validate() throws {
        guard let chainID = ChainID(name: chain) else {
            throw ValidationError("--chain: expected \(KnownChain.optionNameList) or a chain id")
        }
        try OptionRange.check(chainID.value, 1...OptionRange.maxChainID, option: "--chain")
        guard [sender, senderQR, camera].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --sender, --sender-qr, --camera")
        }
        guard chargeFile != nil || amount != nil else { throw ValidationError("give --amount (or --charge-file)") }
        if chargeFile != nil, amount != nil {
            throw ValidationError("give --amount or --charge-file, not both: a saved charge fixes its own amount")
        }
        if let amount { try Self.checkAmountSyntax(amount) }
        try OptionRange.check(slippageBps, 0...5_000, option: "--slippage-bps", unit: "basis points")
        try OptionRange.check(apiTimeout, 1...600, option: "--api-timeout", unit: "seconds")
    }

    func run() async throws {
        try await CommandRunner.run(json: output.json) {
            let trail = audit.trail(tool: .prepare)
            do { try await prepare(trail: trail) } catch {
                throw trail.report(error, .unknown, json: output.json)
            }
        }
    }

    /// `--amount`: US dollars as digits with an optional point and at most two decimals (the API's own rule).
    static func checkAmountSyntax(_ text: String) throws {
        // At most 12 written digits before the point; the value itself is read by the one exact-decimal reader.
        let wholeDigits = text.utf8.prefix(while: { $0 != UInt8(ascii: ".") }).count
        guard let value = try? ExactDecimal(decimal: text, scale: 2, field: "--amount"), wholeDigits <= 12,
            !value.units.isZero
        else {
            throw ValidationError(
                "--amount: expected US dollars above zero as digits with an optional point and at most two decimals, "
                    + "like 25 or 12.50 (no comma, exponent or sign); found \(text)")
        }
    }

    /// Reads the charge and the chain, builds the bundle, records `prepared`, writes.
    func prepare(trail: AuditTrail) async throws {
        // Every output first: a run that cannot write its bundle must fail before it creates a charge.
        if let out { try OutputCheck.writable(out, overwrite: force) }
        try qr.checkOutput(overwrite: force)
        let context = try OnlineContext(
            chain: chain, rpcURL: rpcURL, apiURL: apiURL, apiKeyFile: apiKeyFile,
            networkFile: networkFile, needsAPI: chargeFile == nil || ifBelow != nil,
            apiTimeoutSeconds: apiTimeout)
        let sender = try payer()
        if let ifBelow, let api = context.api {
            let credits = try await context.credits(api)
            if try !Topping.needed(remaining: credits.remaining, threshold: ifBelow) {
                Console.info("Nothing to do: \(credits.remaining ?? "?") USD of credits remain (threshold \(ifBelow)).")
                if output.json {
                    Console.writeArtifact(CanonicalResult.encode(["action": "none", "remaining": JSONValue(credits.remaining)]))
                }
                return
            }
        }
        let source: Preparer.ChargeSource
        if let chargeFile {
            source = .file(try InputFile.read(chargeFile, what: .charge))
        } else if let api = context.api, let amount {
            source = .api(api, amountUSD: amount)
        } else {
            throw ValidationError("an API key is needed to create a charge")
        }
        var preparer = Preparer(
            rpc: context.rpc, deployment: try context.requiredDeployment(), sender: sender,
            minimumPriorityFee: context.minimumPriorityFee, secondsPerBlock: context.secondsPerBlock,
            now: UInt64(Date().timeIntervalSince1970))
        preparer.slippageBPS = slippageBps
        let created = CreatedCharge()
        preparer.onChargeCreated = { created.body = $0 }
        do {
            let outcome = try await preparer.prepare(source)
            try recordPrepared(outcome.bundle, trail: trail)
            try emit(outcome, context: context)
        } catch {
            if let body = created.body { created.keep(body, beside: out) }
            throw error
        }
    }

    func emit(_ outcome: Preparer.Outcome, context: OnlineContext) throws {
        let bundle = outcome.bundle
        try qr.checkOutput(overwrite: force)
        let data = bundle.canonicalJSON()
        if let out {
            try AtomicFileWriter.write(data, to: out, overwrite: force) { written in _ = try IntentBundle(jsonData: written) }
        } else if !output.json {
            Console.writeArtifact(data)
        }
        Console.info(Summary.text(outcome, nodeRequests: context.rpc.roundTrips, apiRequests: context.api?.requestCount ?? 0))
        try qr.emit(.intent(bundle), overwrite: force)
        if output.json {
            Console.writeArtifact(
                CanonicalResult.encode(
                    Summary.fields(
                        outcome, out: out, bundle: out == nil ? data : nil,
                        nodeRequests: context.rpc.roundTrips,
                        apiRequests: context.api?.requestCount ?? 0)))
        }
    }
}
