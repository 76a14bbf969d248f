public import Foundation
import EthereumPrimitives
import EthereumTransactions
import StrictJSON

extension CheckoutBundleV1 {
    /// Reads a bundle strictly: header first, then every field; unknown fields, a request that does not parse,
    /// balances that do not match the request's asset, a recorded signing hash, fingerprint or `validUntil` that
    /// differs from the recomputed one are all refused.
    public init(jsonData data: Data) throws(BundleError) {
        var top = try BundleReader(document: data)
        try FormatHeader.check(&top, format: Self.format, version: Self.version)
        createdAt = try top.integer("createdAt")
        let recordedValidUntil = try top.integer("validUntil")
        var r = try top.object("request")
        let uri = try r.optionalString("uri")
        let document = try r.optionalField("checkout")
        try r.finish()
        switch (uri, document) {
        case (let uri?, nil): requestText = .uri(uri)
        case (nil, let document?):
            _ = try document.object()
            requestText = .checkout(document.value)
        default:
            throw .invalidField(path: "request", reason: "expected exactly one of \"uri\" (EIP-681) or \"checkout\" (document)")
        }
        (request, checkout) = try Self.parse(requestText)
        from = try top.address("from")
        var tx = try top.object("transaction")
        transaction = try UnsignedBundleV1.readTransaction(&tx)
        var f = try top.object("fees")
        fees = .init(baseFeePerGas: try f.quantity("baseFeePerGas"), gasEstimate: try f.quantity64("gasEstimate"))
        try f.finish()
        var b = try top.object("balances")
        balances = Balances(native: try b.quantity("native"), token: try b.optionalField("token")?.quantity())
        try b.finish()
        if (balances.token == nil) != (request.token == nil) {
            throw .inconsistent(
                path: "balances.token",
                reason: request.token == nil ? "a native payment has no token balance" : "a token payment needs the token balance"
            )
        }
        let recordedHash = try top.hash("signingHash")
        let recordedFingerprint = try top.string("fingerprint")
        try top.finish()

        try RecordedHash.check(
            signingHash: recordedHash, fingerprint: recordedFingerprint, of: transaction, validUntil: recordedValidUntil,
            expected: validUntil, rule: "the expiry (the checkout's, or createdAt + 24 h for a URI)")
    }

    /// The canonical JSON: sorted keys, two-space indentation, canonical quantities; the request as received.
    public func canonicalJSON() -> Data {
        let requestObject: JSONValue
        switch requestText {
        case .uri(let uri): requestObject = ["uri": .string(uri)]
        case .checkout(let document): requestObject = ["checkout": document]
        }
        var balanceObject: [String: JSONValue] = ["native": .string(balances.native.quantity)]
        if let token = balances.token { balanceObject["token"] = .string(token.quantity) }
        let object: JSONValue = [
            "format": .string(Self.format), "version": JSONValue(UInt64(Self.version)), "createdAt": JSONValue(createdAt),
            "validUntil": JSONValue(validUntil), "request": requestObject, "from": .string(from.checksummed),
            "transaction": UnsignedBundleV1.transactionObject(transaction),
            "fees": [
                "baseFeePerGas": .string(fees.baseFeePerGas.quantity),
                "gasEstimate": .string(UInt256(fees.gasEstimate).quantity),
            ],
            "balances": .object(balanceObject),
            "signingHash": .string(signingHash.hex), "fingerprint": .string(fingerprint.description),
        ]
        return object.canonicalDocument
    }
}
