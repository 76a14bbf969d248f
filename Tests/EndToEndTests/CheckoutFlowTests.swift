import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import TestSupport
import Testing

/// A checkout purchase through the built `prepare checkout`, `sign` and `broadcast` against a sandbox whose chain
/// has USDC at the chain's real address, a checkout endpoint, and a 5 % fee on credits.
final class CheckoutFlow {
    static let feePercent = "5"
    let flow: Flow

    /// Starts the sandbox for `chainID`, funding the payer with 1 native coin and `usdc` USDC.
    init(chainID: Int, usdc: String = "100") throws {
        flow = try Flow(
            chainID: chainID,
            sandboxArguments: ["--fund-usdc", "\(Flow.payer)=\(usdc)", "--checkout-fee-percent", Self.feePercent])
    }

    /// The chain's name in the Checkouts API.
    var network: String { KnownChain.entry(for: ChainID(UInt64(flow.sandbox.chainID)))?.name.lowercased() ?? "" }

    /// Creates a checkout on the sandbox and saves its document as `checkout.json`.
    @discardableResult
    func checkout(amount: String = "25.00", expiresAt: String? = nil) throws -> Checkout {
        let data = try flow.sandbox.createCheckout(amount: amount, network: network, expiresAt: expiresAt)
        try data.write(to: URL(fileURLWithPath: flow.path("checkout.json")))
        return try Checkout(jsonData: data)
    }

    /// `prepare checkout REQUEST… --sender PAYER --rpc-url … --out bundle.json --json`.
    func prepare(_ request: [String] = ["--checkout-file"], extra: [String] = []) throws -> ToolRunner.Result {
        let source = request == ["--checkout-file"] ? request + [flow.path("checkout.json")] : request
        return try ToolRunner.run(
            "prepare",
            ["checkout"] + source + [
                "--sender", Flow.payer, "--rpc-url", flow.sandbox.rpcURL, "--out", flow.path("bundle.json"), "--json",
            ] + extra)
    }

    /// The bundle `prepare` wrote.
    func bundle() throws -> CheckoutBundle {
        try CheckoutBundle(jsonData: Data(contentsOf: URL(fileURLWithPath: flow.path("bundle.json"))))
    }

    /// Rewrites `bundle.json` as a compromised online machine would: a new transaction, a consistent signing hash.
    func tamper(_ change: (inout EIP1559Transaction) -> Void) throws {
        let honest = try bundle()
        var transaction = honest.transaction
        change(&transaction)
        let forged = try CheckoutBundle(
            createdAt: honest.createdAt, requestText: honest.requestText, from: honest.from, transaction: transaction,
            fees: honest.fees, balances: honest.balances)
        try forged.canonicalJSON().write(to: URL(fileURLWithPath: flow.path("bundle.json")))
    }

    /// Records every signed transaction for eth-account and eth-abi, with the transfer it must decode to.
    func recordSigned(label: String, token: Address, recipient: Address, amount: UInt256) throws -> SignedTransactionFile {
        try flow.recordSigned(
            label: label, transfer: (token.checksummed, recipient.checksummed, amount.decimalString))
    }
}

/// The checkout path end to end on chains 1, 137 and 8453, and the refusals a user or an attacker meets.
@Suite(.serialized) struct CheckoutFlowTests {
    @Test("a USDC checkout is paid, confirmed by its Transfer log and credited less the fee", arguments: [1, 137, 8453])
    func paysCheckout(chainID: Int) throws {
        let c = try CheckoutFlow(chainID: chainID)
        let checkout = try c.checkout()
        let prepared = try c.prepare()
        #expect(prepared.status == 0, "\(prepared.stderr)")
        try ResultLog.record(prepared, schema: "prepare-checkout")
        let signed = try c.flow.sign(["--fee-ladder", "1"])
        #expect(signed.status == 0, "\(signed.stderr)")
        try ResultLog.record(signed, schema: "sign")
        #expect(signed.stderr.contains(checkout.request.recipient.checksummed))
        #expect(signed.stderr.contains("from the checkout document, which nobody signed"))
        let file = try c.recordSigned(
            label: "checkout-\(chainID)", token: try #require(checkout.request.token),
            recipient: checkout.request.recipient, amount: checkout.request.amount)
        #expect(file.chargeID == "checkout:\(checkout.id)")
        let sent = try c.flow.broadcast(["--wait-credits"])
        #expect(sent.status == 0, "\(sent.stderr)")
        try ResultLog.record(sent, schema: "broadcast-send")
        let result = try c.flow.json(sent)
        let transfer = try #require(result["transfer"] as? [String: Any])
        #expect(transfer["amountText"] as? String == "25.00 USDC")
        #expect((transfer["to"] as? String)?.lowercased() == checkout.request.recipient.checksummed.lowercased())
        let credits = try #require(result["credits"] as? [String: Any])
        #expect(credits["confirmed"] as? Bool == true)
        #expect(credits["rise"] as? String == "23.75")
    }

    @Test("an EIP-681 URI from the checkout page pays the same deposit address")
    func paysURI() throws {
        let c = try CheckoutFlow(chainID: 8453)
        let checkout = try c.checkout(amount: "12.50")
        let token = try #require(checkout.request.token)
        let uri = "ethereum:\(token.checksummed)@8453/transfer?address=\(checkout.request.recipient.checksummed)&uint256=1.25e7"
        let prepared = try c.prepare(["--uri", uri])
        #expect(prepared.status == 0, "\(prepared.stderr)")
        guard case .uri(let kept) = try c.bundle().requestText else { throw CheckoutFlowFailure("not a URI bundle") }
        #expect(kept == uri)
        let signed = try c.flow.sign()
        #expect(signed.status == 0, "\(signed.stderr)")
        _ = try c.recordSigned(label: "checkout-uri", token: token, recipient: checkout.request.recipient, amount: 12_500_000)
        let sent = try c.flow.broadcast(["--wait-credits"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect((try c.flow.json(sent)["credits"] as? [String: Any])?["confirmed"] as? Bool == true)
    }

    @Test("a compromised online machine swaps the recipient in the calldata: sign refuses (65), signs and records nothing")
    func wrongRecipient() throws {
        let c = try CheckoutFlow(chainID: 137)
        let checkout = try c.checkout()
        #expect(try c.prepare().status == 0)
        let attacker = Address(uncheckedBytes: [UInt8](repeating: 0xa7, count: 20))
        try c.tamper { $0.data = ERC20Transfer(recipient: attacker, amount: checkout.request.amount).calldata }
        let result = try c.flow.sign()
        #expect(result.status == 65)
        #expect(c.flow.errorKind(result) == "paymentMismatch")
        #expect(!FileManager.default.fileExists(atPath: c.flow.path("signed.json")))
        #expect(!FileManager.default.fileExists(atPath: c.flow.path("ledger.jsonl")))
    }

    @Test("another token in the transaction (and even in a URI) is refused by the token pin (65)")
    func wrongToken() throws {
        let c = try CheckoutFlow(chainID: 1)
        try c.checkout()
        #expect(try c.prepare().status == 0)
        let other = Address(uncheckedBytes: [UInt8](repeating: 0x70, count: 20))
        try c.tamper { $0.to = other }
        let result = try c.flow.sign()
        #expect(result.status == 65)
        #expect(c.flow.errorKind(result) == "paymentMismatch" || c.flow.errorKind(result) == "tokenNotPinned")
        let deposit = "0x" + String(repeating: "3c", count: 20)
        let uri = "ethereum:\(other.checksummed)@1/transfer?address=\(deposit)&uint256=25000000"
        let unpinned = try c.prepare(["--uri", uri], extra: ["--force"])
        #expect(unpinned.status == 65, "prepare must not find a balance of an unknown token: \(unpinned.stderr)")
    }

    @Test("an expired or nearly expired checkout is refused before the node is asked (65)")
    func expiredCheckout() throws {
        let c = try CheckoutFlow(chainID: 8453)
        try c.checkout(expiresAt: ISO8601.format(unixSeconds: UInt64(Date().timeIntervalSince1970) + 120))
        let expiring = try c.prepare()
        #expect(expiring.status == 65)
        #expect(c.flow.errorKind(expiring) == "checkoutExpiring", "\(expiring.stdoutText)")
        var document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: c.flow.path("checkout.json"))))
            as? [String: Any] ?? [:]
        document["expiresAt"] = ISO8601.format(unixSeconds: UInt64(Date().timeIntervalSince1970) - 60)
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: c.flow.path("checkout.json")))
        let expired = try c.prepare()
        #expect(expired.status == 65)
        #expect(c.flow.errorKind(expired) == "checkoutExpired", "\(expired.stdoutText)")
        #expect(!FileManager.default.fileExists(atPath: c.flow.path("bundle.json")))
    }

    @Test("a short USDC balance is refused by prepare with what it has and needs (65)")
    func shortBalance() throws {
        let c = try CheckoutFlow(chainID: 137, usdc: "10")
        try c.checkout()
        let result = try c.prepare()
        #expect(result.status == 65)
        #expect(c.flow.errorKind(result) == "tokenBalanceShort")
        #expect(result.stderr.contains("10.00 USDC") && result.stderr.contains("25.00 USDC"), "\(result.stderr)")
    }

    @Test("QR round trip: the bundle as ur:coldcredits-checkout frames, the signed answer as frames, broadcast from them")
    func qrRoundTrip() throws {
        let c = try CheckoutFlow(chainID: 8453)
        try c.checkout()
        let frames = c.flow.path("bundle-frames")
        let prepared = try c.prepare(extra: ["--qr-png", frames])
        #expect(prepared.status == 0, "\(prepared.stderr)")
        let images = try FileManager.default.contentsOfDirectory(atPath: frames).filter { $0.hasSuffix(".png") }.sorted()
        #expect(images.count == 1, "one frame for a checkout bundle")
        let answer = c.flow.path("signed-frames")
        let signed = try ToolRunner.run(
            "sign",
            images.flatMap { ["--qr-image", "\(frames)/\($0)"] } + [
                "--private-key-file", c.flow.path("key.hex"), "--policy", c.flow.path("policy.json"), "--ledger",
                c.flow.path("ledger.jsonl"), "--yes", "--qr-png", answer,
            ])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stderr.contains("Read ur:coldcredits-checkout"))
        let signedImages = try FileManager.default.contentsOfDirectory(atPath: answer).filter { $0.hasSuffix(".png") }.sorted()
        let sent = try ToolRunner.run(
            "broadcast",
            signedImages.flatMap { ["--qr-image", "\(answer)/\($0)"] } + [
                "--rpc-url", c.flow.sandbox.rpcURL, "--poll-interval", "0.2", "--timeout", "30",
                "--state", c.flow.path("qr.state.json"),
            ])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stderr.contains("Confirmed by the receipt: 25.00 USDC"))
    }
}

/// A precondition of an end-to-end check that did not hold.
struct CheckoutFlowFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
