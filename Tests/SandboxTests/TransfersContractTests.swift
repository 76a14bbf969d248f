import SigningKeys
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Sandbox
import Secp256k1
import StrictJSON
import Testing
import TestSupport

@Suite("Transfers contract rules")
struct TransfersContractTests {
    /// Simulates paying `intent` from the payer with `value` (default 1 ETH) and returns the error answer.
    static func revert(
        _ harness: Harness, _ intent: TransferIntent, tier: UInt32 = 500,
        from: Address = Keys.payerAddress, value: UInt256? = nil
    ) async throws -> RPCErrorAnswer {
        let data = TransfersContract.encodeSwapAndTransfer(intent: intent, poolFeesTier: tier)
        return try await harness.rpcError(
            "eth_call",
            [
                Payments.call(from: from, to: harness.deployment.transfers, value: value ?? Harness.ether, data: data)
            ])
    }

    static func intent(
        _ harness: Harness, deadline: UInt64? = nil, recipient: Address? = nil,
        currency: Address? = nil, signer: PrivateKeyChoice = .sandboxOperator,
        chainID: ChainID? = nil, contract: Address? = nil
    ) throws -> TransferIntent {
        try Payments.intent(
            deadline: deadline ?? harness.clock.now + 3600, chainID: chainID ?? harness.deployment.chainID,
            contract: contract ?? harness.deployment.transfers,
            recipient: recipient ?? Keys.address("0x5eA054aEea285Ebc3A92eCB1f722f44304F72581"),
            currency: currency ?? harness.deployment.usdc,
            signer: signer == .sandboxOperator ? Keys.sandboxOperator : Keys.stranger)
    }

    enum PrivateKeyChoice { case sandboxOperator, stranger }

    /// Expected revert bytes are the selectors of docs/protocol.md §1.6, written out.
    @Test(
        "each rule reverts with the contract's custom error, code 3 and the data in error.data",
        arguments: [
            "wrongSender", "wrongChain", "wrongContract", "tamperedAmount", "expired", "nullRecipient",
            "unregisteredOperator", "nativeCurrency", "wrappedNativeCurrency",
        ])
    func ruleReverts(rule: String) async throws {
        let harness = try Harness()
        let expected: (selector: String, revert: ContractRevert)
        let answer: RPCErrorAnswer
        switch rule {
        case "wrongSender":
            expected = ("8baa579f", .invalidSignature)
            answer = try await Self.revert(
                harness, try Self.intent(harness), from: Keys.stranger.address,
                value: .zero)  // the stranger holds nothing; the signature fails first
        case "wrongChain":
            expected = ("8baa579f", .invalidSignature)
            answer = try await Self.revert(harness, try Self.intent(harness, chainID: ChainID(8453)))
        case "wrongContract":
            expected = ("8baa579f", .invalidSignature)
            answer = try await Self.revert(harness, try Self.intent(harness, contract: Keys.stranger.address))
        case "tamperedAmount":
            expected = ("8baa579f", .invalidSignature)
            var intent = try Self.intent(harness)
            intent.recipientAmount = UInt256(1)
            answer = try await Self.revert(harness, intent)
        case "expired":
            expected = ("0080add4", .expiredIntent)
            answer = try await Self.revert(harness, try Self.intent(harness, deadline: harness.clock.now - 3600))
        case "nullRecipient":
            expected = ("df99255c", .nullRecipient)
            answer = try await Self.revert(harness, try Self.intent(harness, recipient: .zero))
        case "unregisteredOperator":
            expected = ("25ec6c1f", .operatorNotRegistered)
            answer = try await Self.revert(harness, try Self.intent(harness, signer: .stranger))
        case "nativeCurrency":
            expected = ("6453b66b" + String(repeating: "0", count: 64), .incorrectCurrency(.zero))
            answer = try await Self.revert(harness, try Self.intent(harness, currency: .zero))
        default:
            expected = ("6453b66b" + String(repeating: "0", count: 64), .incorrectCurrency(.zero))
            let intent = try Self.intent(harness, currency: harness.deployment.wrappedNative)
            answer = try await Self.revert(harness, intent)
        }
        #expect(answer.code == 3)
        #expect(answer.message == "execution reverted")
        #expect(answer.data == hexBytes(expected.selector))
        #expect(ContractRevert(revertData: answer.data ?? []) == expected.revert)
    }

    @Test("a deadline passed by moving the clock is ExpiredIntent when mined")
    func expiresWithTime() async throws {
        let harness = try Harness()
        let charge = try await harness.charge()
        _ = try await harness.result("sandbox_increaseTime", [.number("3601")])
        harness.sandbox.mine()
        let answer = try await Self.revert(harness, charge.intent)
        #expect(ContractRevert(revertData: answer.data ?? []) == .expiredIntent)
    }

    @Test("a value below the quote, or zero, is SwapFailedString(V3TooMuchRequested); the quote itself succeeds")
    func valueAgainstQuote() async throws {
        let harness = try Harness()
        let intent = try Self.intent(harness)
        let quote = try await Payments.quote(harness, usdcUnits: UInt256(10_000_000))
        for value in [quote - 1, UInt256.zero] {
            let answer = try await Self.revert(harness, intent, value: value)
            #expect(answer.data?.prefix(4) == hexBytes("8a627c16")[...])
            #expect(ContractRevert(revertData: answer.data ?? []) == .swapFailedString("V3TooMuchRequested"))
        }
        let data = TransfersContract.encodeSwapAndTransfer(intent: intent, poolFeesTier: 500)
        let result = try await harness.result(
            "eth_call",
            [
                Payments.call(from: Keys.payerAddress, to: harness.deployment.transfers, value: quote, data: data)
            ])
        #expect(result == .string("0x"))
    }

    @Test("a fee tier without a pool is SwapFailedBytes with empty data")
    func missingPool() async throws {
        let harness = try Harness()
        let answer = try await Self.revert(harness, try Self.intent(harness), tier: 100)
        #expect(ContractRevert(revertData: answer.data ?? []) == .swapFailedBytes([]))
    }

    @Test("a malformed operator signature fails in ECDSA.recover with OpenZeppelin's reason")
    func malformedSignature() async throws {
        let harness = try Harness()
        var intent = try Self.intent(harness)
        intent.signature = Array(intent.signature.prefix(64))
        let answer = try await Self.revert(harness, intent)
        #expect(answer.message == "execution reverted: ECDSA: invalid signature length")
        #expect(ContractRevert(revertData: answer.data ?? []) == .error("ECDSA: invalid signature length"))
    }

    @Test("plain value sent to the contract reverts: only the wrapped-native contract may pay it")
    func receiveRefusesValue() async throws {
        let harness = try Harness()
        let answer = try await harness.rpcError(
            "eth_call",
            [
                Payments.call(from: Keys.payerAddress, to: harness.deployment.transfers, value: UInt256(1), data: [])
            ])
        #expect(answer.message == "execution reverted: only payable for unwrapping")
    }

    @Test("eth_estimateGas returns the swap's gas, or the revert with its data")
    func estimateGas() async throws {
        let harness = try Harness()
        let intent = try Self.intent(harness)
        let data = TransfersContract.encodeSwapAndTransfer(intent: intent, poolFeesTier: 500)
        let gas = try await harness.quantity(
            "eth_estimateGas",
            [
                Payments.call(from: Keys.payerAddress, to: harness.deployment.transfers, value: Harness.ether, data: data)
            ])
        #expect(gas == UInt256(180_000))
        let reverted = try await harness.rpcError(
            "eth_estimateGas",
            [
                Payments.call(from: Keys.stranger.address, to: harness.deployment.transfers, value: .zero, data: data)
            ])
        #expect(reverted.code == 3)
        #expect(reverted.data == hexBytes("8baa579f"))
    }

    @Test("a mined payment that reverts has status 0, no logs, no value moved, and pays gas")
    func minedRevert() async throws {
        let harness = try Harness()
        let intent = try Self.intent(harness, deadline: harness.clock.now - 1)
        let data = TransfersContract.encodeSwapAndTransfer(intent: intent, poolFeesTier: 500)
        let before = try await harness.balance(Keys.payerAddress)
        let tx = Payments.transaction(
            chainID: ChainID(31337), nonce: 0, to: harness.deployment.transfers,
            value: Harness.ether, data: data)
        _ = try await harness.send(tx.rawTransaction)
        harness.sandbox.mine()
        let receipt = try await harness.receipt(tx.transactionHash.hash)
        #expect(receipt["status"] == .string("0x0"))
        let gasUsed = try UInt256(quantity: receipt["gasUsed"]?.stringValue ?? "", field: "gasUsed")
        #expect(gasUsed < UInt256(300_000))
        #expect(try await harness.balance(Keys.payerAddress) == before - gasUsed * UInt256(2_000_000_000))
    }
}
