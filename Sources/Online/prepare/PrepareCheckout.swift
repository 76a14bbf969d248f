import ArgumentParser
import AuditCommands
import AuditLog
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import HTTPTransport
import OnlineSupport
import Preparation
import TerminalText

/// `prepare checkout …`: the online half of paying a crypto checkout (an EIP-681 payment request or a Checkouts API
/// document) from the cold key: one JSON-RPC batch, early refusals, and an unsigned checkout bundle for `sign`.
struct PrepareCheckout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Write an unsigned bundle that pays a crypto checkout (EIP-681 URI or checkout document) for `sign`.",
        discussion: """
            Runs on the online machine and holds no key. The request names its chain, token, recipient and amount; \
            the node is asked once (one JSON-RPC batch: nonce, fees, balances, simulation and gas estimate).
            Examples:
              prepare checkout --uri 'ethereum:0xTOKEN@8453/transfer?address=0xTO&uint256=10500000' \\
                --sender 0xPAYER --rpc-url https://mainnet.base.org --out checkout.json
              prepare checkout --checkout-file checkout-response.json --sender-qr pairing.png --rpc-url URL
            """,
        version: CommandRunner.version
    )

    @OptionGroup(title: "Payment request (exactly one)") var request: CheckoutRequestOptions
    @Option(name: .long, help: "The paying address (the cold key's address); or pair with --sender-qr or --camera-sender.")
    var sender: String?
    @Option(name: .customLong("sender-qr"), help: "Read the paying address from the PNG `sign keys address --qr-png` wrote.")
    var senderQR: String?
    @Option(name: .customLong("camera-sender"), help: "Read the paying address's pairing QR code from this camera.")
    var cameraSender: String?
    @Option(name: .long, help: "The node's JSON-RPC URL (for the request's chain).") var rpcURL: String
    @Option(name: .long, help: "Optional: \(KnownChain.optionNameList) or a chain id; must be the request's chain.")
    var chain: String?
    @Option(name: .long, help: "Write the bundle here (atomically) instead of stdout.") var out: String?
    @Flag(name: .long, help: "Replace an existing --out file.") var force = false
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Audit trail") var audit: AuditOptions
    @OptionGroup(title: "QR codes (the bundle, for the air gap)") var qr: PrepareQROptions

    func validate() throws {
        guard [sender, senderQR, cameraSender].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --sender, --sender-qr, --camera-sender")
        }
        if let chain {
            guard let chainID = ChainID(name: chain) else {
                throw ValidationError("--chain: expected \(KnownChain.optionNameList) or a chain id, found \(chain)")
            }
            try OptionRange.check(chainID.value, 1...OptionRange.maxChainID, option: "--chain")
        }
        _ = try Self.endpoint(rpcURL)
    }

    func run() async throws {
        try await CommandRunner.run(json: output.json) {
            let trail = audit.trail(tool: .prepare)
            do { try await prepare(trail: trail) } catch {
                throw trail.report(error, .unknown, json: output.json)
            }
        }
    }

    /// `--rpc-url`: an http(s) URL with a host.
    static func endpoint(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--rpc-url: expected an http(s) URL, found \(text)")
        }
        return url
    }

    /// Reads the request and the payer, asks the node once, records `prepared`, writes the bundle.
    func prepare(trail: AuditTrail) async throws {
        // Outputs first: a run that cannot write its bundle fails before it asks the node anything.
        if let out { try OutputCheck.writable(out, overwrite: force) }
        try qr.checkOutput(overwrite: force)
        let text = try request.read()
        let (parsed, _) = try CheckoutPreparer.parse(text)
        if let chain, let chainID = ChainID(name: chain), chainID != parsed.chainID {
            throw CommandError(
                kind: "chargeMismatch",
                message:
                    "--chain \(chain.escapedForTerminal) is chain \(chainID), but the request is for chain \(parsed.chainID)",
                exitStatus: .dataError)
        }
        let payer = try SenderInput(sender: sender, senderQR: senderQR, camera: cameraSender, cameraOption: "--camera-sender")
            .address()
        let known = KnownChain.entry(for: parsed.chainID)
        let rpc = JSONRPCClient(endpoint: try Self.endpoint(rpcURL), transport: HTTP.systemTransport())
        let preparer = CheckoutPreparer(
            rpc: rpc, sender: payer, minimumPriorityFee: known?.minimumPriorityFee ?? Wei(UInt256(1_000_000_000)),
            secondsPerBlock: known?.secondsPerBlock ?? 2, now: UInt64(Date().timeIntervalSince1970))
        let outcome = try await preparer.prepare(text)
        let bundle = outcome.bundle
        try trail.record(
            .prepared, AuditSubject(fingerprint: bundle.fingerprint.description, chargeID: bundle.requestKey),
            details: [
                AuditDetail.signingHash: bundle.signingHash.hex, "chainId": String(bundle.transaction.chainID.value),
                "nonce": String(bundle.transaction.nonce), "from": bundle.from.checksummed,
            ])
        let data = bundle.canonicalJSON()
        if let out {
            try AtomicFileWriter.write(data, to: out, overwrite: force) { written in _ = try CheckoutBundle(jsonData: written) }
        } else if !output.json {
            Console.writeArtifact(data)
        }
        Console.info(CheckoutSummary.text(outcome, now: preparer.now, nodeRequests: rpc.roundTrips))
        try qr.emit(.checkout(bundle), overwrite: force)
        if output.json {
            Console.writeArtifact(
                CanonicalResult.encode(
                    CheckoutSummary.fields(outcome, out: out, bundle: out == nil ? data : nil, nodeRequests: rpc.roundTrips)))
        }
    }
}
