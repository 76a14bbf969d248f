import BundleFormat
public import EthereumPrimitives
import EthereumTransactions
import StrictJSON
import TerminalText

extension Review {
    /// The review of a checkout payment.
    ///
    /// Every figure comes from the transaction's bytes (the token is `to`, the
    /// recipient and amount are decoded from the calldata, or `to` and `value` for a native payment) or from the
    /// policy. Nobody signed the recipient, so the review names where it came from and, unless the policy pins it,
    /// asks the operator to compare the full address — also shown in groups of four — with the checkout page on
    /// another device.
    static func checkout(
        _ verified: VerifiedBundle, _ purchase: CheckoutPurchase, now: UInt64, ladder: FeeLadder, source: PolicySource
    ) -> Review {
        let tx = verified.transaction
        let payment = purchase.payment
        let request = purchase.bundle.request
        let fee = Self.networkFee(tx, ladder: ladder)
        let validUntil = purchase.bundle.validUntil
        let left = validUntil > now ? Review.duration(validUntil - now) : "expired"
        let origin = Self.recipientOrigin(purchase.bundle.requestText)
        let recipientNote =
            purchase.recipientPinned
            ? "pinned by the \(source.pinOrigin)"
            : "from the \(origin), which nobody signed: compare it with the checkout page on another device"
        var rows: [(label: String, value: String)] = [
            ("Paying", Self.paymentText(payment, request: request)),
            ("Paying from", tx.chainID.description + "  " + verified.bundle.from.checksummed),
        ]
        if case .token(let token) = payment.asset {
            rows.append(
                (
                    "Token",
                    "\(token.checksummed) (\(Self.tokenName(token, chainID: tx.chainID)), pinned by the \(source.pinOrigin))"
                ))
        }
        rows += [
            ("Recipient", "\(payment.recipient.checksummed) (\(recipientNote))"),
            ("  in groups", Self.grouped(payment.recipient)),
            ("Network fee", fee.row),
            ("Nonce", String(tx.nonce)),
            ("Policy", source.description),
            ("Fingerprint", verified.fingerprint.description),
        ]
        // The expiry is the document's (or prepare's createdAt + 24 h): unsigned text, checked against this
        // machine's clock but not covered by the signature, so it is shown below the line.
        var unverifiedRows: [(label: String, value: String)] = [
            (
                request.expiresAt == nil ? "Valid until" : "Checkout expires",
                "\(ISO8601.format(unixSeconds: validUntil)) (\(left) left)"
                    + (request.expiresAt == nil ? "; a URI has no expiry: 24 h after prepare" : "")
            )
        ]
        switch (purchase.bundle.requestText, purchase.bundle.checkout) {
        case (_, let checkout?):
            unverifiedRows.append(("Checkout", checkout.id.escapedForTerminal))
            unverifiedRows.append(("Payment link", checkout.url.escapedForTerminal))
        case (.uri(let uri), nil): unverifiedRows.append(("Request", uri.escapedForTerminal))
        case (.checkout, nil): break  // a document always parses to a checkout
        }
        unverifiedRows.append(
            ("Balances", Self.balancesText(purchase.bundle.balances, chainID: tx.chainID, request: request)))
        var report = verified.report
        if !purchase.recipientPinned {
            report.add(
                .critical,
                "the recipient is not pinned by your policy and nobody signed it: before you type the word, compare all "
                    + "42 characters of \(payment.recipient.checksummed) with the checkout page on another device")
        }
        if case .file = source, let usdc = KnownChain.entry(for: tx.chainID)?.usdc, verified.rules.paymentTokens != [usdc] {
            report.add(
                .critical,
                "the policy file pins payment token(s) \(verified.rules.paymentTokens.map(\.checksummed).joined(separator: ", ")) "
                    + "for \(tx.chainID); the built-in one is native USDC \(usdc)")
        }
        var fields: [String: JSONValue] = [
            "kind": "checkout", "paymentId": .string(verified.paymentID), "chainId": JSONValue(tx.chainID.value),
            "from": .string(verified.bundle.from.checksummed), "recipient": .string(payment.recipient.checksummed),
            "recipientPinned": .bool(purchase.recipientPinned), "recipientSource": .string(origin),
            "amount": .string(payment.amount.decimalString), "amountText": .string(request.amountText),
            "maxNetworkFee": .string(fee.field), "policy": source.fields, "feeLadderRungs": JSONValue(ladder.rungs.count),
            "nonce": JSONValue(tx.nonce), "validUntil": JSONValue(validUntil),
            "approvalsRequired": .bool(verified.approvalsRequired),
            "fingerprint": .string(verified.fingerprint.description), "signingHash": .string(verified.signingHash.hex),
            "warnings": Self.warnings(report),
        ]
        if case .token(let token) = payment.asset { fields["token"] = .string(token.checksummed) }
        if let usd = payment.usdUnits { fields["usd"] = .string(Self.dollars(usd)) }
        return Review(
            rows: rows, unverifiedRows: unverifiedRows, messages: report.messages, fingerprint: verified.fingerprint,
            fields: .object(fields))
    }

    /// "25.00 USDC to a checkout deposit address ($25.00 against your limits)", or the native amount and its cap.
    static func paymentText(_ payment: VerifiedPayment, request: PaymentRequest) -> String {
        switch payment.asset {
        case .native:
            return "\(request.amountText) in a plain transfer (within the chain's value cap; not in USDC)"
        case .token(let token):
            let usd = Self.dollars(payment.usdUnits ?? payment.amount)
            guard KnownChain.entry(for: payment.chainID)?.usdc == token else {
                return "\(payment.amount.decimalString) base units of a token your policy pins, counted at 6 decimals as "
                    + "$\(usd) against your limits"
            }
            return "\(request.amountText) to a checkout deposit address ($\(usd) against your limits)"
        }
    }

    /// Where the recipient came from, in words.
    static func recipientOrigin(_ text: CheckoutBundle.RequestText) -> String {
        switch text {
        case .uri: return "EIP-681 payment URI"
        case .checkout: return "checkout document"
        }
    }

    /// The name of a pinned token: USDC when it is the chain's built-in one.
    static func tokenName(_ token: Address, chainID: ChainID) -> String {
        KnownChain.entry(for: chainID)?.usdc == token ? "native USDC" : "token pinned by the policy"
    }

    /// The online machine's balances, labelled as such.
    static func balancesText(_ balances: CheckoutBundle.Balances, chainID: ChainID, request: PaymentRequest) -> String {
        let native = "\(DecimalAmount.format(balances.native, decimals: 18)) \(chainID.nativeSymbol)"
        guard let token = balances.token else { return "\(native) (online data)" }
        let probe = PaymentRequest(
            chainID: chainID, asset: request.asset, recipient: request.recipient, amount: token, source: request.source)
        return "\(probe.amountText), \(native) (online data)"
    }

    /// The checksummed address in groups of four after `0x`: `0x8335 89fC D6eD …`.
    public static func grouped(_ address: Address) -> String {
        let hex = Array(address.checksummed.dropFirst(2))
        let groups = stride(from: 0, to: hex.count, by: 4).map { String(hex[$0..<min($0 + 4, hex.count)]) }
        return "0x" + groups.joined(separator: " ")
    }
}
