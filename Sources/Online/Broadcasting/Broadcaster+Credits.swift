import EthereumABI
public import BundleFormat
import EthereumTransactions
public import EthereumPrimitives
public import PaymentAPI

/// What the credits did after a payment, with the figures a person needs to judge it.
///
/// A purchase counts as credited when total credits rose, over the balance recorded before the first send, by at
/// least ``minimumRatio`` of the USDC paid: OpenRouter keeps a fee it does not document, so the exact amount is
/// never assumed. Without a recorded balance before, nothing is claimed (``Verdict/unconfirmed``).
public struct CreditCheck: Sendable, Equatable {
    /// Whether the rise was seen.
    public enum Verdict: String, Sendable {
        /// Total credits rose by at least the minimum share of the payment.
        case credited
        /// The balance before the payment is unknown, so no rise can be measured.
        case unconfirmed
        /// Total credits rose, but the payment (native coin, a token other than USDC) has no USD amount to match
        /// the rise against: the rise is reported, nothing is claimed.
        case unmatched
    }

    /// The verdict.
    public var verdict: Verdict
    /// The totals last read.
    public var credits: Credits
    /// Total credits before the first send (USD), when recorded.
    public var before: String?
    /// What was paid in USDC (the intent's recipient + fee, or the USDC transfer), as USD; nil when the payment
    /// is not in USDC and cannot be matched in USD.
    public var expected: String?
    /// How much total credits rose (USD), when the balance before is known.
    public var rise: String?
    /// `expected − rise` when the rise is smaller: the fee the API kept.
    public var impliedFee: String?
    /// The rise is larger than this purchase: another purchase or an adjustment was credited in the same window.
    public var mixedIn: Bool
    /// The minimum share of `expected` (for example "0.9").
    public var minimumRatio: String

    /// Decides from exact figures in 10^-12 USD; `ratioBasisPoints` of 9000 means 0.9.
    static func measure(before: UInt256, total: UInt256, paid: UInt256, ratioBasisPoints: UInt64)
        -> (credited: Bool, rise: UInt256)
    {
        let rise = total > before ? total - before : .zero
        let needed = paid.multipliedReportingOverflow(by: UInt256(ratioBasisPoints)).partialValue
        let have = rise.multipliedReportingOverflow(by: UInt256(10_000)).partialValue
        return (!rise.isZero && have >= needed, rise)
    }

    /// Lines for people: the rise, what was expected, the implied fee, and a plain warning when another purchase
    /// could be mixed in.
    public var summary: [String] {
        if verdict == .unmatched, let before, let rise {
            return [
                "Total credits rose by \(rise) (from \(before) to \(credits.totalCredits)); this payment is not in USDC, so "
                    + "the rise cannot be matched to it in USD (OpenRouter converts at its own rate) — check it on "
                    + "https://openrouter.ai/activity."
            ]
        }
        guard verdict == .credited, let before, let rise, let expected else {
            return [
                "The credit cannot be confirmed: the balance before this payment was not recorded (the state file was "
                    + "lost or replaced, or the first run did not use --wait-credits), and an absolute total "
                    + "(now \(credits.totalCredits)) proves nothing.",
                "Check it: compare `broadcast balance` with your records, or see the purchase on "
                    + "https://openrouter.ai/activity.",
            ]
        }
        var lines = ["Credited: total credits rose by \(rise) (from \(before) to \(credits.totalCredits)); expected \(expected)."]
        if let impliedFee { lines.append("  implied fee  \(impliedFee) kept by the API") }
        if mixedIn {
            lines.append(
                "  warning: the rise is more than this purchase: another purchase (or an adjustment) was credited in "
                    + "the same window, and the account-wide total cannot tell them apart.")
        }
        return lines
    }
}

extension Broadcaster {
    /// USDC units (6 decimals) from which OpenRouter credits a purchase only after ~15 minutes: $500.
    public static let slowCreditUnits = UInt256(500_000_000)

    /// The default `--timeout` of each wait: 10 minutes; 20 when waiting for the credits of a purchase of $500
    /// or more, which OpenRouter credits after ~15 minutes — so the default never gives up before the announced
    /// wait is over.
    public static func defaultTimeoutSeconds(for file: SignedTransactionFile, waitCredits: Bool) -> UInt64 {
        let chain = file.transaction.transaction.chainID
        let paid = SignedPayment(file.transaction.transaction).usdcUnits(usdc: KnownChain.entry(for: chain)?.usdc)
        return defaultTimeoutSeconds(paidUnits: paid, waitCredits: waitCredits)
    }

    /// The default `--timeout` for a payment of `paidUnits` USDC units (6 decimals).
    public static func defaultTimeoutSeconds(paidUnits: UInt256?, waitCredits: Bool) -> UInt64 {
        guard waitCredits, let paidUnits, paidUnits >= slowCreditUnits else { return 600 }
        return 1200
    }

    /// USD as exact text from 10^-12 USD.
    static func usd(_ pico: UInt256) -> String { DecimalAmount.format(pico, decimals: 12, minimumFractionDigits: 1) }

    /// Polls `GET /credits` (every ≥ 10 s: the values may be 60 s stale) until total credits rose over the recorded
    /// balance by at least the minimum share of the purchase; without a recorded balance, says so and claims nothing.
    ///
    /// A payment not in USDC waits for any rise and reports it unmatched (``CreditCheck/Verdict/unmatched``).
    func waitForCredits(_ api: PaymentAPIClient, state: inout BroadcastState) async throws(BroadcastError) -> CreditCheck {
        let usdcUnits = payment.usdcUnits(usdc: usdcToken)
        let paidUnits = usdcUnits ?? .zero
        let paid = paidUnits.multipliedReportingOverflow(by: UInt256.powerOfTen(6)).partialValue
        let ratio = DecimalAmount.format(UInt256(settings.minCreditRatioBasisPoints), decimals: 4, minimumFractionDigits: 1)
        var check = CreditCheck(
            verdict: .unconfirmed, credits: Credits(totalCredits: "?", totalUsage: "?"), before: state.creditsBefore,
            expected: usdcUnits.map { _ in Self.usd(paid) }, rise: nil, impliedFee: nil, mixedIn: false, minimumRatio: ratio)
        guard let beforeText = state.creditsBefore, let before = Credits.picoUSD(beforeText) else {
            check.credits = try await creditsNow(api)
            for line in check.summary { log(line) }
            return check
        }
        if paidUnits >= Self.slowCreditUnits {
            log(
                "Purchases of $500 or more are credited after ~15 minutes (OpenRouter waits out re-orgs); waiting up to "
                    + "\(WaitProgress.clock(settings.timeoutSeconds)).")
        }
        let start = now()
        while true {
            let credits = try await creditsNow(api)
            check.credits = credits
            if let total = Credits.picoUSD(credits.totalCredits) {
                let (credited, rise) = CreditCheck.measure(
                    before: before, total: total, paid: paid, ratioBasisPoints: settings.minCreditRatioBasisPoints)
                if credited {
                    // Without a USD amount (paid 0) any rise passes `measure`; it is reported, never recorded as
                    // this purchase's credit.
                    check.verdict = usdcUnits == nil ? .unmatched : .credited
                    check.rise = Self.usd(rise)
                    if check.verdict == .credited {
                        check.impliedFee = rise < paid ? Self.usd(paid - rise) : nil
                        check.mixedIn = rise > paid
                        state.record(.credited)
                        try save(state)
                    }
                    for line in check.summary { log(line) }
                    return check
                }
                log(
                    "Waiting for credits: total \(credits.totalCredits), rose by \(Self.usd(rise)) since \(beforeText); "
                        + (check.expected.map { "need at least \(ratio) × \($0)…" } ?? "waiting for any rise…"))
            } else {
                log("Waiting for credits: the API's total \(credits.totalCredits) is not an exact decimal…")
            }
            guard now() < start + settings.timeoutSeconds else {
                try save(state)
                throw .timedOut(stage: "waiting for the credits")
            }
            await clock.sleep(seconds: max(10, settings.creditPollSeconds))
        }
    }
}
