import BundleFormat
import EthereumABI
import EthereumPrimitives
import Foundation
import StrictJSON

extension ChargeText {
    /// Where the six addresses sit in the charge object, in the order of their 2-bit spelling codes.
    static let addressPaths: [[String]] = [
        ["web3_data", "transfer_intent", "metadata", "contract_address"],
        ["web3_data", "transfer_intent", "metadata", "sender"],
        ["web3_data", "transfer_intent", "call_data", "recipient"],
        ["web3_data", "transfer_intent", "call_data", "recipient_currency"],
        ["web3_data", "transfer_intent", "call_data", "refund_destination"],
        ["web3_data", "transfer_intent", "call_data", "operator"],
    ]

    /// How each address of the charge was spelled: 0 lower case, 1 EIP-55 mixed case, 2 upper case.
    struct Spellings {
        let codes: [UInt64]

        /// Unpacks 2-bit codes (first address in the lowest bits); 3 and bits above the sixth code are refused.
        init(code: UInt64, field: String) throws(QRBundleError) {
            guard code < 1 << (2 * UInt64(addressPaths.count)) else {
                throw .invalidField(field: field, reason: "\(code) has bits above the \(addressPaths.count) codes")
            }
            codes = (0..<UInt64(addressPaths.count)).map { code >> (2 * $0) & 3 }
            if let bad = codes.firstIndex(of: 3) {
                throw .invalidField(field: field, reason: "spelling code 3 for address \(bad) is undefined")
            }
        }

        /// `address` as spelled at position `index`.
        func spell(_ address: Address, at index: Int) -> String {
            switch codes[index] {
            case 0: return address.lowercased
            case 2: return "0x" + Hex.encode(address.bytes, prefix: false).uppercased()
            default: return address.checksummed
            }
        }
    }

    /// The packed spelling codes of `charge`'s addresses as received.
    ///
    /// A spelling none of the three codes reproduces is written as EIP-55, and the rebuilt JSON then differs
    /// (``CompactBundle/reproducesCanonicalJSON``).
    static func spellings(of charge: Charge) -> UInt64 {
        let intent = charge.intent
        let addresses = [
            charge.contract, charge.sender, intent.recipient, intent.recipientCurrency, intent.refundDestination,
            intent.operator,
        ]
        var packed: UInt64 = 0
        for (index, (path, address)) in zip(addressPaths, addresses).enumerated() {
            let text = string(at: path, in: charge.raw)
            let code: UInt64
            if text == address.lowercased {
                code = 0
            } else if text == "0x" + Hex.encode(address.bytes, prefix: false).uppercased() {
                code = 2
            } else {
                code = 1
            }
            packed |= code << (2 * UInt64(index))
        }
        return packed
    }

    /// The string at `path` in a JSON object.
    static func string(at path: [String], in object: JSONValue) -> String? {
        var current = object
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current.stringValue
    }

    /// The charge as the API returns its `data` object (docs/protocol.md §2.2), for `Charge(dataObject:path:)`.
    static func object(
        id: String, createdAt: String, expiresAt: String, chainID: ChainID, contract: Address, sender: Address,
        intent: TransferIntent, spellings: Spellings
    ) -> JSONValue {
        let deadline = intent.deadline.uint64.map { ISO8601.format(unixSeconds: $0) } ?? intent.deadline.decimalString
        let metadata: JSONValue = [
            "chain_id": JSONValue(chainID.value), "contract_address": .string(spellings.spell(contract, at: 0)),
            "sender": .string(spellings.spell(sender, at: 1)),
        ]
        let callData: JSONValue = [
            "deadline": .string(deadline), "fee_amount": .string(intent.feeAmount.decimalString),
            "id": .string(Hex.encode(intent.id)), "operator": .string(spellings.spell(intent.operator, at: 5)),
            "prefix": .string(Hex.encode(intent.prefix)), "recipient": .string(spellings.spell(intent.recipient, at: 2)),
            "recipient_amount": .string(intent.recipientAmount.decimalString),
            "recipient_currency": .string(spellings.spell(intent.recipientCurrency, at: 3)),
            "refund_destination": .string(spellings.spell(intent.refundDestination, at: 4)),
            "signature": .string(Hex.encode(intent.signature)),
        ]
        return [
            "id": .string(id), "created_at": .string(createdAt), "expires_at": .string(expiresAt),
            "web3_data": ["transfer_intent": ["metadata": metadata, "call_data": callData]],
        ]
    }
}
