import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import SigningKeys
import StrictJSON
import Testing

/// The checkout path attacked by a compromised online machine, a phishing page and a careless policy author.
///
/// Each test plays the attacker against the real verifier and review; the ones named "hole" failed before their fix.
@Suite struct CheckoutAttackTests {
    typealias F = BundleFactory
    typealias C = CheckoutFactory

    static let deposit = C.deposit.checksummed
    static let usdc = C.usdc.checksummed

    static func verifier(policy: Policy = .default, ledger: SigningLedger = SigningLedger(), now: UInt64 = F.now)
        -> BundleVerifier
    {
        BundleVerifier(policy: policy, now: now, keyAddress: F.payer.address, ledger: ledger)
    }

    static func kind(_ bundle: UnsignedBundle, _ verifier: BundleVerifier = verifier()) -> String {
        do {
            _ = try verifier.verify(bundle)
            return "accepted"
        } catch { return error.kind }
    }

    /// A Base transaction: a native transfer when `data` is empty and `value` set, else a call to `to`.
    static func tx(to: Address, value: UInt256 = 0, data: [UInt8], nonce: UInt64, chainID: ChainID = .base)
        -> EIP1559Transaction
    {
        EIP1559Transaction(
            chainID: chainID, nonce: nonce, maxPriorityFeePerGas: Wei(1_000_000), maxFeePerGas: Wei(2_000_000_000),
            gasLimit: 80_000, to: to, value: Wei(value), data: data)
    }

    /// The bundle of `uri` paid by `transaction`, written by `prepare` at `createdAt`.
    static func uriBundle(_ uri: String, _ transaction: EIP1559Transaction, createdAt: UInt64 = F.now - 60) throws
        -> UnsignedBundle
    {
        let token: UInt256? = transaction.data.isEmpty ? nil : 100_000_000
        return .checkout(
            try CheckoutBundle(
                createdAt: createdAt, requestText: .uri(uri), from: F.payer.address, transaction: transaction,
                fees: .init(baseFeePerGas: UInt256.powerOfTen(9), gasEstimate: 60_000),
                balances: .init(native: UInt256.powerOfTen(18), token: token)))
    }

    /// The bundle of the factory's checkout document with an arbitrary transaction.
    static func documentBundle(_ transaction: EIP1559Transaction, document: JSONValue = C().document) throws -> UnsignedBundle {
        .checkout(
            try CheckoutBundle(
                createdAt: F.now - 60, requestText: .checkout(document), from: F.payer.address, transaction: transaction,
                fees: .init(baseFeePerGas: UInt256.powerOfTen(9), gasEstimate: 60_000),
                balances: .init(native: UInt256.powerOfTen(17), token: 100_000_000)))
    }

    static func transfer(_ amount: UInt256, to recipient: Address = C.deposit) -> [UInt8] {
        ERC20Transfer(recipient: recipient, amount: amount).calldata
    }

    static func review(_ verified: VerifiedBundle, source: PolicySource = .builtIn) throws -> Review {
        Review(verified, now: F.now, ladder: try FeeLadder(verified, steps: 0, policy: .default), source: source)
    }

    @Test("hole: one request re-spelled (pay-, case, exponent, order, gas hints) is still signed only once")
    func respelledURISignedOnce() throws {
        let native = "ethereum:\(Self.deposit)@8453?value=1000000000000000"
        let first = try Self.verifier().verify(
            try Self.uriBundle(native, Self.tx(to: C.deposit, value: .powerOfTen(15), data: [], nonce: 4)))
        let ledger = SigningLedger(entries: [first.ledgerEntry])
        let nativeVariants = [
            "ethereum:pay-\(Self.deposit)@8453?value=1000000000000000",
            "ethereum:\(Self.deposit.lowercased())@8453?value=1000000000000000",
            "ethereum:\(Self.deposit)@8453?value=1e15",
            "ethereum:\(Self.deposit)@8453?value=0.1e16",
            "ethereum:\(Self.deposit)@8453?value=1000000000000000&gasPrice=2e9",
            "ethereum:\(Self.deposit)@8453?gas=21000&value=1000000000000000",
        ]
        for (index, uri) in nativeVariants.enumerated() {
            let again = try Self.uriBundle(
                uri, Self.tx(to: C.deposit, value: .powerOfTen(15), data: [], nonce: 10 + UInt64(index)))
            #expect(Self.kind(again, Self.verifier(ledger: ledger)) == "replayConflict", "\(uri)")
        }

        let token = "ethereum:\(Self.usdc)@8453/transfer?address=\(Self.deposit)&uint256=25000000"
        let paid = try Self.verifier().verify(
            try Self.uriBundle(token, Self.tx(to: C.usdc, data: Self.transfer(25_000_000), nonce: 4)))
        let tokenLedger = SigningLedger(entries: [paid.ledgerEntry])
        let tokenVariants = [
            "ethereum:\(Self.usdc)@8453/transfer?uint256=25000000&address=\(Self.deposit)",
            "ethereum:\(Self.usdc.lowercased())@8453/transfer?address=\(Self.deposit)&uint256=2.5e7",
            "ethereum:pay-\(Self.usdc)@8453/transfer?address=\(Self.deposit)&uint256=25e6&gasLimit=90000",
        ]
        for (index, uri) in tokenVariants.enumerated() {
            let again = try Self.uriBundle(uri, Self.tx(to: C.usdc, data: Self.transfer(25_000_000), nonce: 20 + UInt64(index)))
            #expect(Self.kind(again, Self.verifier(ledger: tokenLedger)) == "replayConflict", "\(uri)")
        }
        // Another amount or recipient is another request.
        let other = "ethereum:\(Self.deposit)@8453?value=1000000000000001"
        let different = try Self.uriBundle(other, Self.tx(to: C.deposit, value: .powerOfTen(15) + 1, data: [], nonce: 30))
        #expect(Self.kind(different, Self.verifier(ledger: ledger)) == "accepted")
    }

    @Test("hole: the checkout's expiry and a URI's 24-hour window come from unsigned text: shown below the line")
    func expiryIsNotShownAsSigned() throws {
        let checkout = try Self.review(try Self.verifier().verify(UnsignedBundle.checkout(try C().bundle())))
        #expect(!checkout.rows.contains { $0.label == "Checkout expires" })
        #expect(checkout.unverifiedRows.contains { $0.label == "Checkout expires" && $0.value.contains("1 h 0 min left") })
        let uri = "ethereum:\(Self.deposit)@8453?value=1e15"
        let native = try Self.review(
            try Self.verifier().verify(
                try Self.uriBundle(uri, Self.tx(to: C.deposit, value: .powerOfTen(15), data: [], nonce: 4))))
        #expect(!native.rows.contains { $0.label == "Valid until" })
        #expect(native.unverifiedRows.contains { $0.label == "Valid until" && $0.value.contains("24 h after prepare") })
        let text = native.text
        let line = text.range(of: "Not covered by the signature")?.lowerBound
        let valid = text.range(of: "Valid until")?.lowerBound
        #expect(line != nil && valid != nil && (valid ?? text.startIndex) > (line ?? text.endIndex))
    }

    @Test("ERC-20 calldata: dirty address padding, a trailing byte, a short word, another selector are refused")
    func calldataEncodings() throws {
        let good = Self.transfer(25_000_000)
        var dirty = good
        dirty[4] = 0xff  // high byte of the address word: the low 20 bytes still name the deposit address
        var dirtyAmount = good
        dirtyAmount[36] = 0x01  // a 2^248 amount whose low bits equal the request's
        let approve = ABI.selector("approve(address,uint256)") + Array(good.dropFirst(4))
        let transferFrom = ABI.encodeCall(
            selector: ABI.selector("transferFrom(address,address,uint256)"),
            [.address(F.payer.address), .address(C.deposit), .uint(25_000_000)])
        for data in [
            dirty, good + [0], good + [UInt8](repeating: 0, count: 32), Array(good.dropLast()), approve, transferFrom, [],
        ] {
            let bundle = try Self.documentBundle(Self.tx(to: C.usdc, data: data, nonce: 3))
            #expect(Self.kind(bundle) == "calldataNotTokenTransfer", "\(Hex.encode(data))")
        }
        #expect(Self.kind(try Self.documentBundle(Self.tx(to: C.usdc, data: dirtyAmount, nonce: 3))) == "paymentMismatch")
        #expect(Self.kind(try Self.documentBundle(Self.tx(to: C.usdc, data: good, nonce: 3))) == "accepted")
    }

    @Test("a token pinned for one chain is not pinned for another")
    func tokenPinIsPerChain() throws {
        // Base's USDC address named on Ethereum (where that address is not USDC).
        let uri = "ethereum:\(Self.usdc)@1/transfer?address=\(Self.deposit)&uint256=25000000"
        let onEthereum = try Self.uriBundle(
            uri, Self.tx(to: C.usdc, data: Self.transfer(25_000_000), nonce: 1, chainID: .ethereum))
        #expect(Self.kind(onEthereum) == "tokenNotPinned")
        // A policy file that pins a token on Ethereum only: the same token on Base is refused.
        let token = C.attacker
        var policy = Policy.default
        for index in policy.chains.indices where policy.chains[index].chainID == .ethereum {
            policy.chains[index].paymentTokens.append(token)
        }
        let base = "ethereum:\(token.checksummed)@8453/transfer?address=\(Self.deposit)&uint256=7"
        let bundle = try Self.uriBundle(base, Self.tx(to: token, data: Self.transfer(7), nonce: 1))
        #expect(Self.kind(bundle, Self.verifier(policy: policy)) == "tokenNotPinned")
        // The request's chain must be the transaction's.
        let crossChain = try Self.uriBundle(
            "ethereum:\(Self.usdc)@8453/transfer?address=\(Self.deposit)&uint256=25000000",
            Self.tx(to: C.usdc, data: Self.transfer(25_000_000), nonce: 1, chainID: .polygon))
        #expect(Self.kind(crossChain) == "requestChainMismatch")
    }

    @Test("a native payment at exactly the value cap passes; one wei more is refused; a value on a token transfer too")
    func nativeCap() throws {
        let cap = UInt256(5) * UInt256.powerOfTen(17)  // Base: 0.5 ETH
        let atCap = try Self.uriBundle(
            "ethereum:\(Self.deposit)@8453?value=5e17", Self.tx(to: C.deposit, value: cap, data: [], nonce: 1))
        #expect(Self.kind(atCap) == "accepted")
        let above = try Self.uriBundle(
            "ethereum:\(Self.deposit)@8453?value=500000000000000001", Self.tx(to: C.deposit, value: cap + 1, data: [], nonce: 1))
        #expect(Self.kind(above) == "limitExceeded")
        // A native request paid by a transaction to the token contract (the request's recipient is not `to`).
        let toToken = try Self.uriBundle(
            "ethereum:\(Self.deposit)@8453?value=1e15", Self.tx(to: C.usdc, value: .powerOfTen(15), data: [], nonce: 1))
        #expect(Self.kind(toToken) == "paymentMismatch")
        let valueOnToken = try Self.documentBundle(Self.tx(to: C.usdc, value: 1, data: Self.transfer(25_000_000), nonce: 3))
        #expect(Self.kind(valueOnToken) == "paymentMismatch")
    }

    @Test("the ledger key namespace: an intent may not carry a checkout's ledger id, so it can neither block nor repeat one")
    func ledgerKeyCollision() throws {
        for id in ["checkout:chk_1a2b3c", "eip681:" + String(repeating: "ab", count: 32)] {
            var intentFactory = F()
            intentFactory.chargeID = id
            #expect(throws: BundleError.self) { _ = try intentFactory.bundle() }
        }
        let paid = try Self.verifier().verify(UnsignedBundle.checkout(try C().bundle()))
        let ledger = SigningLedger(entries: [paid.ledgerEntry])
        #expect(Self.kind(UnsignedBundle.intent(try F().bundle()), F.verifier(ledger: ledger)) == "accepted")
    }

    @Test("the 24-hour limit adds intents and USDC checkouts together; native checkouts add nothing")
    func mixedDailyLimit() throws {
        var big = C()
        big.amountText = "500"
        let checkout = try Self.verifier().verify(UnsignedBundle.checkout(try big.bundle()))
        #expect(checkout.ledgerEntry.usdUnits == 500_000_000)
        let intents = (0..<3).map { index in
            SigningLedger.Entry(
                chargeID: "ch_\(index)", chainID: .polygon, sender: F.payer.address, nonce: UInt64(index),
                signingHash: Hash32(uncheckedBytes: [UInt8](repeating: UInt8(index + 1), count: 32)), usdUnits: 490_000_000,
                signedAt: F.now - 600)
        }
        // $1,470 of intents + $500 of checkout = $1,970: an intent of $25 (→ $1,995) passes, $25 more does not.
        let ledger = SigningLedger(entries: intents + [checkout.ledgerEntry])
        #expect(throws: Never.self) { try F.verifier(ledger: ledger).verify(UnsignedBundle.intent(try F().bundle())) }
        var second = F()
        second.chargeID = "charge-2"
        second.nonce = 43
        let first = try F.verifier(ledger: ledger).verify(UnsignedBundle.intent(try F().bundle()))
        let fuller = SigningLedger(entries: intents + [checkout.ledgerEntry, first.ledgerEntry])
        #expect(Self.kind(UnsignedBundle.intent(try second.bundle()), F.verifier(ledger: fuller)) == "dailyLimitExceeded")
        // A checkout after the intents hits the same limit.
        var another = C()
        another.id = "chk_second"
        another.nonce = 8
        #expect(Self.kind(UnsignedBundle.checkout(try another.bundle()), Self.verifier(ledger: fuller)) == "dailyLimitExceeded")
        // A native checkout records no dollars.
        let native = try Self.verifier().verify(
            try Self.uriBundle(
                "ethereum:\(Self.deposit)@8453?value=4e17",
                Self.tx(to: C.deposit, value: UInt256(4) * .powerOfTen(17), data: [], nonce: 9)))
        #expect(native.ledgerEntry.usdUnits == .zero && native.usdUnits == nil)
    }
}
