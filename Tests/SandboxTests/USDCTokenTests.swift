import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import SigningKeys
import Sandbox
import StrictJSON
import Testing
import TestSupport

@Suite("The sandbox USDC token and native transfers")
struct USDCTokenTests {
    static let merchant = Keys.address("0x3535353535353535353535353535353535353535")

    @Test("USDC lives at the chain's native USDC address on 1, 137 and 8453, with code", arguments: [UInt64(1), 137, 8453])
    func builtInAddress(chainID: UInt64) async throws {
        let expected: [UInt64: String] = [
            1: "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 137: "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359",
            8453: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
        ]
        let harness = try Harness(chainID: chainID, usdc: 5)
        #expect(harness.deployment.usdc == Keys.address(try #require(expected[chainID])))
        let code = try await harness.result("eth_getCode", [.string(harness.deployment.usdc.lowercased), "latest"])
        #expect(code != .string("0x"))
        #expect(try await harness.usdcBalance(Keys.payerAddress) == UInt256(5) * USDC.one)
    }

    @Test("transfer moves the balance, returns true and logs Transfer(from, to, value) from the token; gas 50k–65k")
    func transferSucceeds() async throws {
        let harness = try Harness(usdc: 100)
        let tx = try await harness.payUSDC(to: Self.merchant, units: UInt256(25_500_000))
        let receipt = try await harness.receipt(tx.transactionHash.hash)
        #expect(receipt["status"] == .string("0x1"))
        let gas = try UInt256(quantity: try #require(receipt["gasUsed"]?.stringValue), field: "gasUsed")
        #expect(gas >= UInt256(50_000) && gas <= UInt256(65_000))
        let logs = try #require(receipt["logs"]?.arrayValue)
        #expect(logs.count == 1)
        let log = try #require(logs.first)
        #expect(log["address"] == .string(harness.deployment.usdc.lowercased))
        let topicValues = try #require(log["topics"]?.arrayValue)
        let topics = topicValues.compactMap(\.stringValue)
        #expect(
            topics == [
                USDC.transferTopic, "0x000000000000000000000000" + String(Keys.payerAddress.lowercased.dropFirst(2)),
                "0x000000000000000000000000" + String(Self.merchant.lowercased.dropFirst(2)),
            ])
        #expect(log["data"] == .string("0x" + String(repeating: "0", count: 57) + "1851960"))  // 25_500_000
        let event = try ERC20TransferEvent(
            topics: try topics.map { try Hash32(hex: $0) }, data: hexBytes(try #require(log["data"]?.stringValue)))
        #expect(event == ERC20TransferEvent(from: Keys.payerAddress, to: Self.merchant, value: UInt256(25_500_000)))
        #expect(try await harness.usdcBalance(Keys.payerAddress) == UInt256(74_500_000))
        #expect(try await harness.usdcBalance(Self.merchant) == UInt256(25_500_000))
    }

    @Test("a transfer above the balance reverts with the ERC-20 reason, no log, nothing moved")
    func shortBalanceReverts() async throws {
        let harness = try Harness(usdc: 10)
        let tx = try await harness.payUSDC(to: Self.merchant, units: UInt256(10_000_001))
        let receipt = try await harness.receipt(tx.transactionHash.hash)
        #expect(receipt["status"] == .string("0x0"))
        #expect(receipt["logs"] == .array([]))
        #expect(try await harness.usdcBalance(Keys.payerAddress) == UInt256(10) * USDC.one)
        #expect(try await harness.usdcBalance(Self.merchant) == .zero)
        let call = Payments.call(
            from: Keys.payerAddress, to: harness.deployment.usdc,
            data: USDC.transferCalldata(to: Self.merchant, units: UInt256(10_000_001)))
        let error = try await harness.rpcError("eth_call", [call, "latest"])
        #expect(error.code == 3)
        #expect(error.message == "execution reverted: ERC20: transfer amount exceeds balance")
        #expect(error.data == USDC.errorString("ERC20: transfer amount exceeds balance"))
    }

    @Test(
        "malformed transfer calldata, value sent to the token, or an unknown selector revert",
        arguments: ["short", "trailing", "dirty", "value", "unknown"])
    func malformedReverts(kind: String) async throws {
        let harness = try Harness(usdc: 10)
        let good = USDC.transferCalldata(to: Self.merchant, units: USDC.one)
        var data = good
        var value = UInt256.zero
        switch kind {
        case "short": data = Array(good.dropLast())
        case "trailing": data = good + [0]
        case "dirty": data[4] = 1  // a non-zero byte in the address word's padding
        case "value": value = UInt256(1)
        default: data = [0xde, 0xad, 0xbe, 0xef]
        }
        let call = Payments.call(from: Keys.payerAddress, to: harness.deployment.usdc, value: value, data: data)
        let error = try await harness.rpcError("eth_call", [call, "latest"])
        #expect(error.code == 3 && error.message == "execution reverted")
        let okCall = Payments.call(from: Keys.payerAddress, to: harness.deployment.usdc, data: good)
        #expect(try await harness.result("eth_call", [okCall, "latest"]) == .string(Hex.encode(ABI.encode([.bool(true)]))))
    }

    @Test("a transfer to the zero address reverts with the ERC-20 reason")
    func zeroRecipientReverts() async throws {
        let harness = try Harness(usdc: 10)
        let call = Payments.call(
            from: Keys.payerAddress, to: harness.deployment.usdc, data: USDC.transferCalldata(to: .zero, units: USDC.one))
        let error = try await harness.rpcError("eth_call", [call, "latest"])
        #expect(error.message == "execution reverted: ERC20: transfer to the zero address")
    }

    @Test("eth_call and eth_estimateGas simulate the transfer from the given sender")
    func simulation() async throws {
        let harness = try Harness(usdc: 30)
        let data = USDC.transferCalldata(to: Self.merchant, units: UInt256(30) * USDC.one)
        let fromPayer = Payments.call(from: Keys.payerAddress, to: harness.deployment.usdc, data: data)
        let estimate = try await harness.quantity("eth_estimateGas", [fromPayer, "pending"])
        #expect(estimate >= UInt256(50_000) && estimate <= UInt256(65_000))
        let tx = try await harness.payUSDC(to: Self.merchant, units: UInt256(30) * USDC.one, gas: estimate.uint64 ?? 0)
        #expect(try await harness.receipt(tx.transactionHash.hash)["gasUsed"] == .string(estimate.quantity))
        let fromStranger = Payments.call(from: Keys.stranger.address, to: harness.deployment.usdc, data: data)
        #expect(try await harness.rpcError("eth_estimateGas", [fromStranger, "pending"]).code == 3)
        // The payer's balance is now spent: the same simulation reverts.
        #expect(try await harness.rpcError("eth_estimateGas", [fromPayer, "pending"]).code == 3)
        #expect(try await harness.usdcBalance(Self.merchant) == UInt256(30) * USDC.one)
    }

    @Test("sandbox_setUSDCBalance sets a balance that balanceOf reads")
    func adminSetsBalance() async throws {
        let harness = try Harness()
        #expect(try await harness.usdcBalance(Self.merchant) == .zero)
        _ = try await harness.result("sandbox_setUSDCBalance", [.string(Self.merchant.lowercased), "0x2a"])
        #expect(try await harness.usdcBalance(Self.merchant) == UInt256(42))
    }

    @Test("a native transfer with empty calldata to an EOA uses 21000 gas and moves the value", arguments: [UInt64(31337), 8453])
    func nativeTransfer(chainID: UInt64) async throws {
        let harness = try Harness(chainID: chainID)
        let value = UInt256.powerOfTen(15)
        let before = try await harness.balance(Keys.payerAddress)
        let tx = Payments.transaction(chainID: ChainID(chainID), nonce: 0, to: Self.merchant, value: value, gas: 21_000)
        #expect(try await harness.send(tx.rawTransaction)["result"] == .string(tx.transactionHash.hex))
        harness.sandbox.mine()
        let receipt = try await harness.receipt(tx.transactionHash.hash)
        #expect(receipt["status"] == .string("0x1"))
        #expect(receipt["gasUsed"] == .string("0x5208"))
        #expect(try await harness.balance(Self.merchant) == value)
        let price = try UInt256(quantity: try #require(receipt["effectiveGasPrice"]?.stringValue), field: "price")
        #expect(try await harness.balance(Keys.payerAddress) == before - value - price * UInt256(21_000))
    }
}
