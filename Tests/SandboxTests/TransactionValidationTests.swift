import EthereumPrimitives
import EthereumTransactions
import Sandbox
import Secp256k1
import StrictJSON
import Testing
import TestSupport

@Suite("eth_sendRawTransaction validation (geth texts)")
struct TransactionValidationTests {
    static let chain = ChainID(31337)
    static let other = Keys.address("0x3535353535353535353535353535353535353535")

    static func error(_ harness: Harness, _ raw: [UInt8]) async throws -> RPCErrorAnswer {
        try await harness.rpcError("eth_sendRawTransaction", [.string(Hex.encode(raw))])
    }

    @Test("a reused nonce is 'nonce too low'")
    func nonceTooLow() async throws {
        let harness = try Harness()
        _ = try await harness.send(
            Payments.transaction(chainID: Self.chain, nonce: 0, to: Self.other, value: 1)
                .rawTransaction)
        harness.sandbox.mine()
        let again = Payments.transaction(chainID: Self.chain, nonce: 0, to: Self.other, value: 2)
        let answer = try await Self.error(harness, again.rawTransaction)
        #expect(answer == RPCErrorAnswer(code: -32000, message: "nonce too low: next nonce 1, tx nonce 0", data: nil))
    }

    @Test("a balance below value + gasLimit × maxFee is 'insufficient funds for gas * price + value'")
    func insufficientFunds() async throws {
        let harness = try Harness()
        let tx = Payments.transaction(
            chainID: Self.chain, nonce: 0, to: Self.other, value: 5, gas: 21_000,
            key: Keys.stranger)
        let answer = try await Self.error(harness, tx.rawTransaction)
        // cost = 21000 × 2 gwei + 5 wei
        #expect(
            answer.message == "insufficient funds for gas * price + value: balance 0, tx cost 42000000000005, "
                + "overshot 42000000000005")
    }

    @Test("pooled transactions count against the balance ('queued cost')")
    func queuedCost() async throws {
        let harness = try Harness { $0.funding = [(Keys.payerAddress, Wei(UInt256(100_000_000_000_000)))] }
        _ = try await harness.send(
            Payments.transaction(
                chainID: Self.chain, nonce: 0, to: Self.other,
                value: UInt256(50_000_000_000_000), gas: 21_000
            ).rawTransaction)
        let second = Payments.transaction(
            chainID: Self.chain, nonce: 1, to: Self.other,
            value: UInt256(50_000_000_000_000), gas: 21_000)
        let answer = try await Self.error(harness, second.rawTransaction)
        // each costs 5·10^13 + 21000 × 2 gwei = 9.2·10^13; two need 1.84·10^14
        #expect(
            answer.message == "insufficient funds for gas * price + value: balance 100000000000000, queued cost "
                + "92000000000000, tx cost 92000000000000, overshot 84000000000000")
    }

    @Test("a fee cap below the base fee is 'max fee per gas less than block base fee'")
    func feeCapBelowBaseFee() async throws {
        let harness = try Harness()
        let tx = Payments.transaction(
            chainID: Self.chain, nonce: 0, to: Self.other, value: 1,
            maxFee: UInt256(500_000_000), tip: UInt256(1))
        let answer = try await Self.error(harness, tx.rawTransaction)
        #expect(
            answer.message == "max fee per gas less than block base fee: address "
                + "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F, maxFeePerGas: 500000000, baseFee: 1000000000")
        _ = try await harness.result("sandbox_setBaseFee", [.string("0x1dcd6500")])  // 500 000 000
        #expect(try await harness.send(tx.rawTransaction)["result"] != nil)
    }

    @Test("a tip above the fee cap is 'max priority fee per gas higher than max fee per gas'")
    func tipAboveFeeCap() async throws {
        let tx = Payments.transaction(
            chainID: Self.chain, nonce: 0, to: Self.other, value: 1,
            maxFee: UInt256(2_000_000_000), tip: UInt256(3_000_000_000))
        let answer = try await Self.error(try Harness(), tx.rawTransaction)
        #expect(answer.message == "max priority fee per gas higher than max fee per gas")
    }

    @Test(
        "gas below 21000 + 16/4 per calldata byte is 'intrinsic gas too low'",
        arguments: [
            ([UInt8](), UInt64(20_999), UInt64(21_000)), ([0x01, 0x00], 21_019, 21_020),
            ([0xff, 0xff, 0xff], 21_047, 21_048),
        ])
    func intrinsicGas(data: [UInt8], gas: UInt64, needed: UInt64) async throws {
        let harness = try Harness()
        let tx = Payments.transaction(chainID: Self.chain, nonce: 0, to: Self.other, value: 1, data: data, gas: gas)
        let answer = try await Self.error(harness, tx.rawTransaction)
        #expect(answer.message == "intrinsic gas too low: gas \(gas), minimum needed \(needed)")
        let enough = Payments.transaction(
            chainID: Self.chain, nonce: 0, to: Self.other, value: 1, data: data,
            gas: needed)
        #expect(try await harness.send(enough.rawTransaction)["result"] != nil)
    }

    @Test("a transaction for another chain is 'invalid chain id for signer'")
    func wrongChain() async throws {
        let tx = Payments.transaction(chainID: ChainID(1), nonce: 0, to: Self.other, value: 1)
        let answer = try await Self.error(try Harness(), tx.rawTransaction)
        #expect(answer.message == "invalid sender: invalid chain id for signer: have 1 want 31337")
    }

    @Test("a gas limit above the block's is 'exceeds block gas limit'")
    func blockGasLimit() async throws {
        let tx = Payments.transaction(chainID: Self.chain, nonce: 0, to: Self.other, value: 1, gas: 30_000_001)
        #expect(try await Self.error(try Harness(), tx.rawTransaction).message == "exceeds block gas limit")
    }

    @Test("resending a pending or mined transaction is 'already known'")
    func alreadyKnown() async throws {
        let harness = try Harness()
        let tx = Payments.transaction(chainID: Self.chain, nonce: 0, to: Self.other, value: 1)
        _ = try await harness.send(tx.rawTransaction)
        #expect(try await Self.error(harness, tx.rawTransaction).message == "already known")
        harness.sandbox.mine()
        #expect(try await Self.error(harness, tx.rawTransaction).message == "already known")
    }

    @Test("a replacement needs both fee caps raised by at least 10%")
    func replacement() async throws {
        let harness = try Harness()
        let original = Payments.transaction(
            chainID: Self.chain, nonce: 0, to: Self.other, value: 1,
            maxFee: UInt256(2_000_000_000), tip: UInt256(1_000_000_000))
        _ = try await harness.send(original.rawTransaction)
        for (maxFee, tip) in [
            (UInt64(2_199_999_999), UInt64(1_100_000_000)), (2_200_000_000, 1_099_999_999),
            (2_000_000_000, 1_000_000_000),
        ] {
            let cheap = Payments.transaction(
                chainID: Self.chain, nonce: 0, to: Self.other, value: 2,
                maxFee: UInt256(maxFee), tip: UInt256(tip))
            let answer = try await Self.error(harness, cheap.rawTransaction)
            #expect(answer.message == "replacement transaction underpriced")
        }
        let bumped = Payments.transaction(
            chainID: Self.chain, nonce: 0, to: Self.other, value: 2,
            maxFee: UInt256(2_200_000_000), tip: UInt256(1_100_000_000))
        #expect(try await harness.send(bumped.rawTransaction)["result"] == .string(bumped.transactionHash.hex))
        #expect(try await harness.result("eth_getTransactionByHash", [.string(original.transactionHash.hex)]) == .null)
        harness.sandbox.mine()
        #expect(try await harness.receipt(bumped.transactionHash.hash)["status"] == .string("0x1"))
    }

    @Test("a nonce gap waits in the pool until the gap is filled, then both are mined in order")
    func nonceGapIsQueued() async throws {
        let harness = try Harness()
        let later = Payments.transaction(chainID: Self.chain, nonce: 1, to: Self.other, value: 1)
        #expect(try await harness.send(later.rawTransaction)["result"] != nil)
        let payer = JSONValue.string(Keys.payerAddress.lowercased)
        #expect(try await harness.quantity("eth_getTransactionCount", [payer, .string("pending")]) == .zero)
        harness.sandbox.mine()
        #expect(try await harness.receipt(later.transactionHash.hash) == .null)
        let first = Payments.transaction(chainID: Self.chain, nonce: 0, to: Self.other, value: 1)
        _ = try await harness.send(first.rawTransaction)
        #expect(try await harness.quantity("eth_getTransactionCount", [payer, .string("pending")]) == UInt256(2))
        harness.sandbox.mine()
        #expect(try await harness.receipt(first.transactionHash.hash)["transactionIndex"] == .string("0x0"))
        #expect(try await harness.receipt(later.transactionHash.hash)["transactionIndex"] == .string("0x1"))
        #expect(try await harness.quantity("eth_getTransactionCount", [payer, .string("latest")]) == UInt256(2))
    }

    @Test("EIP-155 legacy transfers are mined; unprotected ones are refused over RPC")
    func legacyTransactions() async throws {
        let harness = try Harness()
        let unprotected = Payments.legacy(
            chainID: nil, nonce: 0, to: Self.other, value: 7,
            gasPrice: UInt256(1_000_000_000))
        #expect(
            try await Self.error(harness, unprotected.rawTransaction).message
                == "only replay-protected (EIP-155) transactions allowed over RPC")
        let protected = Payments.legacy(
            chainID: Self.chain, nonce: 0, to: Self.other, value: 7,
            gasPrice: UInt256(3_000_000_000))
        let before = try await harness.balance(Keys.payerAddress)
        _ = try await harness.send(protected.rawTransaction)
        harness.sandbox.mine()
        let receipt = try await harness.receipt(protected.transactionHash.hash)
        #expect(receipt["status"] == .string("0x1"))
        #expect(receipt["type"] == .string("0x0"))
        #expect(receipt["effectiveGasPrice"] == .string("0xb2d05e00"))  // the legacy gas price, 3 gwei
        #expect(try await harness.balance(Self.other) == UInt256(7))
        #expect(try await harness.balance(Keys.payerAddress) == before - 7 - UInt256(21_000) * UInt256(3_000_000_000))
    }

    @Test(
        "bytes that are not a transaction are refused with a decoding error",
        arguments: [
            ("0x", "typed transaction too short"), ("0x01c0", "transaction type not supported"),
        ])
    func undecodable(raw: String, message: String) async throws {
        #expect(try await Self.error(try Harness(), hexBytes(raw)).message == message)
    }

    @Test("truncated RLP is an 'rlp:' error")
    func truncated() async throws {
        let answer = try await Self.error(try Harness(), hexBytes("02f8"))
        #expect(answer.code == -32000)
        #expect(answer.message.hasPrefix("rlp: "))
    }

    @Test("a plain transfer moves the value and charges gasUsed × (base fee + tip)")
    func plainTransfer() async throws {
        let harness = try Harness()
        let before = try await harness.balance(Keys.payerAddress)
        let tx = Payments.transaction(
            chainID: Self.chain, nonce: 0, to: Self.other, value: Harness.ether,
            gas: 50_000, maxFee: UInt256(5_000_000_000), tip: UInt256(1_500_000_000))
        _ = try await harness.send(tx.rawTransaction)
        harness.sandbox.mine()
        let receipt = try await harness.receipt(tx.transactionHash.hash)
        #expect(receipt["gasUsed"] == .string("0x5208"))
        #expect(receipt["effectiveGasPrice"] == .string("0x9502f900"))  // 1 gwei base + 1.5 gwei tip
        #expect(try await harness.balance(Self.other) == Harness.ether)
        #expect(
            try await harness.balance(Keys.payerAddress)
                == before - Harness.ether - UInt256(21_000) * UInt256(2_500_000_000))
    }
}
