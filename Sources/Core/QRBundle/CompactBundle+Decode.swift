import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
public import QRTransport

extension CompactBundle {
    /// Decodes a UR, which must have type `coldcredits-bundle`.
    public init(ur: UR) throws(QRBundleError) {
        guard ur.type == Self.urType else { throw .unexpectedType(expected: [Self.urType], found: ur.type) }
        try self.init(cbor: ur.cbor)
    }

    /// Decodes the CBOR strictly, rebuilds the bundle, checks the fingerprint and re-reads the bundle's
    /// canonical JSON with `IntentBundle(jsonData:)`.
    public init(cbor bytes: [UInt8]) throws(QRBundleError) {
        let f = try CompactFields(versionedCBOR: bytes, type: Self.urType, version: Self.version, names: Self.names)
        let fingerprint = try f.bytes(1, count: 8)
        let chainID = ChainID(try f.uint64(5))
        let contract = try f.address(6)
        let sender = try f.address(7)
        let from = try f.address(8, nullMeans: sender)
        let intent = try CompactIntent.decode(f.item(9), path: f.field(9), payer: sender)
        guard let deadline = intent.deadline.uint64 else {
            throw .invalidField(field: "\(f.field(9)).deadline", reason: "does not fit 64 bits")
        }

        let tx = try f.nested(10, names: Self.transactionNames)
        let tier = try tx.uint32(5)
        guard tier < 1 << 24 else { throw tx.invalid(5, "\(tier) does not fit uint24") }
        let transaction = EIP1559Transaction(
            chainID: chainID, nonce: try tx.uint64(0), maxPriorityFeePerGas: Wei(try tx.uint256(1)),
            maxFeePerGas: Wei(try tx.uint256(2)), gasLimit: try tx.uint64(3), to: contract,
            value: Wei(try tx.uint256(4)),
            data: TransfersContract.encodeSwapAndTransfer(intent: intent, poolFeesTier: tier))

        let q = try f.nested(11, names: Self.quoteNames)
        var quoteTier = tier
        if !q.isNull(0) {
            quoteTier = try q.uint32(0)
            guard quoteTier != tier else { throw q.invalid(0, "must be null when it equals the call's tier \(tier)") }
        }
        let quote = IntentBundle.QuoteContext(
            poolFeesTier: quoteTier, amountIn: try q.uint256(1), slippageBPS: try q.uint32(2), quoter: try q.address(3))
        let fees = try f.nested(12, names: Self.feeNames)
        let feeContext = IntentBundle.FeeContext(baseFeePerGas: try fees.uint256(0), gasEstimate: try fees.uint64(1))

        let spellings = try ChargeText.Spellings(code: f.uint64(14), field: f.field(14))
        let chargeObject = try ChargeText.object(
            id: ChargeText.id(f.item(2), field: f.field(2)),
            createdAt: ChargeText.time(f.item(3), deadline: deadline, field: f.field(3)),
            expiresAt: ChargeText.time(f.item(4), deadline: deadline, field: f.field(4)),
            chainID: chainID, contract: contract, sender: sender, intent: intent, spellings: spellings)
        let createdAt = try f.uint64(13)
        let rebuilt: IntentBundle
        do {
            let charge = try Charge(dataObject: chargeObject, path: "charge")
            rebuilt = IntentBundle(
                createdAt: createdAt, charge: charge, from: from, transaction: transaction, quote: quote,
                fees: feeContext)
        } catch { throw .bundle(error) }

        let recomputed = Array(rebuilt.signingHash.hash.bytes.prefix(8))
        guard recomputed == fingerprint else {
            throw .fingerprintMismatch(carried: Hex.encode(fingerprint), recomputed: Hex.encode(recomputed))
        }
        // Every rule of the JSON format (and its reader's strictness) applies to what the QR code carried.
        do { self.bundle = try IntentBundle(jsonData: rebuilt.canonicalJSON()) } catch { throw .bundle(error) }
    }
}
