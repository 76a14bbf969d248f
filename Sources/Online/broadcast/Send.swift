import ArgumentParser
import AuditCommands
import AuditLog
import Broadcasting
import BundleFormat
import CommandLineSupport
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OnlineSupport

/// `broadcast SIGNED …`.
struct Send: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send a signed payment and follow it (the default: `broadcast SIGNED …`).")

    @Argument(
        help: "The signed-transaction file from `sign --out`, or a file holding a raw 0x02… transaction; or use --qr-image.")
    var signed: String?
    @Option(name: .long, help: "The unsigned bundle it was signed from: refuse unless the signing hashes match.") var bundle:
        String?
    @Option(name: .long, parsing: .singleValue, help: "A JSON-RPC URL; repeat to send to several nodes.") var rpcURL: [String]
    @Option(name: .long, help: "OpenRouter API base URL (for --wait-credits).") var apiURL: String =
        "https://openrouter.ai/api/v1"
    @Option(name: .long, help: "File holding the API key; default: $OPENROUTER_API_KEY.") var apiKeyFile: String?
    @Option(name: .long, help: "Confirmations to wait for.") var confirmations: UInt64 = 1
    @Flag(name: .long, help: "Poll GET /credits until the purchase is credited (needs a management key).") var waitCredits = false
    @Option(
        name: .long,
        help:
            "Give up after this long (e.g. 600, 10m, 1h); re-running resumes. Default: 10m, or 20m with --wait-credits for $500 and more."
    ) var timeout: String?
    @Option(name: .long, help: "Send the next fee-ladder rung when not mined after this long (e.g. 90s).") var replaceAfter:
        String?
    @Option(name: .long, help: "Seconds between receipt polls.") var pollInterval: Double = 2
    @Option(
        name: .long,
        help: ArgumentHelp(
            "With --wait-credits: the share of the USDC paid by which total credits must rise to count as credited.",
            discussion: "OpenRouter keeps an undocumented crypto fee, so the exact amount is never expected."))
    var minCreditRatio: String = "0.9"
    @Option(name: .long, help: "State file; default: SIGNED.state.json (locked by one run at a time).") var state: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Audit trail") var audit: AuditOptions
    @OptionGroup(title: "QR codes") var qr: BroadcastQROptions

    func validate() throws {
        try qr.validateSource(signed: signed, bundle: bundle)
        guard !rpcURL.isEmpty else { throw ValidationError("give at least one --rpc-url") }
        try OptionRange.check(confirmations, 1...1_000, option: "--confirmations")
        try OptionRange.check(pollInterval, 0.1...3_600, option: "--poll-interval", unit: "seconds")
        if let timeout { _ = try Duration.seconds(parsing: timeout, option: "--timeout") }
        if let replaceAfter { _ = try Duration.seconds(parsing: replaceAfter, option: "--replace-after") }
        _ = try Self.ratioBasisPoints(minCreditRatio)
        guard pollInterval > 0, pollInterval <= 3600 else {
            throw ValidationError("--poll-interval: expected 0 < seconds ≤ 3600")
        }
    }

    /// `0.9` → 9000; a share in (0, 1] with at most four decimals.
    static func ratioBasisPoints(_ text: String) throws -> UInt64 {
        guard let value = try? DecimalAmount.parse(text, decimals: 4, field: "--min-credit-ratio"), let points = value.uint64,
            points > 0, points <= 10_000
        else { throw ValidationError("--min-credit-ratio: expected a share above 0 and at most 1, like 0.9") }
        return points
    }

    func run() async throws {
        try await CommandRunner.run(json: output.json) {
            let trail = audit.trail(tool: .broadcast)
            var subject = AuditSubject.unknown
            do {
                let file = try qr.readSigned(path: signed, bundle: bundle)
                subject = Self.auditSubject(file)
                let chain = String(file.transaction.transaction.chainID.value)
                let context = try OnlineContext(
                    chain: chain, rpcURL: rpcURL[0], apiURL: apiURL, apiKeyFile: apiKeyFile,
                    networkFile: nil, needsAPI: waitCredits, extraRPCURLs: Array(rpcURL.dropFirst()),
                    requireDeployment: false)
                var settings = Broadcaster.Settings()
                settings.confirmations = confirmations
                settings.timeoutSeconds =
                    try timeout.map { try Duration.seconds(parsing: $0, option: "--timeout") }
                    ?? Broadcaster.defaultTimeoutSeconds(for: file, waitCredits: waitCredits)
                settings.replaceAfterSeconds = try replaceAfter.map {
                    try Duration.seconds(parsing: $0, option: "--replace-after")
                }
                settings.pollSeconds = pollInterval
                settings.waitCredits = waitCredits
                settings.minCreditRatioBasisPoints = try Self.ratioBasisPoints(minCreditRatio)
                let statePath = state ?? BroadcastInput.defaultStatePath(signed: signed, file: file)
                Console.info(
                    "Broadcasting \(file.transaction.transactionHash) (fingerprint \(file.fingerprint)) from \(file.from)"
                        + (file.feeLadder.isEmpty ? "" : " with \(file.feeLadder.count) fee-ladder rung(s)"))
                let display = ProgressLine()
                var broadcaster = Broadcaster(
                    file: file, rpcs: context.rpcs, api: context.api, statePath: statePath,
                    settings: settings, log: { display.log($0) })
                broadcaster.onWaiting = { display.show($0) }
                let sentSubject = subject
                broadcaster.onSent = { notice in Self.noteSent(notice, trail: trail, subject: sentSubject) }
                broadcaster.onConfirmed = { receipt in Self.noteMined(receipt, trail: trail, subject: sentSubject) }
                let outcome = try await broadcaster.run()
                Self.noteOutcome(outcome, trail: trail, subject: subject)
                Report.render(outcome, file: file, json: output.json)
            } catch {
                throw Self.report(error, json: output.json, trail: trail, subject: subject)
            }
        }
    }
}

extension Duration {
    /// The longest `--timeout` or `--replace-after`: one week.
    static let maxDurationSeconds: UInt64 = 7 * 24 * 3600

    /// Seconds from `600`, `90s`, `10m` or `1h`, at most ``maxDurationSeconds``.
    static func seconds(parsing text: String, option: String) throws -> UInt64 {
        let units: [Character: UInt64] = ["s": 1, "m": 60, "h": 3600]
        var digits = text
        var multiplier: UInt64 = 1
        if let last = text.last, let unit = units[last] { digits.removeLast(); multiplier = unit }
        guard let value = UInt64(digits), value > 0 else {
            throw ValidationError("\(option): expected a duration like 90s, 10m or 1h")
        }
        // At most a week: a longer wait is a typo, and the product must not overflow.
        guard value <= maxDurationSeconds / multiplier else {
            throw ValidationError("\(option): expected 1 to \(maxDurationSeconds) seconds (a week), found \(text)")
        }
        return value * multiplier
    }
}
