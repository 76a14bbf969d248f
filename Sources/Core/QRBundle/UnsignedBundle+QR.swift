public import BundleFormat
import EthereumABI
public import EthereumPrimitives
import EthereumTransactions
public import QRTransport

extension UnsignedBundle {
    /// Turns an ERC-4527 `eth-sign-request` into the kind of bundle its calldata is, for the key `signer` at `now`.
    ///
    /// Exactly a Transfers `swapAndTransferUniswapV3Native` call gives `.intent` (checks at
    /// `IntentBundle.init(signRequest:signer:now:)`); empty calldata or a call with the ERC-20 `transfer` selector
    /// gives `.checkout` (checks at `CheckoutBundle.init(signRequest:signer:now:)`, which refuses trailing bytes);
    /// any other calldata is refused naming both.
    public init(signRequest request: EthSignRequest, signer: Address, now: UInt64) throws(QRBundleError) {
        let transaction = try request.checkedTransaction(signer: signer)
        if CompactCalldata.transfersCall(transaction.data) != nil {
            self = .intent(try IntentBundle(signRequest: request, signer: signer, now: now))
        } else if transaction.data.isEmpty || transaction.data.starts(with: ERC20Transfer.selector) {
            self = .checkout(try CheckoutBundle(signRequest: request, signer: signer, now: now))
        } else {
            throw .signRequestRefused(
                reason: "the calldata is neither a Transfers swapAndTransferUniswapV3Native call nor an ERC-20 "
                    + "transfer(address,uint256) nor empty")
        }
    }

    /// Decodes a compact bundle of either UR type: `coldcredits-bundle` or `coldcredits-checkout`.
    public init(compactUR ur: UR) throws(QRBundleError) {
        switch ur.type {
        case CompactBundle.urType: self = .intent(try CompactBundle(ur: ur).bundle)
        case CompactCheckout.urType: self = .checkout(try CompactCheckout(ur: ur).bundle)
        default: throw .unexpectedType(expected: [CompactBundle.urType, CompactCheckout.urType], found: ur.type)
        }
    }

    /// The compact QR form of either kind (see ``CompactBundle`` and ``CompactCheckout``).
    public func compactUR() throws(QRBundleError) -> UR {
        switch self {
        case .intent(let bundle): return try CompactBundle(bundle: bundle).ur
        case .checkout(let bundle): return try CompactCheckout(bundle: bundle).ur
        }
    }
}

extension EthSignRequest {
    /// The ERC-4527 request for a checkout payment (built by the initialiser for `UnsignedBundle`).
    ///
    /// A signer sees only the transaction; ColdCredits' `sign` rebuilds the request as an EIP-681 URI and applies
    /// the checks listed at `CheckoutBundle.init(signRequest:signer:now:)`.
    public init(bundle: CheckoutBundle, derivationPath: CryptoKeypath) {
        self.init(bundle: .checkout(bundle), derivationPath: derivationPath)
    }

    /// The ERC-4527 request for either kind of bundle: data type 4 (typed transaction), `sign-data` =
    /// `0x02 ‖ rlp(nine fields)` (the signing payload), the chain id, the key's derivation path, the payer's
    /// address and the deterministic ``requestID(for:)`` — so any ERC-4527 signer can sign it.
    public init(bundle: UnsignedBundle, derivationPath: CryptoKeypath) {
        self.init(
            requestID: Self.requestID(for: bundle.signingHash), signData: bundle.transaction.signingPayload,
            dataType: .typedTransaction, chainID: bundle.transaction.chainID, derivationPath: derivationPath,
            address: bundle.from, origin: Self.coldCreditsOrigin)
    }
}

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
