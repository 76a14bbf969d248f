public import Foundation
public import EthereumPrimitives
public import EthereumTransactions
import StrictJSON

/// What `sign --out` writes and `broadcast` reads: format `coldcredits.signed-transaction`, version 1.
///
/// The raw transaction is the authority: every other field (hash, signer, nonce, fingerprint) is checked
/// against what the raw bytes decode to when the file is read. An optional fee ladder holds replacements for
/// the same nonce with rising fees, so `broadcast` can unstick a payment without another trip to the cold machine.
public struct SignedTransactionFileV1: Sendable {
    /// The `format` value.
    public static let format = "coldcredits.signed-transaction"
    /// The `version` this type reads and writes.
    public static let version = 1

    /// The primary signed transaction.
    public var transaction: SignedTransaction
    /// The recovered (and declared) signer.
    public var from: Address
    /// The charge id this payment settles.
    public var chargeID: String
    /// Unix seconds after which the intent has expired.
    public var validUntil: UInt64
    /// Unix seconds when the cold machine signed.
    public var signedAt: UInt64
    /// Keccak-256 of the unsigned bundle's canonical JSON, tying this file to the bundle it came from.
    public var unsignedBundleHash: Hash32
    /// Replacements with rising fees, lowest first; empty without `--fee-ladder`.
    public var feeLadder: [SignedTransaction]

    /// Creates a file value; `from` must be the recovered signer of every transaction (checked by the reader).
    public init(
        transaction: SignedTransaction, from: Address, chargeID: String, validUntil: UInt64, signedAt: UInt64,
        unsignedBundleHash: Hash32, feeLadder: [SignedTransaction] = []
    ) {
        self.transaction = transaction
        self.from = from
        self.chargeID = chargeID
        self.validUntil = validUntil
        self.signedAt = signedAt
        self.unsignedBundleHash = unsignedBundleHash
        self.feeLadder = feeLadder
    }

    /// The fingerprint of the signing hash, as `prepare` and `sign` showed it.
    public var fingerprint: Fingerprint { Fingerprint(transaction.signingHash.hash) }

    /// Every transaction in sending order: the primary one, then the ladder.
    public var allTransactions: [SignedTransaction] { [transaction] + feeLadder }

    /// The canonical JSON.
    public func canonicalJSON() -> Data {
        func entry(_ tx: SignedTransaction) -> JSONValue {
            [
                "rawTransaction": .string(Hex.encode(tx.rawTransaction)), "transactionHash": .string(tx.transactionHash.hex),
                "maxFeePerGas": .string(tx.transaction.maxFeePerGas.amount.quantity),
                "maxPriorityFeePerGas": .string(tx.transaction.maxPriorityFeePerGas.amount.quantity),
            ]
        }
        let object: JSONValue = [
            "format": .string(Self.format), "version": JSONValue(UInt64(Self.version)),
            "rawTransaction": .string(Hex.encode(transaction.rawTransaction)),
            "transactionHash": .string(transaction.transactionHash.hex),
            "signingHash": .string(transaction.signingHash.hex), "fingerprint": .string(fingerprint.description),
            "from": .string(from.checksummed), "chainId": .string(UInt256(transaction.transaction.chainID.value).quantity),
            "nonce": .string(UInt256(transaction.transaction.nonce).quantity), "chargeId": .string(chargeID),
            "validUntil": JSONValue(validUntil), "signedAt": JSONValue(signedAt),
            "unsignedBundleHash": .string(unsignedBundleHash.hex), "feeLadder": .array(feeLadder.map(entry)),
        ]
        return object.canonicalDocument
    }

    /// Reads a file strictly and checks every declared field against the decoded raw transactions.
    public init(jsonData data: Data) throws(BundleError) {
        var top = try BundleReader(document: data)
        try FormatHeader.check(&top, format: Self.format, version: Self.version)
        transaction = try Self.decodeRaw(try top.bytes("rawTransaction"), path: "rawTransaction")
        let declaredHash = try top.hash("transactionHash")
        let declaredSigningHash = try top.hash("signingHash")
        let declaredFingerprint = try top.string("fingerprint")
        from = try top.address("from")
        let chainID = try top.quantity64("chainId")
        let nonce = try top.quantity64("nonce")
        chargeID = try top.string("chargeId")
        try ChargeID.check(chargeID, path: "chargeId")
        validUntil = try top.integer("validUntil")
        signedAt = try top.integer("signedAt")
        unsignedBundleHash = try top.hash("unsignedBundleHash")
        var ladder: [SignedTransaction] = []
        for item in try top.array("feeLadder") {
            let path = item.path
            var rung = try item.object()
            let tx = try Self.decodeRaw(try rung.bytes("rawTransaction"), path: rung.childPath("rawTransaction"))
            guard try rung.hash("transactionHash") == tx.transactionHash.hash,
                try rung.quantity("maxFeePerGas") == tx.transaction.maxFeePerGas.amount,
                try rung.quantity("maxPriorityFeePerGas") == tx.transaction.maxPriorityFeePerGas.amount
            else { throw .inconsistent(path: path, reason: "declared hash or fees differ from the raw transaction") }
            try rung.finish()
            ladder.append(tx)
        }
        feeLadder = ladder
        try top.finish()

        guard declaredHash == transaction.transactionHash.hash else {
            throw .inconsistent(
                path: "transactionHash", reason: "is not the hash of rawTransaction (\(transaction.transactionHash))")
        }
        guard declaredSigningHash == transaction.signingHash.hash else {
            throw .signingHashMismatch(recorded: declaredSigningHash, recomputed: transaction.signingHash.hash)
        }
        guard declaredFingerprint == fingerprint.description else {
            throw .inconsistent(path: "fingerprint", reason: "expected \(fingerprint)")
        }
        guard chainID == transaction.transaction.chainID.value, nonce == transaction.transaction.nonce else {
            throw .inconsistent(path: "chainId", reason: "chainId or nonce differ from rawTransaction")
        }
        try Self.checkLadder(primary: transaction, ladder: ladder, from: from)
    }

    static func decodeRaw(_ raw: [UInt8], path: String) throws(BundleError) -> SignedTransaction {
        do { return try SignedTransaction(rawTransaction: raw) } catch {
            throw .invalidField(path: path, reason: error.description)
        }
    }

    /// Every transaction must recover to `from`; ladder rungs must replace the primary (same chain, nonce,
    /// destination, value, data and gas) with strictly rising fees.
    static func checkLadder(primary: SignedTransaction, ladder: [SignedTransaction], from: Address) throws(BundleError) {
        var previous = primary.transaction
        for (index, tx) in ([primary] + ladder).enumerated() {
            let path = index == 0 ? "rawTransaction" : "feeLadder[\(index - 1)]"
            let signer: Address
            do { signer = try tx.recoverSender() } catch { throw .invalidField(path: path, reason: error.description) }
            guard signer == from else { throw .inconsistent(path: path, reason: "signed by \(signer), file says from \(from)") }
            guard index > 0 else { continue }
            let t = tx.transaction
            guard t.chainID == previous.chainID, t.nonce == previous.nonce, t.to == previous.to, t.value == previous.value,
                t.data == previous.data, t.gasLimit == previous.gasLimit
            else { throw .inconsistent(path: path, reason: "a ladder rung must differ from the primary only in its fees") }
            guard t.maxFeePerGas > previous.maxFeePerGas, t.maxPriorityFeePerGas > previous.maxPriorityFeePerGas else {
                throw .inconsistent(path: path, reason: "ladder fees must rise strictly")
            }
            previous = t
        }
    }
}

/// The name the rest of the code uses for the current version.
public typealias SignedTransactionFile = SignedTransactionFileV1
