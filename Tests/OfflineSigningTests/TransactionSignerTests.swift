import SigningKeys
import BundleFormat
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OfflineSigning
import Secp256k1
import Testing

@Suite struct TransactionSignerTests {
    typealias F = BundleFactory

    @Test("signing a verified bundle recovers the payer, and the file reads back")
    func signsAndReadsBack() throws {
        let verified = try F.verifier().verify(try F().bundle())
        let file = try TransactionSigner.sign(verified, with: F.payer, policy: F.policy, ladderSteps: 0, signedAt: F.now)
        #expect(try file.transaction.recoverSender() == F.payer.address)
        #expect(file.transaction.signingHash == verified.signingHash)
        let reread = try SignedTransactionFile(jsonData: file.canonicalJSON())
        #expect(reread.transaction.rawTransaction == file.transaction.rawTransaction)
    }

    @Test("a fee ladder raises both fees by at least 10 % per rung and keeps everything else")
    func feeLadder() throws {
        let verified = try F.verifier().verify(try F().bundle())
        let file = try TransactionSigner.sign(verified, with: F.payer, policy: F.policy, ladderSteps: 3, signedAt: F.now)
        #expect(file.feeLadder.count == 3)
        var previous = file.transaction.transaction
        for rung in file.feeLadder {
            let t = rung.transaction
            #expect(t.nonce == previous.nonce && t.data == previous.data && t.value == previous.value)
            #expect(t.maxFeePerGas.amount * 10 >= previous.maxFeePerGas.amount * 11)
            #expect(t.maxPriorityFeePerGas.amount * 10 >= previous.maxPriorityFeePerGas.amount * 11)
            #expect(try rung.recoverSender() == F.payer.address)
            previous = t
        }
        _ = try SignedTransactionFile(jsonData: file.canonicalJSON())
    }

    @Test("a ladder that would pass the policy's fee caps is refused")
    func ladderBoundedByPolicy() throws {
        let verified = try F.verifier().verify(try F().bundle())
        var capped = F.policy
        capped.chains = capped.chains.map {
            var rules = $0; rules.maxFeePerGas = Wei(UInt256(400) * UInt256.powerOfTen(9)); return rules
        }
        let cappedVerified = try F.verifier(policy: capped).verify(try F().bundle())
        // 250 → 300 → 360 → 432 gwei: the third rung passes the 400 gwei cap.
        #expect(throws: VerificationError.self) {
            _ = try TransactionSigner.sign(cappedVerified, with: F.payer, policy: capped, ladderSteps: 3, signedAt: F.now)
        }
        #expect(
            try TransactionSigner.sign(cappedVerified, with: F.payer, policy: capped, ladderSteps: 2, signedAt: F.now).feeLadder
                .count == 2)
        var tight = F.policy
        tight.maxFeeLadderSteps = 1
        #expect(throws: VerificationError.limitExceeded(field: "--fee-ladder", found: "2", limit: "1")) {
            _ = try TransactionSigner.sign(verified, with: F.payer, policy: tight, ladderSteps: 2, signedAt: F.now)
        }
    }

    @Test("the policy file round-trips and the default policy pins docs/protocol.md's contracts")
    func policyRoundTrip() throws {
        let data = Policy.default.canonicalJSON()
        #expect(try Policy(jsonData: data) == Policy.default)
        let base = try #require(Policy.default.rules(for: .base))
        #expect(base.transfers.checksummed == "0x03059433BCdB6144624cC2443159D9445C32b7a8")
        #expect(base.operators == [Deployment.coinbaseOperator])
        #expect(Policy.default.rules(for: .ethereum)?.transfers.checksummed == "0x1FA57f879417e029Ef57D7Ce915b0aA56A507C31")
        #expect(Policy.default.rules(for: .polygon)?.transfers.checksummed == "0x288844216a63638381784E0C1081A3826fD5a2E4")
    }

    @Test("a policy with unknown fields or a bad amount is refused")
    func policyStrict() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Policy.default.canonicalJSON()) as? [String: Any])
        object["surprise"] = true
        #expect(throws: BundleError.unknownField(path: "surprise")) {
            _ = try Policy(jsonData: try JSONSerialization.data(withJSONObject: object))
        }
        object["surprise"] = nil
        object["maxPurchaseUSD"] = "1e3"
        #expect(throws: BundleError.self) { _ = try Policy(jsonData: try JSONSerialization.data(withJSONObject: object)) }
    }

    @Test("the ledger persists entries and refuses a corrupt line")
    func ledgerFile() throws {
        let path = NSTemporaryDirectory() + "ledger-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var ledger = try SigningLedger(path: path)
        let entry = SigningLedger.Entry(
            chargeID: "c\"1", chainID: .base, sender: F.payer.address, nonce: 3,
            signingHash: Keccak256.hash([9]), usdUnits: 5, signedAt: 77)
        try ledger.append(entry)
        #expect(try SigningLedger(path: path).entries == [entry])
        try Data("not json\n".utf8).append(to: path)
        #expect(throws: LedgerError.self) { _ = try SigningLedger(path: path) }
    }
}

extension Data {
    func append(to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(self)
    }
}
