import EthereumABI
import EthereumPrimitives
import Foundation
import Secp256k1
import TestSupport
import Testing

/// Sample A: a real Coinbase Commerce intent on Base (Tests/Vectors/coinbase/sample-a-charge.json).
@Suite struct SampleAChargeTests {
    struct Sample {
        let intent: TransferIntent
        let chainID = ChainID.base
        let contract: Address
        let sender: Address
        let expected: [String: Any]
    }

    static func load() throws -> Sample {
        let root = try #require(try Fixtures.vectorJSON("coinbase/sample-a-charge.json") as? [String: Any])
        let response = try #require(root["charge_response"] as? [String: Any])
        let data = try #require(response["data"] as? [String: Any])
        let web3 = try #require(data["web3_data"] as? [String: Any])
        let transferIntent = try #require(web3["transfer_intent"] as? [String: Any])
        let metadata = try #require(transferIntent["metadata"] as? [String: Any])
        let c = try #require(transferIntent["call_data"] as? [String: String])
        let expected = try #require(root["expected"] as? [String: Any])
        let deadline = try #require(expected["deadline_unix"] as? Int)
        func field(_ key: String) throws -> String { try #require(c[key]) }
        let intent = try TransferIntent(
            recipientAmount: UInt256(decimal: field("recipient_amount"), field: "recipient_amount"),
            deadline: UInt256(UInt64(deadline)),
            recipient: Address(hex: field("recipient")),
            recipientCurrency: Address(hex: field("recipient_currency")),
            refundDestination: Address(hex: field("refund_destination")),
            feeAmount: UInt256(decimal: field("fee_amount"), field: "fee_amount"),
            id: Hex.decode(field("id")),
            operator: Address(hex: field("operator")),
            signature: Hex.decode(field("signature")),
            prefix: Hex.decode(field("prefix")))
        return Sample(
            intent: intent,
            contract: try Address(hex: try #require(metadata["contract_address"] as? String)),
            sender: try Address(hex: try #require(metadata["sender"] as? String)),
            expected: expected)
    }

    @Test("calldata of sample A is byte-identical to eth-abi's")
    func calldataMatches() throws {
        let sample = try Self.load()
        let calldata = TransfersContract.encodeSwapAndTransfer(intent: sample.intent, poolFeesTier: 500)
        #expect(Hex.encode(calldata) == sample.expected["calldata"] as? String)
        #expect(calldata.count == 580)
        #expect(Keccak256.hash(calldata).hex == sample.expected["calldata_keccak256"] as? String)
    }

    @Test("sample A calldata decodes back to the same intent and tier")
    func calldataRoundTrips() throws {
        let sample = try Self.load()
        let calldata = try Hex.decode(try #require(sample.expected["calldata"] as? String))
        let (intent, tier) = try TransfersContract.decodeSwapAndTransfer(calldata)
        #expect(intent == sample.intent)
        #expect(tier == 500)
    }

    @Test("packed hash and digest match, and the signature recovers Coinbase's operator")
    func operatorSignatureRecovers() throws {
        let sample = try Self.load()
        let hash = sample.intent.packedHash(chainID: sample.chainID, sender: sample.sender, contract: sample.contract)
        #expect(hash.hex == sample.expected["packed_intent_hash"] as? String)
        let digest = sample.intent.operatorDigest(chainID: sample.chainID, sender: sample.sender, contract: sample.contract)
        #expect(digest.hex == sample.expected["signed_digest"] as? String)
        let recovered = try RecoverableSignature(rsv: sample.intent.signature).recoverAddress(digest: digest)
        #expect(recovered.checksummed == sample.expected["recovered_operator"] as? String)
        #expect(sample.intent.prefix == TransferIntent.coinbasePrefix)
    }

    @Test("a different sender or chain changes the digest, so the operator no longer recovers")
    func digestBindsSenderAndChain() throws {
        let sample = try Self.load()
        let signature = try RecoverableSignature(rsv: sample.intent.signature)
        let otherSender = sample.intent.operatorDigest(
            chainID: sample.chainID, sender: sample.contract, contract: sample.contract)
        let otherChain = sample.intent.operatorDigest(chainID: .ethereum, sender: sample.sender, contract: sample.contract)
        #expect(try signature.recoverAddress(digest: otherSender) != sample.intent.operator)
        #expect(try signature.recoverAddress(digest: otherChain) != sample.intent.operator)
    }
}
