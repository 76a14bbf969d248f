import SigningKeys
import EthereumPrimitives
import EthereumTransactions
import Secp256k1
import TestSupport
import Testing

/// The public EIP-1559 examples (eth-account, matched by a separate RLP + eth-keys implementation) and the
/// committed random fixtures (eth-account, re-verified by pyrlp + eth-keys in `--check`).
@Suite("EIP-1559 vectors")
struct EIP1559VectorTests {
    @Test("both public examples are present")
    func publicExamplesPresent() throws {
        #expect(try TransactionFixtures.publicExamples().map(\.name) == ["tx2-plain-transfer", "tx1-transfers-call"])
    }

    @Test("the random fixture holds at least 200 cases covering the edge values")
    func randomFixtureCoverage() throws {
        let cases = try TransactionFixtures.randomCases()
        #expect(cases.count >= 200)
        #expect(cases.contains { $0.transaction.nonce == 0 } && cases.contains { $0.transaction.nonce == .max })
        #expect(cases.contains { $0.transaction.maxFeePerGas.amount == .max })
        #expect(cases.contains { $0.transaction.maxFeePerGas.amount.isZero })
        #expect(cases.contains { $0.transaction.value.amount == .max })
        #expect(cases.contains { !$0.transaction.accessList.isEmpty })
        #expect(cases.contains { $0.transaction.data.count == 2000 } && cases.contains { $0.transaction.data.isEmpty })
        #expect(Set(cases.map(\.transaction.chainID.value)).isSuperset(of: [1, 137, 8453]))
    }

    @Test(
        "signing reproduces signing hash, raw bytes, transaction hash and signature",
        arguments: try TransactionFixtures.publicExamples() + TransactionFixtures.randomCases())
    func signingReproduces(_ vector: EIP1559Case) throws {
        #expect(vector.transaction.signingHash.hex == vector.signingHash)
        let signed = vector.transaction.signed(with: try vector.key())
        #expect(signed.rawTransaction == vector.raw)
        #expect(signed.transactionHash.hex == vector.hash)
        #expect(signed.signature.yParity == vector.yParity)
        #expect(signed.signature.r == vector.r && signed.signature.s == vector.s)
        #expect(try signed.recoverSender().checksummed == vector.sender)
    }

    @Test(
        "decoding reproduces every field, the hashes and the sender",
        arguments: try TransactionFixtures.publicExamples() + TransactionFixtures.randomCases())
    func decodingReproduces(_ vector: EIP1559Case) throws {
        let decoded = try SignedTransaction(rawTransaction: vector.raw)
        #expect(decoded.transaction == vector.transaction)
        #expect(decoded.rawTransaction == vector.raw)
        #expect(decoded.signingHash.hex == vector.signingHash)
        #expect(decoded.transactionHash.hex == vector.hash)
        #expect(decoded.signature.yParity == vector.yParity)
        #expect(try decoded.recoverSender().checksummed == vector.sender)
        #expect(decoded == SignedTransaction(transaction: vector.transaction, signature: decoded.signature))
        let dispatched = try DecodedTransaction(rawTransaction: vector.raw)
        #expect(dispatched == .eip1559(decoded))
        #expect(try dispatched.recoverSender().checksummed == vector.sender)
    }

    @Test("the signing payload is 0x02 followed by the RLP list of nine fields")
    func signingPayloadShape() throws {
        let example = try #require(try TransactionFixtures.publicExamples().first)
        let payload = example.transaction.signingPayload
        #expect(payload.first == 0x02)
        #expect(Keccak256.hash(payload).hex == example.signingHash)
        // The signed envelope repeats the nine fields, then yParity, r, s, under a longer list header.
        #expect(payload[1] == 0xc0 + 46 && example.raw[1...2] == [0xf8, 0x71])  // 113 − (1 + 33 + 33) = 46
        #expect(example.raw[3...].starts(with: payload[2...]))
    }

    @Test("signing hash and transaction hash are distinct values of distinct types")
    func hashesAreDistinct() throws {
        let example = try #require(try TransactionFixtures.publicExamples().first)
        let signed = example.transaction.signed(with: try example.key())
        #expect(signed.signingHash.hash != signed.transactionHash.hash)
        #expect(SigningHash(signed.signingHash.hash) == signed.signingHash)
        #expect(TransactionHash(signed.transactionHash.hash).description == example.hash)
    }

    @Test("signing with a fresh key then decoding round-trips to an equal value and recovers the key's address")
    func freshKeyRoundTrip() throws {
        let example = try #require(try TransactionFixtures.publicExamples().last)
        let key = PrivateKey.generate()
        let signed = example.transaction.signed(with: key)
        let decoded = try SignedTransaction(rawTransaction: signed.rawTransaction)
        #expect(decoded == signed)
        #expect(try decoded.recoverSender() == key.address)
    }
}
