import SigningKeys
import EthereumPrimitives
import EthereumTransactions
import Foundation
import Secp256k1
import TestSupport
import Testing

/// One signed legacy transaction as eth-account produced it.
struct LegacyCase: CustomTestStringConvertible, Sendable {
    let name: String
    let privateKey: [UInt8]
    let transaction: LegacyTransaction
    let replayProtection: LegacyReplayProtection
    let signingHash: String
    let raw: [UInt8]
    let hash: String
    let v: UInt64
    let sender: String
    var testDescription: String { name }

    static func randomCases() throws -> [LegacyCase] {
        typealias F = TransactionFixtures
        let root = try F.object(
            JSONSerialization.jsonObject(
                with: Fixtures.repositoryFile("Tests/EthereumTransactionsTests/Fixtures/random_legacy.json")))
        return try F.array(root["cases"]).map { value in
            let entry = try F.object(value)
            let fields = try F.object(entry["fields"])
            let chainID = fields["chainId"] as? String
            return LegacyCase(
                name: try F.string(entry["name"]), privateKey: hexBytes(try F.string(entry["privateKey"])),
                transaction: LegacyTransaction(
                    nonce: try F.quantity64(fields["nonce"]), gasPrice: Wei(try F.quantity(fields["gasPrice"])),
                    gasLimit: try F.quantity64(fields["gas"]), to: try Address(hex: F.string(fields["to"])),
                    value: Wei(try F.quantity(fields["value"])), data: hexBytes(try F.string(fields["data"]))),
                replayProtection: try chainID.map { .eip155(ChainID(try F.quantity64($0))) } ?? .none,
                signingHash: try F.string(entry["signingHash"]), raw: hexBytes(try F.string(entry["raw"])),
                hash: try F.string(entry["hash"]), v: try F.integer(entry["v"]), sender: try F.string(entry["sender"])
            )
        }
    }
}

@Suite("Legacy transactions (EIP-155 and pre-155)")
struct LegacyVectorTests {
    static func example() throws -> [String: Any] {
        try TransactionFixtures.object(Fixtures.vectorJSON("eip155/eip155_example.json"))
    }

    static func exampleTransaction() throws -> LegacyTransaction {
        let tx = try TransactionFixtures.object(example()["tx"])
        return LegacyTransaction(
            nonce: try TransactionFixtures.integer(tx["nonce"]),
            gasPrice: Wei(try UInt256(decimal: TransactionFixtures.string(tx["gasPrice"]), field: "gasPrice")),
            gasLimit: try TransactionFixtures.integer(tx["gasLimit"]),
            to: try Address(hex: TransactionFixtures.string(tx["to"])),
            value: Wei(try UInt256(decimal: TransactionFixtures.string(tx["value"]), field: "value")),
            data: hexBytes(try TransactionFixtures.string(tx["data"]))
        )
    }

    @Test("the EIP-155 example's signing data and signing hash reproduce")
    func eip155SigningHash() throws {
        let example = try Self.example()
        let transaction = try Self.exampleTransaction()
        #expect(try TransactionFixtures.integer(TransactionFixtures.object(example["tx"])["chainId"]) == 1)
        #expect(
            Hex.encode(transaction.signingPayload(.eip155(.ethereum)))
                == (try TransactionFixtures.string(example["signing_data"])))
        #expect(
            transaction.signingHash(.eip155(.ethereum)).hex == (try TransactionFixtures.string(example["signing_hash"]))
        )
    }

    @Test("signing the EIP-155 example reproduces its signed transaction, v and hash")
    func eip155Signing() throws {
        let example = try Self.example()
        let derived = try TransactionFixtures.object(example["derived_computed"])
        let transaction = try Self.exampleTransaction()
        let key = try PrivateKey(SecretBytes(hexBytes(TransactionFixtures.string(example["private_key"]))))
        let signature = key.sign(digest: transaction.signingHash(.eip155(.ethereum)).hash)
        let signed = SignedLegacyTransaction(
            transaction: transaction, signature: signature,
            replayProtection: .eip155(.ethereum))
        #expect(Hex.encode(signed.rawTransaction) == (try TransactionFixtures.string(example["signed_tx"])))
        #expect(signed.transactionHash.hex == (try TransactionFixtures.string(derived["tx_hash"])))
        #expect(Hex.encode(signature.r) == (try TransactionFixtures.string(derived["r_hex"])))
        #expect(try TransactionFixtures.integer(example["v"]) == 35 + 2 + UInt64(signature.yParity))
    }

    @Test("decoding the EIP-155 example gives its fields, chain id 1, and its sender")
    func eip155Decoding() throws {
        let example = try Self.example()
        let derived = try TransactionFixtures.object(example["derived_computed"])
        let raw = hexBytes(try TransactionFixtures.string(example["signed_tx"]))
        let decoded = try SignedLegacyTransaction(rawTransaction: raw)
        #expect(decoded.transaction == (try Self.exampleTransaction()))
        #expect(decoded.replayProtection == .eip155(.ethereum))
        #expect(decoded.signature.yParity == UInt8(try TransactionFixtures.integer(derived["recovery_id"])))
        #expect(decoded.signingHash.hex == (try TransactionFixtures.string(example["signing_hash"])))
        #expect(decoded.transactionHash.hex == (try TransactionFixtures.string(derived["tx_hash"])))
        #expect(try decoded.recoverSender().checksummed == (try TransactionFixtures.string(derived["sender_address"])))
        #expect(try DecodedTransaction(rawTransaction: raw) == .legacy(decoded))
    }

    @Test("random legacy fixtures: both kinds present", arguments: [true, false])
    func randomFixtureCoverage(protected: Bool) throws {
        let cases = try LegacyCase.randomCases()
        #expect(cases.filter { ($0.replayProtection != .none) == protected }.count >= 10)
    }

    @Test("random legacy fixtures decode, hash, recover and re-encode exactly", arguments: try LegacyCase.randomCases())
    func randomLegacy(_ vector: LegacyCase) throws {
        #expect(vector.transaction.signingHash(vector.replayProtection).hex == vector.signingHash)
        let decoded = try SignedLegacyTransaction(rawTransaction: vector.raw)
        #expect(decoded.transaction == vector.transaction)
        #expect(decoded.replayProtection == vector.replayProtection)
        #expect(decoded.transactionHash.hex == vector.hash)
        #expect(try decoded.recoverSender().checksummed == vector.sender)
        let key = try PrivateKey(SecretBytes(vector.privateKey))
        let resigned = SignedLegacyTransaction(
            transaction: vector.transaction, signature: key.sign(digest: decoded.signingHash.hash),
            replayProtection: vector.replayProtection)
        #expect(resigned.rawTransaction == vector.raw)
        let v = vector.replayProtection == .none ? 27 : 35 + 2 * (try #require(chainID(vector.replayProtection)))
        #expect(vector.v == v + UInt64(decoded.signature.yParity))
    }

    private func chainID(_ protection: LegacyReplayProtection) -> UInt64? {
        if case .eip155(let chainID) = protection { return chainID.value }
        return nil
    }
}
