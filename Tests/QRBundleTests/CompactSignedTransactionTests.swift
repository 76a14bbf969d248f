import SigningKeys
import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import QRBundle
import QRTransport
import Secp256k1
import TestSupport
import Testing

/// The signed-transaction files of `formats/` through the compact CBOR form and back.
@Suite struct CompactSignedTransactionTests {
    @Test(
        "compact → file gives the same raw transactions and the same canonical JSON",
        arguments: Examples.signedNames)
    func roundTrip(name: String) throws {
        let original = try Examples.signed(name)
        let compact = try CompactSignedTransaction(file: original)
        let decoded = try CompactSignedTransaction(ur: UR(parsing: compact.ur.string.uppercased())).file
        #expect(decoded.allTransactions.map(\.rawTransaction) == original.allTransactions.map(\.rawTransaction))
        #expect(decoded.canonicalJSON() == (try Examples.signedData(name)))
        let frames = try QRFrames(ur: compact.ur, density: QRDensity())
        let version = try frames.frames(count: 1)[0].matrix.version
        print(
            "measured \(name): coldcredits-signed \(compact.cbor.count) bytes, \(frames.sequenceLength) frame(s), "
                + "version \(version)-L"
        )
    }

    @Test("a signed payment without a ladder fits one frame of version 16 at level L")
    func primaryFitsOneFrame() throws {
        let compact = try CompactSignedTransaction(file: Examples.signed("sandbox-polygon.json"))
        #expect(compact.cbor.count <= 400, "\(compact.cbor.count) bytes")
        #expect(try QRFrames(ur: compact.ur, density: QRDensity()).isSinglePart)
    }

    @Test("a changed signature no longer recovers from and is refused")
    func tamperedSignature() throws {
        let compact = try CompactSignedTransaction(file: Examples.signed("sandbox-polygon.json"))
        let item = try CBOR.decode(compact.cbor)
        guard case .bytes(var signature) = Examples.element(item, at: [7]) else { Issue.record("no signature"); return }
        signature[40] ^= 1
        #expect {
            try CompactSignedTransaction(cbor: Examples.replacing(item, at: [7], with: .bytes(signature)).encoded)
        } throws: { error in
            guard case .bundle(let inner) = error as? QRBundleError else { return false }
            return inner.kind == "inconsistent" || inner.kind == "invalidField"
        }
    }

    @Test("a ladder rung with lower fees is refused by the signed format's rule")
    func ladderMustRise() throws {
        let compact = try CompactSignedTransaction(file: Examples.signed("sandbox-polygon-fee-ladder.json"))
        let item = try CBOR.decode(compact.cbor)
        let tampered = Examples.replacing(item, at: [8, 1, 1], with: .unsigned(1))
        #expect {
            try CompactSignedTransaction(cbor: tampered.encoded)
        } throws: { error in
            guard case .bundle = error as? QRBundleError else { return false }
            return true
        }
    }

    @Test("calldata that is not a Transfers call travels as bytes")
    func otherCalldataTravelsAsBytes() throws {
        let key = Examples.payerKey
        let transaction = EIP1559Transaction(
            chainID: .polygon, nonce: 1, maxPriorityFeePerGas: Wei(1), maxFeePerGas: Wei(2), gasLimit: 21_000,
            to: Address(uncheckedBytes: [UInt8](repeating: 7, count: 20)), value: Wei(5), data: [1, 2, 3])
        let file = SignedTransactionFile(
            transaction: transaction.signed(with: key), from: key.address, chargeID: "x", validUntil: 9,
            signedAt: 8, unsignedBundleHash: Hash32(uncheckedBytes: [UInt8](repeating: 3, count: 32)))
        let decoded = try CompactSignedTransaction(cbor: CompactSignedTransaction(file: file).cbor).file
        #expect(decoded.canonicalJSON() == file.canonicalJSON())
    }

    @Test("a Transfers call written as bytes is refused as non-canonical")
    func transfersCallAsBytesIsRefused() throws {
        let file = try Examples.signed("sandbox-polygon.json")
        let compact = try CompactSignedTransaction(file: file)
        let item = Examples.replacing(try CBOR.decode(compact.cbor), at: [6, 7], with: .bytes(file.transaction.transaction.data))
        #expect {
            try CompactSignedTransaction(cbor: item.encoded)
        } throws: { error in
            (error as? QRBundleError)?.kind == "invalidField"
        }
    }
}
