public import Foundation
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import StrictJSON

extension UnsignedBundleV1 {
    /// Reads a bundle strictly: header first, then every field; unknown fields, non-canonical quantities,
    /// a recorded signing hash or fingerprint that differs from the recomputed one are all refused.
    public init(jsonData data: Data) throws(BundleError) {
        var top = try BundleReader(document: data)
        try FormatHeader.check(&top, format: Self.format, version: Self.version)
        createdAt = try top.integer("createdAt")
        let validUntil = try top.integer("validUntil")
        charge = try Charge(dataObject: try top.object("charge"))
        from = try top.address("from")
        var tx = try top.object("transaction")
        transaction = try Self.readTransaction(&tx)
        var q = try top.object("quote")
        guard let tier = UInt32(exactly: try q.integer("poolFeesTier")),
            let slippage = UInt32(exactly: try q.integer("slippageBps"))
        else {
            throw .invalidField(path: "quote", reason: "poolFeesTier and slippageBps must fit 32 bits")
        }
        quote = QuoteContext(
            poolFeesTier: tier, amountIn: try q.quantity("amountIn"), slippageBPS: slippage,
            quoter: try q.address("quoter"))
        try q.finish()
        var f = try top.object("fees")
        fees = FeeContext(baseFeePerGas: try f.quantity("baseFeePerGas"), gasEstimate: try f.quantity64("gasEstimate"))
        try f.finish()
        let recordedHash = try top.hash("signingHash")
        let recordedFingerprint = try top.string("fingerprint")
        try top.finish()

        try RecordedHash.check(
            signingHash: recordedHash, fingerprint: recordedFingerprint, of: transaction, validUntil: validUntil,
            expected: self.validUntil, rule: "the charge's deadline")
    }

    static func readTransaction(_ tx: inout BundleReader) throws(BundleError) -> EIP1559Transaction {
        let type = try tx.string("type")
        guard type == "0x2" else {
            throw .invalidField(path: tx.childPath("type"), reason: "expected \"0x2\" (EIP-1559), found \"\(type)\"")
        }
        let accessList = try tx.array("accessList")
        guard accessList.isEmpty else {
            throw .invalidField(path: tx.childPath("accessList"), reason: "a payment never needs an access list; expected []")
        }
        let transaction = EIP1559Transaction(
            chainID: ChainID(try tx.quantity64("chainId")), nonce: try tx.quantity64("nonce"),
            maxPriorityFeePerGas: Wei(try tx.quantity("maxPriorityFeePerGas")),
            maxFeePerGas: Wei(try tx.quantity("maxFeePerGas")),
            gasLimit: try tx.quantity64("gas"), to: try tx.address("to"), value: Wei(try tx.quantity("value")),
            data: try tx.bytes("input"))
        try tx.finish()
        return transaction
    }

    /// The transaction object in execution-apis spelling.
    static func transactionObject(_ t: EIP1559Transaction) -> JSONValue {
        [
            "type": "0x2", "chainId": .string(Hex.encodeQuantity(UInt256(t.chainID.value).minimalBigEndianBytes)),
            "nonce": .string(UInt256(t.nonce).quantity),
            "maxPriorityFeePerGas": .string(t.maxPriorityFeePerGas.amount.quantity),
            "maxFeePerGas": .string(t.maxFeePerGas.amount.quantity), "gas": .string(UInt256(t.gasLimit).quantity),
            "to": .string(t.to.checksummed), "value": .string(t.value.amount.quantity), "input": .string(Hex.encode(t.data)),
            "accessList": [],
        ]
    }

    /// The canonical JSON: sorted keys, two-space indentation, lower-case hex, canonical quantities — the same
    /// bundle always gives the same bytes.
    public func canonicalJSON() -> Data {
        let object: JSONValue = [
            "format": .string(Self.format), "version": JSONValue(UInt64(Self.version)), "createdAt": JSONValue(createdAt),
            "validUntil": JSONValue(validUntil), "charge": charge.raw, "from": .string(from.checksummed),
            "transaction": Self.transactionObject(transaction),
            "quote": [
                "poolFeesTier": JSONValue(UInt64(quote.poolFeesTier)), "amountIn": .string(quote.amountIn.quantity),
                "slippageBps": JSONValue(UInt64(quote.slippageBPS)), "quoter": .string(quote.quoter.checksummed),
            ],
            "fees": [
                "baseFeePerGas": .string(fees.baseFeePerGas.quantity),
                "gasEstimate": .string(UInt256(fees.gasEstimate).quantity),
            ],
            "signingHash": .string(signingHash.hex), "fingerprint": .string(fingerprint.description),
        ]
        return object.canonicalDocument
    }
}
