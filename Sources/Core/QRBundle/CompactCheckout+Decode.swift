import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
public import QRTransport

extension CompactCheckout {
    /// Decodes a UR, which must have type `coldcredits-checkout`.
    public init(ur: UR) throws(QRBundleError) {
        guard ur.type == Self.urType else { throw .unexpectedType(expected: [Self.urType], found: ur.type) }
        try self.init(cbor: ur.cbor)
    }

    /// Decodes the CBOR strictly, parses the request, rebuilds the transaction from it, checks the fingerprint
    /// and re-reads the bundle's canonical JSON with `CheckoutBundle(jsonData:)`.
    public init(cbor bytes: [UInt8]) throws(QRBundleError) {
        let f = try CompactFields(versionedCBOR: bytes, type: Self.urType, version: Self.version, names: Self.names)
        let fingerprint = try f.bytes(1, count: 8)
        let requestText: CheckoutBundle.RequestText
        if case .text(let uri) = f.item(2) {
            requestText = .uri(uri)
        } else {
            requestText = .checkout(try CheckoutDocumentText.decode(f.item(2), path: f.field(2)))
        }
        let request: PaymentRequest
        do { request = try CheckoutBundle.parse(requestText).request } catch { throw .bundle(error) }
        let call = Self.call(for: request)

        let tx = try f.nested(5, names: Self.transactionNames)
        let transaction = EIP1559Transaction(
            chainID: request.chainID, nonce: try tx.uint64(0), maxPriorityFeePerGas: Wei(try tx.uint256(1)),
            maxFeePerGas: Wei(try tx.uint256(2)), gasLimit: try tx.uint64(3), to: call.to,
            value: Wei(try tx.uint256(4)), data: call.data)
        let fees = try f.nested(6, names: Self.feeNames)
        let feeContext = UnsignedBundleV1.FeeContext(baseFeePerGas: try fees.uint256(0), gasEstimate: try fees.uint64(1))
        let b = try f.nested(7, names: Self.balanceNames)
        let balances = CheckoutBundle.Balances(native: try b.uint256(0), token: b.isNull(1) ? nil : try b.uint256(1))

        let createdAt = try f.uint64(3)
        let from = try f.address(4)
        let rebuilt: CheckoutBundle
        do {
            rebuilt = try CheckoutBundle(
                createdAt: createdAt, requestText: requestText, from: from, transaction: transaction, fees: feeContext,
                balances: balances)
        } catch { throw .bundle(error) }
        let recomputed = Array(rebuilt.signingHash.hash.bytes.prefix(8))
        guard recomputed == fingerprint else {
            throw .fingerprintMismatch(carried: Hex.encode(fingerprint), recomputed: Hex.encode(recomputed))
        }
        // Every rule of the JSON format (and its reader's strictness) applies to what the QR code carried.
        do { self.bundle = try CheckoutBundle(jsonData: rebuilt.canonicalJSON()) } catch { throw .bundle(error) }
    }
}
