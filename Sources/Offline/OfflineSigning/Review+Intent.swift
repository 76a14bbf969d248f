import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import StrictJSON

extension Review {
    /// The review of a transfer-intent purchase.
    static func intent(
        _ verified: VerifiedBundle, _ purchase: IntentPurchase, now: UInt64, ladder: FeeLadder, source: PolicySource
    ) -> Review {
        let tx = verified.transaction
        let intent = purchase.intent
        let symbol = tx.chainID.nativeSymbol
        let usdUnits = verified.ledgerEntry.usdUnits
        let usd = Self.dollars(usdUnits)
        let fee = Self.networkFee(tx, ladder: ladder)
        let deadline = intent.deadline.uint64 ?? .max
        let left = deadline > now ? Review.duration(deadline - now) : "expired"
        let bound = purchase.valueBound
        let pin = "pinned by the \(source.pinOrigin)"
        let recipientPin = verified.rules.recipients.isEmpty ? "any recipient allowed by the \(source.pinOrigin)" : pin
        let rows: [(label: String, value: String)] = [
            (
                "Buying",
                "$\(usd) of OpenRouter credits (USDC \(Self.dollars(intent.recipientAmount)) + fee \(Self.dollars(intent.feeAmount)))"
            ),
            ("Paying from", tx.chainID.description + "  " + verified.bundle.from.checksummed),
            ("Contract", "\(tx.to.checksummed) (Transfers, \(pin))"),
            ("Operator", "\(intent.operator.checksummed) (\(pin); its signature over the intent verifies)"),
            ("Recipient", "\(intent.recipient.checksummed) (\(recipientPin))"),
            ("Value", "\(tx.value.etherString) \(symbol) (maximum; the excess is refunded)"),
            (
                "Value bound",
                "worth at least $\(bound.worthAtFloorText) at your policy's floor $\(bound.floorText)/\(symbol); "
                    + "allowed up to $\(bound.limitText) (purchase + \(bound.marginPercent) %)"
            ),
            ("Network fee", fee.row),
            ("Pool fee tier", String(purchase.poolFeesTier)),
            ("Nonce", String(tx.nonce)),
            ("Deadline", "\(ISO8601.format(unixSeconds: deadline)) (\(left) left)"),
            ("Policy", source.description),
            ("Fingerprint", verified.fingerprint.description),
        ]
        let quote = Self.usdValue(of: tx.value.amount, quote: purchase.bundle.quote.amountIn, usdUnits: usdUnits)
        let unverifiedRows: [(label: String, value: String)] = [
            ("Charge", purchase.bundle.charge.id),
            ("Online quote", quote.map { "value ≈ $\($0) at the online machine's quote (online data)" } ?? "none given"),
        ]
        var report = verified.report
        Self.addProvenanceWarnings(to: &report, rules: verified.rules, intent: intent, source: source)
        let fields: JSONValue = [
            "kind": "transfer-intent", "chargeId": .string(purchase.bundle.charge.id), "usd": .string(usd),
            "chainId": JSONValue(tx.chainID.value),
            "from": .string(verified.bundle.from.checksummed), "contract": .string(tx.to.checksummed),
            "recipient": .string(intent.recipient.checksummed), "maxValue": .string(tx.value.etherString),
            "maxNetworkFee": .string(fee.field),
            "valueBound": [
                "worthAtFloorUSD": .string(bound.worthAtFloorText), "floorUSD": .string(bound.floorText),
                "limitUSD": .string(bound.limitText),
            ],
            "policy": source.fields, "feeLadderRungs": JSONValue(ladder.rungs.count),
            "nonce": JSONValue(tx.nonce), "deadline": JSONValue(deadline),
            "fingerprint": .string(verified.fingerprint.description), "signingHash": .string(verified.signingHash.hex),
            "warnings": Self.warnings(report),
        ]
        return Review(
            rows: rows, unverifiedRows: unverifiedRows, messages: report.messages, fingerprint: verified.fingerprint,
            fields: fields)
    }

    /// A policy file that pins another contract or operator than the built-in ones for a known chain is named
    /// plainly: such a file may have travelled with the bundle.
    static func addProvenanceWarnings(
        to report: inout ValidationReport, rules: Policy.ChainRules, intent: TransferIntent, source: PolicySource
    ) {
        guard case .file = source, let builtIn = Deployment.builtIn(for: rules.chainID) else { return }
        if rules.transfers != builtIn.transfers {
            report.add(
                .critical,
                "the policy file pins Transfers contract \(rules.transfers) for \(rules.chainID); the built-in one is \(builtIn.transfers)"
            )
        }
        if intent.operator != Deployment.coinbaseOperator {
            report.add(
                .critical,
                "the operator \(intent.operator) is accepted only by the policy file; Coinbase's operator is \(Deployment.coinbaseOperator)"
            )
        }
    }

    /// `value` in USD at the quote's price (`usdUnits` bought for `quote` wei), two decimals; nil without a quote.
    static func usdValue(of value: UInt256, quote: UInt256, usdUnits: UInt256) -> String? {
        guard !quote.isZero else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: usdUnits)
        guard !overflow else { return nil }
        let cents = product / quote / 10_000  // USDC units → cents, truncated
        return DecimalAmount.format(cents, decimals: 2, minimumFractionDigits: 2)
    }
}
