import BundleFormat
import CommandLineSupport
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation

/// Reads what `sign` produced: the signed-transaction file, or a bare raw transaction in hex.
enum SignedInput {
    static func read(_ path: String, bundle: String?) throws -> SignedTransactionFile {
        let data = try InputFile.read(path, what: .signedTransaction)
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var file: SignedTransactionFile
        if text.hasPrefix("{") {
            file = try SignedTransactionFile(jsonData: data)
        } else {
            file = try fromRaw(text)
        }
        if let bundle {
            let unsigned = try UnsignedBundle(jsonData: try InputFile.read(bundle, what: .bundle))
            guard unsigned.signingHash == file.transaction.signingHash else {
                throw CommandError(
                    kind: "bundleMismatch",
                    message:
                        "the signed transaction's signing hash \(file.transaction.signingHash) is not the bundle's \(unsigned.signingHash); refusing to send",
                    exitStatus: .dataError)
            }
            file.chargeID = unsigned.charge.id
        }
        return file
    }

    /// Wraps a raw `0x02…` transaction: the sender is recovered, the deadline decoded from the calldata.
    static func fromRaw(_ text: String) throws -> SignedTransactionFile {
        let invalid = { (reason: String) in
            CommandError(kind: "invalidInput", message: "signed transaction: \(reason)", exitStatus: .dataError)
        }
        let raw: [UInt8]
        do { raw = try Hex.decode(text, field: "raw transaction") } catch { throw invalid(error.description) }
        let signed: SignedTransaction
        do { signed = try SignedTransaction(rawTransaction: raw) } catch { throw invalid(error.description) }
        let from: Address
        do { from = try signed.recoverSender() } catch { throw invalid(error.description) }
        let intent = try? TransfersContract.decodeSwapAndTransfer(signed.transaction.data).intent
        return SignedTransactionFile(
            transaction: signed, from: from, chargeID: intent.map { "intent-" + Hex.encode($0.id, prefix: false) } ?? "unknown",
            validUntil: intent?.deadline.uint64 ?? .max, signedAt: 0,
            unsignedBundleHash: Hash32(uncheckedBytes: [UInt8](repeating: 0, count: 32)))
    }
}
