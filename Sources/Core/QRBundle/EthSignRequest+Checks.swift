import EthereumPrimitives
import EthereumTransactions
import QRTransport

extension EthSignRequest {
    /// The request's transaction after the checks every payment kind shares, for the key with address `signer`.
    ///
    /// Refused: a data type other than 4 (typed transaction); no request id (the answer could not be matched);
    /// `sign-data` that is not a strictly encoded unsigned type-2 payload; an access list; a `chain-id` other
    /// than the transaction's; an `address` other than `signer`. What the calldata must be is the caller's.
    func checkedTransaction(signer: Address) throws(QRBundleError) -> EIP1559Transaction {
        guard dataType == .typedTransaction else {
            throw .signRequestRefused(reason: "data type \(dataType.rawValue); only 4 (typed transaction) is signed")
        }
        guard requestID != nil else {
            throw .signRequestRefused(reason: "no request id, so the signature could not be matched to the request")
        }
        let transaction = try EIP1559Transaction(unsignedPayload: signData)
        guard transaction.accessList.isEmpty else {
            throw .signRequestRefused(reason: "the transaction has an access list; a payment never needs one")
        }
        guard effectiveChainID == transaction.chainID else {
            throw .signRequestRefused(
                reason: "chain-id \(effectiveChainID) differs from the transaction's \(transaction.chainID)")
        }
        if let address, address != signer { throw .signerMismatch(expected: signer, found: address) }
        return transaction
    }
}
