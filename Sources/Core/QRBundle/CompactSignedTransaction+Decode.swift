import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
public import QRTransport
import Secp256k1

extension CompactSignedTransaction {
    /// Decodes a UR, which must have type `coldcredits-signed`.
    public init(ur: UR) throws(QRBundleError) {
        guard ur.type == Self.urType else { throw .unexpectedType(expected: [Self.urType], found: ur.type) }
        try self.init(cbor: ur.cbor)
    }

    /// Decodes the CBOR strictly, re-encodes every raw transaction and re-reads the file's canonical JSON with
    /// `SignedTransactionFile(jsonData:)` (every signature must recover `from`; rungs must raise the fees).
    public init(cbor bytes: [UInt8]) throws(QRBundleError) {
        let f = try CompactFields(versionedCBOR: bytes, type: Self.urType, version: Self.version, names: Self.names)
        let from = try f.address(5)

        let t = try f.nested(6, names: Self.transactionNames)
        let transaction = EIP1559Transaction(
            chainID: ChainID(try t.uint64(0)), nonce: try t.uint64(1), maxPriorityFeePerGas: Wei(try t.uint256(2)),
            maxFeePerGas: Wei(try t.uint256(3)), gasLimit: try t.uint64(4), to: try t.address(5),
            value: Wei(try t.uint256(6)), data: try CompactCalldata.decode(t.item(7), path: t.field(7), payer: from))
        let primary = SignedTransaction(transaction: transaction, signature: try Self.signature(f, 7))

        var ladder: [SignedTransaction] = []
        let rungs: [CBOR]
        do { rungs = try f.item(8).arrayValue(field: f.field(8)) } catch { throw .transport(error) }
        for (index, rung) in rungs.enumerated() {
            let r = try CompactFields(rung, path: "\(f.field(8))[\(index)]", names: Self.rungNames)
            var replacement = transaction
            replacement.maxPriorityFeePerGas = Wei(try r.uint256(0))
            replacement.maxFeePerGas = Wei(try r.uint256(1))
            ladder.append(SignedTransaction(transaction: replacement, signature: try Self.signature(r, 2)))
        }

        let validUntil: UInt64
        if f.isNull(2) {
            guard let deadline = Self.deadline(of: transaction) else {
                throw f.invalid(2, "null needs calldata carrying an intent deadline")
            }
            validUntil = deadline
        } else {
            validUntil = try f.uint64(2)
            guard validUntil != Self.deadline(of: transaction) else {
                throw f.invalid(2, "must be null when it equals the intent's deadline")
            }
        }
        let rebuilt = SignedTransactionFile(
            transaction: primary, from: from, chargeID: try ChargeText.id(f.item(1), field: f.field(1)),
            validUntil: validUntil, signedAt: try f.uint64(3),
            unsignedBundleHash: Hash32(uncheckedBytes: try f.bytes(4, count: 32)), feeLadder: ladder)
        do { file = try SignedTransactionFile(jsonData: rebuilt.canonicalJSON()) } catch { throw .bundle(error) }
    }

    /// A 65-byte `r ‖ s ‖ yParity` field.
    static func signature(_ fields: CompactFields, _ index: Int) throws(QRBundleError) -> RecoverableSignature {
        let bytes = try fields.bytes(index, count: 65)
        do {
            return try RecoverableSignature(r: Array(bytes[0..<32]), s: Array(bytes[32..<64]), yParity: bytes[64])
        } catch {
            throw fields.invalid(index, error.description)
        }
    }
}
