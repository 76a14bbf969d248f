import SigningKeys
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRLP
import EthereumTransactions
import Foundation
import OfflineSigning
import QRBundle
import QRTransport
import Secp256k1
import TestSupport
import Testing

/// Bundles as ERC-4527 `eth-sign-request`s, requests back into bundles for the verifier, and `eth-signature`s.
@Suite struct ERC4527AdapterTests {
    static let path = try? CryptoKeypath(path: "m/44'/60'/0'/0/0")

    static func request(_ name: String) throws -> EthSignRequest {
        EthSignRequest(bundle: try Examples.unsigned(name), derivationPath: try #require(path))
    }

    @Test(
        "sign-data is the signing payload: its Keccak-256 is the signing hash eth-account recorded",
        arguments: Examples.unsignedNames)
    func signDataIsTheSigningPayload(name: String) throws {
        let request = try Self.request(name)
        #expect(request.dataType == .typedTransaction)
        #expect(request.signData.first == 0x02)
        #expect(Keccak256.hash(request.signData).hex == (try Examples.recordedSigningHash(name)))
        let decoded = try EthSignRequest(ur: UR(parsing: request.ur.string))
        #expect(decoded == request)
        #expect(try EIP1559Transaction(unsignedPayload: decoded.signData) == (try Examples.unsigned(name)).transaction)
        let frames = try QRFrames(ur: request.ur, density: QRDensity())
        let versions = try frames.frames(count: frames.stillFrameCount).map(\.matrix.version)
        print(
            "measured \(name): eth-sign-request \(request.cbor.count) bytes, \(frames.sequenceLength) frames, "
                + "version \(versions.max() ?? 0)-L"
        )
    }

    @Test("the request id is the signing hash's first 16 bytes as a version-8 UUID")
    func deterministicRequestID() throws {
        let bundle = try Examples.unsigned("sample-a-base.json")
        let id = EthSignRequest.requestID(for: bundle.signingHash).uuidString.lowercased()
        // 0xe63a05309ff1982d67344ac3259f35d2… with the version nibble 8 and the variant bits 10.
        #expect(id == "e63a0530-9ff1-882d-a734-4ac3259f35d2")
    }

    /// A nine-item payload with `items` replacing the start of a valid field list.
    static func payload(_ replaced: [Int: RLPItem]) -> [UInt8] {
        var items: [RLPItem] = [
            .bytes([1]), .bytes([]), .bytes([]), .bytes([]), .bytes([0x52, 0x08]),
            .bytes([UInt8](repeating: 1, count: 20)), .bytes([]), .bytes([]), .list([]),
        ]
        for (index, item) in replaced { items[index] = item }
        return [0x02] + RLP.encode(.list(items))
    }

    /// Unsigned payloads the strict decoder refuses: (payload, expected error).
    static let badPayloads: [([UInt8], QRBundleError)] = [
        ([], .transaction(.emptyInput)),
        ([0x01, 0xc0], .transaction(.unsupportedTransactionType(found: 1))),
        ([0xc0], .transaction(.wrongTransactionKind(expected: "EIP-1559", found: "legacy"))),
        (
            [0x02] + RLP.encode(.list([.bytes([1]), .bytes([2])])),
            .transaction(.wrongFieldCount(field: "transaction", expected: 9, found: 2))
        ),
        (payload([:]) + [0x80], .transaction(.rlp(.trailingBytes(offset: 32, count: 1)))),
        (payload([5: .bytes([])]), .transaction(.contractCreationNotSupported)),
        (payload([5: .bytes([1, 2])]), .transaction(.invalidAddressLength(field: "to", found: 2))),
        (payload([1: .bytes([0, 1])]), .transaction(.rlp(.leadingZeroInInteger(field: "nonce")))),
        (
            payload([2: .bytes([9])]),
            .transaction(.priorityFeeExceedsMaxFee(maxPriorityFeePerGas: Wei(9), maxFeePerGas: Wei(0)))
        ),
        (
            payload([8: .list([.list([.bytes([UInt8](repeating: 1, count: 20))])])]),
            .transaction(.wrongFieldCount(field: "accessList[0]", expected: 2, found: 1))
        ),
    ]

    @Test("the unsigned-payload decoder refuses what the signed decoder would", arguments: badPayloads.indices)
    func rejectsBadPayload(row: Int) throws {
        let (bytes, expected) = Self.badPayloads[row]
        #expect(throws: expected) { try EIP1559Transaction(unsignedPayload: bytes) }
    }

    @Test("a valid hand-built payload decodes to its fields")
    func decodesHandBuiltPayload() throws {
        let transaction = try EIP1559Transaction(unsignedPayload: Self.payload([1: .bytes([7])]))
        #expect(transaction.chainID == ChainID(1))
        #expect(transaction.nonce == 7)
        #expect(transaction.gasLimit == 21_000)
        #expect(transaction.to == Address(uncheckedBytes: [UInt8](repeating: 1, count: 20)))
    }

    @Test("a request becomes a bundle with the intent from the calldata and a synthetic charge id")
    func requestBecomesBundle() throws {
        let original = try Examples.unsigned("sandbox-polygon.json")
        let bundle = try IntentBundle(
            signRequest: Self.request("sandbox-polygon.json"), signer: Examples.payerKey.address, now: 4_102_441_000)
        #expect(bundle.transaction == original.transaction)
        #expect(bundle.charge.intent == original.charge.intent)
        #expect(bundle.charge.id == "intent-87f63f2d7350a8512b9175c29e03e5e3")
        #expect(bundle.charge.sender == Examples.payerKey.address)
        #expect(bundle.quote.amountIn.isZero)
    }

    @Test("requests outside what sign accepts are refused before the policy")
    func refusesOutsideRequests() throws {
        let good = try Self.request("sandbox-polygon.json")
        let signer = Examples.payerKey.address
        var message = good
        message.dataType = .rawBytes
        var anonymous = good
        anonymous.requestID = nil
        var otherChain = good
        otherChain.chainID = .base
        var otherAddress = good
        otherAddress.address = Examples.otherKey.address
        var transfer = try Examples.unsigned("sandbox-polygon.json").transaction
        transfer.data = []
        var plainTransfer = good
        plainTransfer.signData = transfer.signingPayload
        for (request, kind) in [
            (message, "signRequestRefused"), (anonymous, "signRequestRefused"),
            (otherChain, "signRequestRefused"), (otherAddress, "signerMismatch"),
            (plainTransfer, "signRequestRefused"),
        ] {
            #expect {
                try IntentBundle(signRequest: request, signer: signer, now: 4_102_441_000)
            } throws: { error in
                (error as? QRBundleError)?.kind == kind
            }
        }
    }

    static var policy: Policy {
        var policy = Policy.default
        for index in policy.chains.indices where policy.chains[index].chainID == .polygon {
            policy.chains[index].operators = [Address(uncheckedBytes: hexBytes("19e7e376e7c213b7e7e7e46cc70a5dd086daff2a"))]
        }
        return policy
    }

    @Test("the verifier passes the request's payment and checks the operator signature against the key")
    func verifierChecksTheRequest() throws {
        let request = try Self.request("sandbox-polygon.json")
        let now: UInt64 = 4_102_441_000
        let payer = Examples.payerKey.address
        let verifier = BundleVerifier(policy: Self.policy, now: now, keyAddress: payer, ledger: SigningLedger())
        let verified = try verifier.verify(IntentBundle(signRequest: request, signer: payer, now: now))
        #expect(verified.signingHash.hex == (try Examples.recordedSigningHash("sandbox-polygon.json")))
        #expect(verified.report.messages.contains { $0.text.contains("no quote") })

        // The same request for another key, without an address: the intent was not issued for that key.
        var anonymous = request
        anonymous.address = nil
        let other = Examples.otherKey.address
        let otherVerifier = BundleVerifier(policy: Self.policy, now: now, keyAddress: other, ledger: SigningLedger())
        #expect {
            try otherVerifier.verify(IntentBundle(signRequest: anonymous, signer: other, now: now))
        } throws: { error in
            (error as? VerificationError)?.kind == "operatorSignatureInvalid"
        }
    }

    @Test("eth-signature: answers with the request id, rebuilds the signed transaction, refuses another signer")
    func signatureRoundTrip() throws {
        let bundle = try Examples.unsigned("sandbox-polygon.json")
        let request = try Self.request("sandbox-polygon.json")
        let signed = bundle.transaction.signed(with: Examples.payerKey)
        let answer = try EthSignature(answering: request, with: signed)
        #expect(answer.requestID == request.requestID)
        let decoded = try EthSignature(ur: UR(parsing: answer.ur.string))
        let file = try SignedTransactionFile(bundle: bundle, ethSignature: decoded)
        #expect(file.transaction.rawTransaction == (try Examples.signed("sandbox-polygon.json")).transaction.rawTransaction)

        let v27 = try EthSignature(requestID: answer.requestID, r: answer.r, s: answer.s, v: UInt8(answer.v + 27))
        #expect(try SignedTransactionFile(bundle: bundle, ethSignature: v27).transaction == file.transaction)

        let forged = try EthSignature(
            answering: request, with: bundle.transaction.signed(with: Examples.otherKey))
        #expect(throws: QRBundleError.signerMismatch(expected: bundle.from, found: Examples.otherKey.address)) {
            try SignedTransactionFile(bundle: bundle, ethSignature: forged)
        }
        let otherRequest = try EthSignature(
            requestID: try #require(UUID(uuidString: "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d")), r: answer.r, s: answer.s, v: 0)
        #expect {
            try SignedTransactionFile(bundle: bundle, ethSignature: otherRequest)
        } throws: { error in
            (error as? QRBundleError)?.kind == "requestMismatch"
        }
    }
}
