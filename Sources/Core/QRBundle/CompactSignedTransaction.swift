public import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
public import QRTransport
import Secp256k1

/// The signed-transaction file as compact CBOR for the way back: UR type `coldcredits-signed`, version 1.
///
/// The raw transaction is carried as its fields, with the calldata in ``CompactCalldata`` form (the intent's
/// fields instead of the ABI padding) and the signature as 65 bytes `r ‖ s ‖ yParity`; ladder rungs, which
/// differ from the primary only in their fees (the signed format's rule), carry just those fees and their
/// signature. The reader re-encodes every raw transaction and re-reads the file through
/// `SignedTransactionFile(jsonData:)`, so every signature must recover `from` — an encoder disagreement
/// cannot go unnoticed. The top-level array, by position:
///
/// | # | field | CBOR |
/// |---|---|---|
/// | 0 | version | `1` |
/// | 1 | charge id | text, or 16 bytes for a lower-case UUID |
/// | 2 | validUntil | `null` when it equals the intent's deadline, else uint |
/// | 3 | signedAt | uint |
/// | 4 | unsignedBundleHash | 32 bytes |
/// | 5 | from | 20 bytes |
/// | 6 | transaction | `[chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, calldata]` |
/// | 7 | signature | 65 bytes |
/// | 8 | fee ladder | `[[maxPriorityFeePerGas, maxFeePerGas, signature], …]` |
public struct CompactSignedTransaction: Sendable, URPayload {
    /// The UR type.
    public static let urType = "coldcredits-signed"
    /// The version this build writes and reads.
    public static let version: UInt64 = 1

    /// The signed-transaction file.
    public let file: SignedTransactionFile

    static let names = [
        "version", "chargeId", "validUntil", "signedAt", "unsignedBundleHash", "from", "tx", "signature", "feeLadder",
    ]
    static let transactionNames = [
        "chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gas", "to", "value", "calldata",
    ]
    static let rungNames = ["maxPriorityFeePerGas", "maxFeePerGas", "signature"]

    /// Wraps `file`; its ladder rungs must differ from the primary transaction only in their fees.
    public init(file: SignedTransactionFile) throws(QRBundleError) {
        let primary = file.transaction.transaction
        for rung in file.feeLadder {
            var sameButFees = rung.transaction
            sameButFees.maxFeePerGas = primary.maxFeePerGas
            sameButFees.maxPriorityFeePerGas = primary.maxPriorityFeePerGas
            guard sameButFees == primary else {
                throw .notRepresentable(reason: "a fee-ladder rung differs from the primary in more than its fees")
            }
        }
        self.file = file
    }

    /// The intent's deadline when the calldata is the Transfers call.
    static func deadline(of transaction: EIP1559Transaction) -> UInt64? {
        CompactCalldata.transfersCall(transaction.data)?.intent.deadline.uint64
    }

    /// The deterministic CBOR.
    public var cbor: [UInt8] {
        let tx = file.transaction.transaction
        func signature(_ signed: SignedTransaction) -> CBOR {
            .bytes(signed.signature.r + signed.signature.s + [signed.signature.yParity])
        }
        let items: [CBOR] = [
            .unsigned(Self.version), ChargeText.idItem(file.chargeID),
            Self.deadline(of: tx) == file.validUntil ? .null : .unsigned(file.validUntil), .unsigned(file.signedAt),
            .bytes(file.unsignedBundleHash.bytes), .address(file.from),
            .array([
                .unsigned(tx.chainID.value), .unsigned(tx.nonce), .uint256(tx.maxPriorityFeePerGas.amount),
                .uint256(tx.maxFeePerGas.amount), .unsigned(tx.gasLimit), .address(tx.to), .uint256(tx.value.amount),
                CompactCalldata.encode(tx.data, payer: file.from),
            ]),
            signature(file.transaction),
            .array(
                file.feeLadder.map { rung in
                    .array([
                        .uint256(rung.transaction.maxPriorityFeePerGas.amount),
                        .uint256(rung.transaction.maxFeePerGas.amount), signature(rung),
                    ])
                }),
        ]
        return CBOR.array(items).encoded
    }

}
