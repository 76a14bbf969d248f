public import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
public import Foundation

/// What `broadcast` is given, turned into the one ``SignedTransactionFile`` it sends: the signed file `sign`
/// wrote or a bare raw transaction, checked against the unsigned bundle when one is given.
public enum BroadcastInput {
    /// Parses `data`: a `coldcredits.signed-transaction` document, or a raw `0x02…` transaction in hex.
    public static func signed(_ data: Data) throws(BroadcastError) -> SignedTransactionFile {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("{") else { return try fromRaw(text) }
        do { return try SignedTransactionFile(jsonData: data) } catch { throw .invalidInput(error.description) }
    }

    /// Refuses `file` unless its signing hash is `bundle`'s, then takes the bundle's charge id (a raw transaction
    /// or a QR-compact form carries none).
    public static func check(_ file: inout SignedTransactionFile, against bundle: IntentBundle) throws(BroadcastError) {
        guard bundle.signingHash == file.transaction.signingHash else {
            throw .bundleMismatch(signed: file.transaction.signingHash, bundle: bundle.signingHash)
        }
        file.chargeID = bundle.charge.id
    }

    /// Refuses `file` unless its signing hash is `bundle`'s (either kind), then takes the bundle's payment id
    /// (`checkout:<id>` or `eip681:<hash>` for a checkout) and validity.
    public static func check(_ file: inout SignedTransactionFile, against bundle: UnsignedBundle) throws(BroadcastError) {
        guard bundle.signingHash == file.transaction.signingHash else {
            throw .bundleMismatch(signed: file.transaction.signingHash, bundle: bundle.signingHash)
        }
        file.chargeID = bundle.paymentID
        if case .checkout(let checkout) = bundle { file.validUntil = checkout.validUntil }
    }

    /// Wraps a raw `0x02…` transaction: the sender is recovered, the deadline decoded from the calldata; the charge
    /// id is derived from the bytes (``SignedPayment/derivedChargeID(hash:)``).
    public static func fromRaw(_ text: String) throws(BroadcastError) -> SignedTransactionFile {
        let raw: [UInt8]
        do { raw = try Hex.decode(text, field: "raw transaction") } catch { throw .invalidInput(error.description) }
        let signed: SignedTransaction
        do { signed = try SignedTransaction(rawTransaction: raw) } catch { throw .invalidInput(error.description) }
        let from: Address
        do { from = try signed.recoverSender() } catch { throw .invalidInput(error.description) }
        let payment = SignedPayment(signed.transaction)
        return SignedTransactionFile(
            transaction: signed, from: from, chargeID: payment.derivedChargeID(hash: signed.transactionHash),
            validUntil: payment.intent?.deadline.uint64 ?? .max, signedAt: 0,
            unsignedBundleHash: Hash32(uncheckedBytes: [UInt8](repeating: 0, count: 32)))
    }

    /// `SIGNED.state.json` beside a file; `broadcast.state.json` for stdin; otherwise (QR input)
    /// `broadcast-<first 8 hex digits of the hash>.state.json`.
    public static func defaultStatePath(signed: String?, file: SignedTransactionFile) -> String {
        if let signed, signed != "-" { return signed + ".state.json" }
        if signed == "-" { return "broadcast.state.json" }
        return "broadcast-" + String(file.transaction.transactionHash.hex.dropFirst(2).prefix(8)) + ".state.json"
    }
}
