import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRLP
import EthereumTransactions
import Foundation
import QRBundle
import QRTransport
import SigningKeys
import Testing

/// Checkout payments as ERC-4527 `eth-sign-request`s and back: the request is rebuilt as an EIP-681 URI, and only
/// an exact ERC-20 `transfer` or a plain native transfer is accepted.
@Suite struct CheckoutSignRequestTests {
    static let path = try? CryptoKeypath(path: "m/44'/60'/0'/0/0")
    static let now: UInt64 = 1_796_400_100

    static func request(_ bundle: CheckoutBundle) throws -> EthSignRequest {
        EthSignRequest(bundle: .checkout(bundle), derivationPath: try #require(path))
    }

    static func decode(_ request: EthSignRequest) throws -> CheckoutBundle {
        let reread = try EthSignRequest(ur: UR(parsing: request.ur.string))
        guard case .checkout(let bundle) = try UnsignedBundle(signRequest: reread, signer: CheckoutExamples.payer, now: now)
        else { throw QRBundleError.signRequestRefused(reason: "dispatched as an intent") }
        return bundle
    }

    @Test("token and native payments round-trip to the same transaction and an EIP-681 request that parses back")
    func roundTrip() throws {
        let cases = [
            (
                "uri-token",
                "ethereum:\(CheckoutExamples.baseUSDC)@8453/transfer?address=\(CheckoutExamples.deposit)&uint256=10500000"
            ),
            (
                "checkout",
                "ethereum:\(CheckoutExamples.baseUSDC)@8453/transfer?address=\(CheckoutExamples.deposit)&uint256=10500000"
            ),
            ("uri-native", "ethereum:\(CheckoutExamples.deposit)@8453?value=10000000000000000"),
        ]
        for (name, uri) in cases {
            let original = try CheckoutExamples.named(name)
            let request = try Self.request(original)
            #expect(Keccak256.hash(request.signData) == original.signingHash.hash)
            let bundle = try Self.decode(request)
            #expect(bundle.transaction == original.transaction)
            #expect(bundle.signingHash == original.signingHash)
            #expect(bundle.requestText == .uri(uri))
            #expect(bundle.from == CheckoutExamples.payer)
            #expect(bundle.request.recipient == original.request.recipient)
            #expect(bundle.request.amount == original.request.amount)
            #expect(bundle.request.asset == original.request.asset)
            #expect(bundle.validUntil == Self.now + CheckoutBundle.uriValiditySeconds)
            #expect(try PaymentRequest(eip681: uri).amount == original.request.amount)
            #expect(try CheckoutBundle(jsonData: bundle.canonicalJSON()).canonicalJSON() == bundle.canonicalJSON())
            let frames = try QRFrames(ur: request.ur, density: QRDensity())
            let version = try frames.frames(count: 1).map(\.matrix.version).max() ?? 0
            print(
                "measured \(name): eth-sign-request \(request.cbor.count) bytes, \(frames.sequenceLength) frame(s), version \(version)-L"
            )
        }
    }

    @Test("an intent request is dispatched to the intent path")
    func intentDispatch() throws {
        let intent = try Examples.unsigned("sandbox-polygon.json")
        let request = EthSignRequest(bundle: .intent(intent), derivationPath: try #require(Self.path))
        guard case .intent(let bundle) = try UnsignedBundle(signRequest: request, signer: intent.from, now: Self.now) else {
            Issue.record("an intent request was not dispatched to .intent")
            return
        }
        #expect(bundle.transaction == intent.transaction)
    }

    static func refusedKind(_ tweak: (inout EIP1559Transaction) -> Void) throws -> String {
        var tx = try CheckoutExamples.named("uri-token").transaction
        tweak(&tx)
        let request = EthSignRequest(
            requestID: UUID(), signData: tx.signingPayload, dataType: .typedTransaction, chainID: tx.chainID,
            derivationPath: try #require(path), address: CheckoutExamples.payer, origin: "attacker")
        do throws(QRBundleError) {
            _ = try UnsignedBundle(signRequest: request, signer: CheckoutExamples.payer, now: now)
            return "accepted"
        } catch { return error.kind }
    }

    @Test("calldata other than an exact transfer, or a transfer carrying value, is refused")
    func refusals() throws {
        let recipient = try Address(hex: CheckoutExamples.deposit)
        let approve =
            ABI.selector("approve(address,uint256)") + Array(ERC20Transfer(recipient: recipient, amount: 1).calldata.dropFirst(4))
        #expect(try Self.refusedKind { $0.data += [0] } == "signRequestRefused")
        #expect(try Self.refusedKind { $0.data += [UInt8](repeating: 0, count: 32) } == "signRequestRefused")
        #expect(try Self.refusedKind { $0.data = approve } == "signRequestRefused")
        #expect(try Self.refusedKind { $0.data = Array($0.data.prefix(36)) } == "signRequestRefused")
        #expect(try Self.refusedKind { $0.value = Wei(1) } == "signRequestRefused")
        #expect(try Self.refusedKind { $0.data = [] } == "signRequestRefused")
        #expect(try Self.refusedKind { $0.data = ERC20Transfer(recipient: recipient, amount: 0).calldata } == "invalidField")
        #expect(try Self.refusedKind { $0.data = ERC20Transfer(recipient: .zero, amount: 5).calldata } == "invalidField")
        #expect(try Self.refusedKind { $0.accessList = [AccessListEntry(address: recipient)] } == "signRequestRefused")
        #expect(try Self.refusedKind { _ in } == "accepted")
    }

    @Test("a request naming another signer is refused")
    func otherSigner() throws {
        let request = try Self.request(CheckoutExamples.named("uri-token"))
        #expect(throws: QRBundleError.signerMismatch(expected: Examples.otherKey.address, found: CheckoutExamples.payer)) {
            try UnsignedBundle(signRequest: request, signer: Examples.otherKey.address, now: Self.now)
        }
    }
}
