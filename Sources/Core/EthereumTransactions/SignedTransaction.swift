public import EthereumPrimitives
package import EthereumRLP
public import Secp256k1

/// A signed EIP-1559 transaction: the transaction, its signature, and the exact raw bytes
/// (`0x02 ‖ rlp([nine fields, yParity, r, s])`) it was decoded from or encoded to.
///
/// Immutable. The bytes are kept rather than re-encoded later (as swift-certificates keeps
/// `tbsCertificateBytes`), so ``transactionHash`` is always the hash of exactly what is broadcast.
/// Build one with ``EIP1559Transaction/signed(with:)``, ``init(transaction:signature:)`` or the strict
/// decoder ``init(rawTransaction:)``; find the signer with ``recoverSender()``.
public struct SignedTransaction: Hashable, Sendable {
    /// The unsigned fields.
    public let transaction: EIP1559Transaction
    /// The low-s signature over ``signingHash``.
    public let signature: RecoverableSignature
    /// The EIP-2718 envelope, as sent with `eth_sendRawTransaction`.
    public let rawTransaction: [UInt8]

    /// Attaches a signature made elsewhere and encodes the envelope.
    ///
    /// - Warning: Nothing checks that `signature` was made over this transaction's signing hash; call
    ///   ``recoverSender()`` and compare with the expected sender.
    public init(transaction: EIP1559Transaction, signature: RecoverableSignature) {
        self.init(transaction: transaction, signature: signature, fields: transaction.rlpFields)
    }

    /// Encodes with the nine field items the caller already built.
    package init(transaction: EIP1559Transaction, signature: RecoverableSignature, fields: [RLPItem]) {
        self.transaction = transaction
        self.signature = signature
        rawTransaction = EIP1559Transaction.rawTransaction(fields: fields, signature: signature)
    }

    /// Decodes a signed type-2 transaction strictly.
    ///
    /// Refused, each with its own ``TransactionError``: another type byte; anything but exactly one RLP list
    /// of 12 items (trailing bytes included); non-canonical or oversized integers; a `to` that is empty or
    /// not 20 bytes; access-list addresses that are not 20 bytes and storage keys that are not 32; a
    /// `yParity` other than 0/1; r or s zero or not below n; a high s; a priority fee above the max fee.
    /// The signer is not recovered here; see ``recoverSender()``.
    public init(rawTransaction raw: [UInt8]) throws(TransactionError) {
        guard let typeByte = raw.first else { throw .emptyInput }
        guard typeByte == EIP1559Transaction.transactionType else {
            if typeByte <= 0x7f { throw .unsupportedTransactionType(found: typeByte) }
            if typeByte >= 0xc0 && typeByte != 0xff {
                throw .wrongTransactionKind(expected: "EIP-1559", found: "legacy")
            }
            throw .invalidEnvelope(firstByte: typeByte)
        }
        let payload = try TransactionError.wrapping { () throws(RLPError) in try RLP.decode(Array(raw[1...])) }
        let items = try RLPFieldReader.fields(payload, count: EIP1559Transaction.signedFieldCount)
        let transaction = try EIP1559Transaction(rlpFields: items[0..<EIP1559Transaction.unsignedFieldCount])
        let yParity = try RLPFieldReader.uint64(items[9], field: "yParity")
        guard yParity <= 1 else { throw .invalidYParity(found: yParity) }
        let signature = try RLPFieldReader.signature(r: items[10], s: items[11], yParity: UInt8(yParity))
        self.transaction = transaction
        self.signature = signature
        rawTransaction = raw
    }

    /// Keccak-256 of ``rawTransaction``: the hash explorers and receipts use.
    public var transactionHash: TransactionHash { TransactionHash(rawTransaction: rawTransaction) }

    /// The digest that was signed.
    public var signingHash: SigningHash { transaction.signingHash }

    /// Recovers the address whose key made ``signature`` over ``signingHash``.
    public func recoverSender() throws(TransactionError) -> Address {
        do {
            return try signature.recoverAddress(digest: signingHash.hash)
        } catch {
            throw .senderRecoveryFailed(reason: error.description)
        }
    }
}
