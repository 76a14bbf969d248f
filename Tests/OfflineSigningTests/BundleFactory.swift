import StrictJSON
import SigningKeys
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import Secp256k1

/// Builds signed-intent bundles for verifier tests: a Polygon payment by the key 0x46…46 whose intent is signed
/// by a test operator 0x11…11, with hooks to break exactly one thing.
struct BundleFactory {
    static let payer = key(0x46)
    static let operatorKey = key(0x11)
    static let otherKey = key(0x22)
    static let polygon = Deployment.all.first { $0.chainID == .polygon } ?? Deployment.all[0]
    static let transfers = polygon.transfers
    static let usdc = polygon.usdc
    static let recipient = Address(uncheckedBytes: [UInt8](repeating: 0x5e, count: 20))
    static let now: UInt64 = 1_800_000_000
    static let deadline: UInt64 = now + 3600

    static func key(_ byte: UInt8) -> PrivateKey {
        do { return try PrivateKey(SecretBytes([UInt8](repeating: byte, count: 32))) } catch { fatalError("\(error)") }
    }

    var chainID = ChainID.polygon
    var chargeChainID = ChainID.polygon
    var contract = transfers
    var chargeContract = transfers
    var sender = payer.address
    var from = payer.address
    var recipientAmount: UInt256 = 24_750_000
    var calldataRecipientAmount: UInt256?
    var feeAmount: UInt256 = 250_000
    var currency = usdc
    var intentRecipient = recipient
    var operatorSigner = operatorKey
    var declaredOperator = operatorKey.address
    var tier: UInt32 = 3000
    var value = Wei(UInt256(60) * UInt256.powerOfTen(18))
    var gasLimit: UInt64 = 350_000
    var maxFee = Wei(UInt256(250) * UInt256.powerOfTen(9))
    var priorityFee = Wei(UInt256(30) * UInt256.powerOfTen(9))
    var nonce: UInt64 = 42
    var deadlineSeconds = deadline
    var chargeID = "charge-1"
    var quoteAmountIn = Wei(UInt256(59) * UInt256.powerOfTen(18))
    var trailingCalldata: [UInt8] = []

    func intent() throws -> TransferIntent {
        var intent = try TransferIntent(
            recipientAmount: recipientAmount, deadline: UInt256(deadlineSeconds), recipient: intentRecipient,
            recipientCurrency: currency, refundDestination: sender, feeAmount: feeAmount,
            id: Array(Keccak256.hash(Array(chargeID.utf8)).bytes[0..<16]), operator: declaredOperator, signature: [],
            prefix: TransferIntent.coinbasePrefix)
        let digest = intent.operatorDigest(chainID: chargeChainID, sender: sender, contract: chargeContract)
        intent.signature = operatorSigner.sign(digest: digest).rsv
        return intent
    }

    func bundle() throws -> IntentBundle {
        let intent = try intent()
        let callData: JSONValue = [
            "recipient_amount": .string(intent.recipientAmount.decimalString),
            "deadline": .string(ISO8601.format(unixSeconds: deadlineSeconds)), "recipient": .string(intent.recipient.checksummed),
            "recipient_currency": .string(intent.recipientCurrency.checksummed),
            "refund_destination": .string(intent.refundDestination.checksummed),
            "fee_amount": .string(intent.feeAmount.decimalString), "id": .string(Hex.encode(intent.id)),
            "operator": .string(intent.operator.lowercased), "signature": .string(Hex.encode(intent.signature)),
            "prefix": .string(Hex.encode(intent.prefix)),
        ]
        let data: JSONValue = [
            "id": .string(chargeID), "created_at": .string(ISO8601.format(unixSeconds: deadlineSeconds - 3600)),
            "expires_at": .string(ISO8601.format(unixSeconds: deadlineSeconds)),
            "web3_data": [
                "transfer_intent": [
                    "metadata": [
                        "chain_id": JSONValue(chargeChainID.value), "contract_address": .string(chargeContract.lowercased),
                        "sender": .string(sender.checksummed),
                    ],
                    "call_data": callData,
                ]
            ],
        ]
        var calldataIntent = intent
        if let calldataRecipientAmount { calldataIntent.recipientAmount = calldataRecipientAmount }
        let calldata = TransfersContract.encodeSwapAndTransfer(intent: calldataIntent, poolFeesTier: tier) + trailingCalldata
        let transaction = EIP1559Transaction(
            chainID: chainID, nonce: nonce, maxPriorityFeePerGas: priorityFee, maxFeePerGas: maxFee, gasLimit: gasLimit,
            to: contract, value: value, data: calldata)
        return IntentBundle(
            createdAt: Self.now - 60, charge: try Charge(dataObject: data, path: "charge"), from: from,
            transaction: transaction,
            quote: .init(poolFeesTier: tier, amountIn: quoteAmountIn.amount, slippageBPS: 100, quoter: .zero),
            fees: .init(baseFeePerGas: UInt256(100) * UInt256.powerOfTen(9), gasEstimate: 280_000))
    }

    /// The default policy with the test operator pinned on Polygon.
    static var policy: Policy {
        var policy = Policy.default
        for index in policy.chains.indices where policy.chains[index].chainID == .polygon {
            policy.chains[index].operators = [operatorKey.address]
        }
        return policy
    }

    static func verifier(
        ledger: SigningLedger = SigningLedger(), policy: Policy = policy, key: PrivateKey = payer,
        now: UInt64 = now
    ) -> BundleVerifier {
        BundleVerifier(policy: policy, now: now, keyAddress: key.address, ledger: ledger)
    }
}
