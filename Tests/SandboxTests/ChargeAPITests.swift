import SigningKeys
import BundleFormat
import EthereumABI
import EthereumPrimitives
import Foundation
import HTTPTransport
import Sandbox
import Secp256k1
import StrictJSON
import Testing

@Suite("POST /api/v1/credits/coinbase")
struct ChargeAPITests {
    @Test("a charge parses as BundleFormat.Charge and its signature recovers the sandbox operator")
    func chargeSignatureRecoversOperator() async throws {
        let harness = try Harness()
        let charge = try await harness.charge()
        #expect(charge.chainID == ChainID(31337))
        #expect(charge.contract == harness.deployment.transfers)
        #expect(charge.sender == Keys.payerAddress)
        #expect(charge.intent.operator == Keys.operatorAddress)
        #expect(charge.intent.prefix == Array("K2 Informational Message: 32 ".utf8))
        #expect(charge.intent.recipientCurrency == harness.deployment.usdc)
        #expect(charge.intent.refundDestination == Keys.payerAddress)
        let digest = charge.intent.operatorDigest(
            chainID: charge.chainID, sender: charge.sender,
            contract: charge.contract)
        let signature = try RecoverableSignature(rsv: charge.intent.signature)
        #expect(charge.intent.signature[64] == 27 || charge.intent.signature[64] == 28)
        #expect(try signature.recoverAddress(digest: digest) == Keys.operatorAddress)
        // Bound to the sender: another payer recovers someone else.
        let other = charge.intent.operatorDigest(
            chainID: charge.chainID, sender: Keys.stranger.address,
            contract: charge.contract)
        #expect(try signature.recoverAddress(digest: other) != Keys.operatorAddress)
    }

    @Test(
        "the fee is 1% and fee plus recipient amount is the charge",
        arguments: [
            ("10", UInt64(9_900_000), UInt64(100_000)), ("12.34", 12_216_600, 123_400), ("1e1", 9_900_000, 100_000),
            ("2000", 1_980_000_000, 20_000_000), ("1", 990_000, 10_000),
        ])
    func feeIsOnePercent(amount: String, recipientUnits: UInt64, feeUnits: UInt64) async throws {
        let charge = try await Harness().charge(amount: amount)
        #expect(charge.intent.recipientAmount == UInt256(recipientUnits))
        #expect(charge.intent.feeAmount == UInt256(feeUnits))
    }

    @Test("deadline and expires_at are creation plus one hour, in ISO-8601 Z")
    func deadlineIsOneHourAhead() async throws {
        let clock = TestClock(1_900_000_000)  // 2030-03-17T17:46:40Z
        let charge = try await Harness(clock: clock).charge()
        #expect(charge.intent.deadline == UInt256(1_900_003_600))
        #expect(charge.deadlineText == "2030-03-17T18:46:40Z")
        #expect(charge.createdAt == "2030-03-17T17:46:40Z")
        #expect(charge.expiresAt == "2030-03-17T18:46:40Z")
    }

    @Test("the 200 body has exactly the documented keys, strings in call_data and a numeric chain_id")
    func documentedShape() async throws {
        let harness = try Harness()
        let response = await harness.request(
            .post, "/api/v1/credits/coinbase",
            body: #"{"amount":10,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            key: "sandbox-key")
        let document = try JSON.parse(response.body)
        let data = try #require(document["data"]?.objectValue)
        #expect(Set(data.keys) == ["id", "created_at", "expires_at", "web3_data"])
        #expect(document.objectValue?.keys.count == 1)
        let intent = try #require(document["data"]?["web3_data"]?["transfer_intent"])
        #expect(Set(intent.objectValue?.keys ?? [:].keys) == ["metadata", "call_data"])
        let metadata = try #require(intent["metadata"]?.objectValue)
        #expect(Set(metadata.keys) == ["chain_id", "contract_address", "sender"])
        #expect(metadata["chain_id"] == .number("31337"))
        let callData = try #require(intent["call_data"]?.objectValue)
        #expect(
            Set(callData.keys) == [
                "recipient_amount", "deadline", "recipient", "recipient_currency",
                "refund_destination", "fee_amount", "id", "operator", "signature", "prefix",
            ])
        #expect(callData.values.allSatisfy { $0.stringValue != nil })
        #expect(callData["prefix"] == .string("0x4b3220496e666f726d6174696f6e616c204d6573736167653a20333220"))
        #expect(callData["id"]?.stringValue?.count == 34)
        #expect(callData["signature"]?.stringValue?.count == 132)
    }

    @Test("every charge has a fresh id")
    func idsAreUnique() async throws {
        let harness = try Harness()
        let first = try await harness.charge()
        let second = try await harness.charge()
        #expect(first.intent.id != second.intent.id)
        #expect(first.id != second.id)
    }

    @Test("a management key may create charges too")
    func managementKeyCreatesCharges() async throws {
        let response = try await Harness().request(
            .post, "/api/v1/credits/coinbase",
            body: #"{"amount":5,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            key: "sandbox-management-key")
        #expect(response.status == 200)
    }

    @Test(
        "missing or unknown bearer keys are 401 with OpenRouter's messages",
        arguments: [
            (String?.none, "No auth credentials found"), ("wrong-key", "User not found."),
        ])
    func unauthorized(key: String?, message: String) async throws {
        let response = try await Harness().request(
            .post, "/api/v1/credits/coinbase",
            body: #"{"amount":10,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#, key: key)
        #expect(response.status == 401)
        #expect(try JSON.parse(response.body) == Envelope.error(401, message))
    }

    @Test(
        "a bad amount or body is 400 with the error envelope",
        arguments: [
            "not json", "[1]", #"{"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":"10","sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":0,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":-5,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":10.001,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":0.99,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":2000.01,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":1e30,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":10,"chain_id":31337}"#, #"{"amount":10,"sender":"0x1234","chain_id":31337}"#,
            #"{"amount":10,"sender":"0x9D8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":31337}"#,
            #"{"amount":10,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":8453}"#,
            #"{"amount":10,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"}"#,
        ])
    func badRequest(body: String) async throws {
        let response = try await Harness().request(.post, "/api/v1/credits/coinbase", body: body, key: "sandbox-key")
        #expect(response.status == 400)
        let error = try JSON.parse(response.body)["error"]
        #expect(error?["code"] == .number("400"))
        #expect(error?["message"]?.stringValue?.isEmpty == false)
    }

    @Test("chain_id may be sent as a numeric string, as the OpenAPI enum shows")
    func chainIDAsString() async throws {
        let response = try await Harness().request(
            .post, "/api/v1/credits/coinbase",
            body: #"{"amount":10,"sender":"0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F","chain_id":"31337"}"#,
            key: "sandbox-key")
        #expect(response.status == 200)
    }

    @Test("unknown paths are 404 and wrong methods 405, in the envelope")
    func routing() async throws {
        let harness = try Harness()
        let missing = await harness.request(.get, "/api/v1/models", key: "sandbox-key")
        #expect(missing.status == 404)
        #expect(try JSON.parse(missing.body) == Envelope.error(404, "Not Found"))
        let wrongMethod = await harness.request(.get, "/api/v1/credits/coinbase", key: "sandbox-key")
        #expect(wrongMethod.status == 405)
        #expect(try JSON.parse(wrongMethod.body)["error"]?["code"] == .number("405"))
    }
}

/// Expected envelopes, written out by hand.
enum Envelope {
    static func error(_ code: Int, _ message: String) -> JSONValue {
        .object(["error": .object(["code": .number(String(code)), "message": .string(message)])])
    }
}
