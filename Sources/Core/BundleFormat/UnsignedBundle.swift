public import Foundation
public import EthereumPrimitives
public import EthereumTransactions
import StrictJSON

/// Whatever `prepare` wrote for `sign`: a transfer-intent bundle or a checkout bundle, told apart by the
/// document's `format`.
///
/// The two kinds share the transaction, the payer, the validity window, the ledger key and the canonical JSON;
/// what is checked against what differs, so ``OfflineSigning``'s verifier switches on the case.
public enum UnsignedBundle: Sendable {
    /// `coldcredits.unsigned-bundle`: a `swapAndTransferUniswapV3Native` call carrying an operator-signed intent.
    case intent(IntentBundle)
    /// `coldcredits.checkout-bundle`: an ERC-20 or native transfer paying a checkout.
    case checkout(CheckoutBundle)

    /// Reads either kind strictly; an unknown `format` is refused naming both known ones.
    public init(jsonData data: Data) throws(BundleError) {
        let header = try BundleReader(document: data)
        switch header.members["format"]?.stringValue {
        case CheckoutBundle.format?: self = .checkout(try CheckoutBundle(jsonData: data))
        case IntentBundle.format?, nil: self = .intent(try IntentBundle(jsonData: data))
        case let found?:
            throw .unexpectedFormat(expected: "\(IntentBundle.format) or \(CheckoutBundle.format)", found: found)
        }
    }

    /// The transaction to sign.
    public var transaction: EIP1559Transaction {
        switch self {
        case .intent(let bundle): return bundle.transaction
        case .checkout(let bundle): return bundle.transaction
        }
    }

    /// The paying address the bundle names.
    public var from: Address {
        switch self {
        case .intent(let bundle): return bundle.from
        case .checkout(let bundle): return bundle.from
        }
    }

    /// Unix seconds when `prepare` wrote it.
    public var createdAt: UInt64 {
        switch self {
        case .intent(let bundle): return bundle.createdAt
        case .checkout(let bundle): return bundle.createdAt
        }
    }

    /// Unix seconds after which it is useless (the intent's deadline, the checkout's expiry).
    public var validUntil: UInt64 {
        switch self {
        case .intent(let bundle): return bundle.validUntil
        case .checkout(let bundle): return bundle.validUntil
        }
    }

    /// The id "signed once" is recorded under: the charge id, `checkout:<id>` or `eip681:<hash>`.
    public var paymentID: String {
        switch self {
        case .intent(let bundle): return bundle.charge.id
        case .checkout(let bundle): return bundle.requestKey
        }
    }

    /// The canonical JSON of the document.
    public func canonicalJSON() -> Data {
        switch self {
        case .intent(let bundle): return bundle.canonicalJSON()
        case .checkout(let bundle): return bundle.canonicalJSON()
        }
    }

    /// The hash the key will sign, recomputed from the transaction fields.
    public var signingHash: SigningHash { transaction.signingHash }

    /// The fingerprint of ``signingHash``.
    public var fingerprint: Fingerprint { Fingerprint(signingHash.hash) }
}
