import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import OfflineSigning
import Testing

/// The checkout-payment rules play the attacker: a compromised online machine changes one thing in an otherwise
/// honest transaction, and each change must be refused by its own named rule.
@Suite struct TransferVerifierTests {
    static let payee = Address(uncheckedBytes: [UInt8](repeating: 0x5e, count: 20))
    static let attacker = Address(uncheckedBytes: [UInt8](repeating: 0xa7, count: 20))
    static let usdc = KnownChain.entry(for: .base)?.usdc ?? .zero
    static let verifier = TransferVerifier(policy: .default)

    static let tokenRequest = PaymentRequest(
        chainID: .base, asset: .token(usdc), recipient: payee, amount: 10_500_000, source: .checkout(id: "c1"))
    static let nativeRequest = PaymentRequest(
        chainID: .base, asset: .native, recipient: payee, amount: UInt256.powerOfTen(15), source: .uri("ethereum:x"))

    static func tx(
        chain: ChainID = .base, to: Address = usdc, value: UInt256 = 0,
        data: [UInt8] = ERC20Transfer(recipient: payee, amount: 10_500_000).calldata
    ) -> EIP1559Transaction {
        EIP1559Transaction(
            chainID: chain, nonce: 7, maxPriorityFeePerGas: Wei(1_000_000), maxFeePerGas: Wei(2_000_000_000),
            gasLimit: 80_000, to: to, value: Wei(value), data: data)
    }

    static func kind(_ tx: EIP1559Transaction, _ request: PaymentRequest, verifier: TransferVerifier = verifier) -> String {
        do {
            _ = try verifier.verify(tx, against: request)
            return "accepted"
        } catch { return error.kind }
    }

    @Test("an honest USDC transfer verifies, with its USD amount")
    func honestToken() throws {
        let verified = try Self.verifier.verify(Self.tx(), against: Self.tokenRequest)
        #expect(verified.recipient == Self.payee && verified.amount == 10_500_000 && verified.usdUnits == 10_500_000)
    }

    @Test("an honest native transfer verifies")
    func honestNative() throws {
        let tx = Self.tx(to: Self.payee, value: .powerOfTen(15), data: [])
        let verified = try Self.verifier.verify(tx, against: Self.nativeRequest)
        #expect(verified.asset == .native && verified.amount == .powerOfTen(15) && verified.usdUnits == nil)
    }

    @Test("each tampered token transfer is refused by its own rule")
    func tamperedToken() {
        let request = Self.tokenRequest
        let polygonUSDC = KnownChain.entry(for: .polygon)?.usdc ?? .zero
        let calldata = ERC20Transfer(recipient: Self.payee, amount: 10_500_000).calldata
        let cases: [(EIP1559Transaction, String)] = [
            (Self.tx(chain: .polygon), "requestChainMismatch"),
            (Self.tx(to: Self.attacker), "tokenNotPinned"),
            (Self.tx(to: polygonUSDC), "tokenNotPinned"),
            (Self.tx(value: 1), "paymentMismatch"),
            (Self.tx(data: ERC20Transfer(recipient: Self.attacker, amount: 10_500_000).calldata), "paymentMismatch"),
            (Self.tx(data: ERC20Transfer(recipient: Self.payee, amount: 10_500_001).calldata), "paymentMismatch"),
            (Self.tx(data: calldata + [0]), "calldataNotTokenTransfer"),
            (Self.tx(data: [0x09, 0x5e, 0xa7, 0xb3] + calldata.dropFirst(4)), "calldataNotTokenTransfer"),
            (Self.tx(data: []), "calldataNotTokenTransfer"),
        ]
        for (tx, kind) in cases { #expect(Self.kind(tx, request) == kind, "\(tx)") }
    }

    @Test("a request for an unpinned token is refused even when the transaction matches it")
    func unpinnedRequestedToken() {
        let request = PaymentRequest(
            chainID: .base, asset: .token(Self.attacker), recipient: Self.payee, amount: 1, source: .uri("ethereum:x"))
        let tx = Self.tx(to: Self.attacker, data: ERC20Transfer(recipient: Self.payee, amount: 1).calldata)
        #expect(Self.kind(tx, request) == "tokenNotPinned")
        var policy = Policy.default
        policy.chains = policy.chains.map { rules in
            var rules = rules
            if rules.chainID == .base { rules.paymentTokens = [Self.usdc, Self.attacker] }
            return rules
        }
        let pinned = TransferVerifier(policy: policy)
        #expect(Self.kind(tx, request, verifier: pinned) == "accepted")
        #expect(Self.kind(Self.tx(), request, verifier: pinned) == "paymentMismatch")
    }

    @Test("each tampered native transfer is refused by its own rule")
    func tamperedNative() {
        let request = Self.nativeRequest
        let wei = UInt256.powerOfTen(15)
        let cases: [(EIP1559Transaction, String)] = [
            (Self.tx(to: Self.payee, value: wei, data: [0]), "nativeTransferHasCalldata"),
            (Self.tx(to: Self.attacker, value: wei, data: []), "paymentMismatch"),
            (Self.tx(to: Self.payee, value: wei + 1, data: []), "paymentMismatch"),
            (Self.tx(chain: .ethereum, to: Self.payee, value: wei, data: []), "requestChainMismatch"),
        ]
        for (tx, kind) in cases { #expect(Self.kind(tx, request) == kind, "\(tx)") }
    }

    @Test("a native request above the policy's value cap is refused; an unknown chain is not allowed")
    func policyLimits() {
        let big = UInt256.powerOfTen(18)  // 1 ETH, above Base's built-in 0.5 ETH cap
        let request = PaymentRequest(chainID: .base, asset: .native, recipient: Self.payee, amount: big, source: .uri("x"))
        #expect(Self.kind(Self.tx(to: Self.payee, value: big, data: []), request) == "limitExceeded")
        let other = PaymentRequest(
            chainID: ChainID(10), asset: .native, recipient: Self.payee, amount: 1, source: .uri("x"))
        #expect(Self.kind(Self.tx(chain: ChainID(10), to: Self.payee, value: 1, data: []), other) == "chainNotAllowed")
    }
}
