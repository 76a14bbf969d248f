import EthereumABI
import EthereumPrimitives
import QRTransport

/// A Coinbase `TransferIntent` as a compact CBOR array — the fields, not the ABI-padded calldata (580 bytes for
/// a typical intent become about 200): the reader re-encodes the calldata itself with
/// `TransfersContract.encodeSwapAndTransfer`.
///
/// `[recipientAmount, deadline, recipient, recipientCurrency, refundDestination, feeAmount, id, operator,
/// signature, prefix]`: integers as ``CBOR/uint256(_:)``; addresses as 20-byte strings; `refundDestination` is
/// `null` when it equals the payer (the usual case); `id` is 16 bytes, `signature` 65; `prefix` is the unsigned
/// integer 1 for Coinbase's `"K2 Informational Message: 32 "`, otherwise its bytes (empty for EIP-191).
enum CompactIntent {
    static let names = [
        "recipientAmount", "deadline", "recipient", "recipientCurrency", "refundDestination", "feeAmount", "id",
        "operator", "signature", "prefix",
    ]

    /// The code for the well-known Coinbase prefix.
    static let coinbasePrefixCode: UInt64 = 1

    /// True when the compact form can carry `intent` (16-byte id, 65-byte signature).
    static func canEncode(_ intent: TransferIntent) -> Bool {
        intent.id.count == 16 && intent.signature.count == 65
    }

    /// The array; `payer` is the address a `null` refund destination stands for.
    static func encode(_ intent: TransferIntent, payer: Address) -> CBOR {
        precondition(canEncode(intent), "checked by the caller with canEncode")
        let prefix: CBOR =
            intent.prefix == TransferIntent.coinbasePrefix ? .unsigned(coinbasePrefixCode) : .bytes(intent.prefix)
        return .array([
            .uint256(intent.recipientAmount), .uint256(intent.deadline), .address(intent.recipient),
            .address(intent.recipientCurrency), .address(intent.refundDestination, nullWhen: payer),
            .uint256(intent.feeAmount), .bytes(intent.id), .address(intent.operator), .bytes(intent.signature),
            prefix,
        ])
    }

    /// Reads the array written by ``encode(_:payer:)``; every value has exactly one accepted encoding.
    static func decode(_ item: CBOR, path: String, payer: Address) throws(QRBundleError) -> TransferIntent {
        let f = try CompactFields(item, path: path, names: names)
        let prefix: [UInt8]
        switch f.item(9) {
        case .unsigned(coinbasePrefixCode): prefix = TransferIntent.coinbasePrefix
        case .bytes(let bytes):
            guard bytes != TransferIntent.coinbasePrefix else {
                throw f.invalid(9, "the Coinbase prefix must be written as the code \(coinbasePrefixCode)")
            }
            prefix = bytes
        default: throw f.invalid(9, "expected \(coinbasePrefixCode) or a byte string, found \(f.item(9).kindName)")
        }
        do {
            return try TransferIntent(
                recipientAmount: f.uint256(0), deadline: f.uint256(1), recipient: f.address(2),
                recipientCurrency: f.address(3), refundDestination: f.address(4, nullMeans: payer),
                feeAmount: f.uint256(5), id: f.bytes(6, count: 16), operator: f.address(7),
                signature: f.bytes(8, count: 65), prefix: prefix)
        } catch let error as QRBundleError {
            throw error
        } catch {
            // TransferIntent's only check is the id length, read above with count 16.
            throw .invalidField(field: path, reason: "\(error)")
        }
    }
}

/// Transaction calldata in compact form: `[intent, poolFeesTier]` when it is exactly a
/// `swapAndTransferUniswapV3Native` call, otherwise the bytes themselves.
enum CompactCalldata {
    /// The compact item for `calldata` sent by `payer`.
    static func encode(_ calldata: [UInt8], payer: Address) -> CBOR {
        guard let call = transfersCall(calldata) else { return .bytes(calldata) }
        return .array([CompactIntent.encode(call.intent, payer: payer), .unsigned(UInt64(call.poolFeesTier))])
    }

    /// The calldata bytes: re-encoded from the intent, or as carried.
    static func decode(_ item: CBOR, path: String, payer: Address) throws(QRBundleError) -> [UInt8] {
        if case .bytes(let bytes) = item {
            guard transfersCall(bytes) == nil else {
                throw .invalidField(field: path, reason: "a Transfers call must be written as [intent, poolFeesTier]")
            }
            return bytes
        }
        let f = try CompactFields(item, path: path, names: ["intent", "poolFeesTier"])
        let intent = try CompactIntent.decode(f.item(0), path: f.field(0), payer: payer)
        let tier = try f.uint32(1)
        guard tier < 1 << 24 else { throw f.invalid(1, "\(tier) does not fit uint24") }
        return TransfersContract.encodeSwapAndTransfer(intent: intent, poolFeesTier: tier)
    }

    /// The intent and tier when `calldata` is exactly a Transfers call the compact intent can carry; nil for
    /// any other calldata, which is not an error here: it travels as bytes.
    static func transfersCall(_ calldata: [UInt8]) -> (intent: TransferIntent, poolFeesTier: UInt32)? {
        let call: (intent: TransferIntent, poolFeesTier: UInt32)
        do { call = try TransfersContract.decodeSwapAndTransfer(calldata) } catch { return nil }
        guard CompactIntent.canEncode(call.intent),
            TransfersContract.encodeSwapAndTransfer(intent: call.intent, poolFeesTier: call.poolFeesTier) == calldata
        else { return nil }
        return call
    }
}
