import SigningKeys
import Foundation
import BundleFormat
import EthereumABI
import EthereumPrimitives
import Secp256k1
import StrictJSON

/// Builds and signs charges the way Coinbase Commerce did for OpenRouter (docs/protocol.md §2.2), with the sandbox's
/// operator key and the real digest scheme (`TransferIntent.operatorDigest`, prefix "K2 Informational Message: 32 ").
///
/// Amounts: the charge total is `amount` USD in USDC units; `fee_amount` is ``feeBasisPoints`` of it rounded
/// down (1% by default) and `recipient_amount` the rest, so the two add up to exactly the charge. `deadline` and
/// `expires_at` are creation time plus the intent lifetime; `refund_destination` is the sender; the id is 16
/// random bytes.
struct ChargeFactory: Sendable {
    let deployment: Deployment
    let operatorKey: PrivateKey
    let recipient: Address
    let feeBasisPoints: UInt64
    let lifetimeSeconds: UInt64

    /// The `data` object of a charge for `cents` from `sender`, created at sandbox time `now`.
    func charge(cents: UInt64, sender: Address, now: UInt64) -> JSONValue {
        let total = UInt256(cents) * UInt256(10_000)  // cents → USDC units (6 decimals)
        let fee = total * UInt256(feeBasisPoints) / UInt256(10_000)
        let (deadline, overflow) = now.addingReportingOverflow(lifetimeSeconds)
        let deadlineSeconds = overflow ? UInt64.max : deadline
        var generator = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let signed = sign(
            recipientAmount: total - fee, feeAmount: fee, deadline: deadlineSeconds, id: id,
            sender: sender)
        let callData: [String: JSONValue] = [
            "recipient_amount": .string(signed.recipientAmount.decimalString),
            "deadline": .string(ISO8601.format(unixSeconds: deadlineSeconds)),
            "recipient": .string(recipient.lowercased),
            "recipient_currency": .string(deployment.usdc.lowercased),
            "refund_destination": .string(sender.lowercased),
            "fee_amount": .string(signed.feeAmount.decimalString),
            "id": .string(Hex.encode(id)),
            "operator": .string(signed.operator.lowercased),
            "signature": .string(Hex.encode(signed.signature)),
            "prefix": .string(Hex.encode(signed.prefix)),
        ]
        let metadata: [String: JSONValue] = [
            "chain_id": JSONValue(deployment.chainID.value),
            "contract_address": .string(deployment.transfers.lowercased),
            "sender": .string(sender.checksummed),
        ]
        return .object([
            "id": .string(UUID().uuidString.lowercased()),
            "created_at": .string(ISO8601.format(unixSeconds: now)),
            "expires_at": .string(ISO8601.format(unixSeconds: deadlineSeconds)),
            "web3_data": .object([
                "transfer_intent": .object([
                    "metadata": .object(metadata), "call_data": .object(callData),
                ])
            ]),
        ])
    }

    /// The intent with the operator's signature over its digest for `sender` on this chain and contract.
    func sign(recipientAmount: UInt256, feeAmount: UInt256, deadline: UInt64, id: [UInt8], sender: Address)
        -> TransferIntent
    {
        do {
            var intent = try TransferIntent(
                recipientAmount: recipientAmount, deadline: UInt256(deadline), recipient: recipient,
                recipientCurrency: deployment.usdc, refundDestination: sender, feeAmount: feeAmount, id: id,
                operator: operatorKey.address, signature: [], prefix: TransferIntent.coinbasePrefix)
            let digest = intent.operatorDigest(
                chainID: deployment.chainID, sender: sender,
                contract: deployment.transfers)
            intent.signature = operatorKey.sign(digest: digest).rsv
            return intent
        } catch {
            preconditionFailure("a 16-byte id is always a valid intent id: \(error)")
        }
    }
}
