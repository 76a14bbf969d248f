import Broadcasting
import BundleFormat
import CommandLineSupport
import EthereumABI
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import OnlineSupport
import SandboxTestSupport
import SigningKeys
import Testing

/// Checkout payments (issue 13): `paid` only once the receipt shows the signed transfer, against a node that may
/// lie and a token that may move nothing.
@Suite struct CheckoutBroadcastTests {
    static let usdc = KnownChain.entry(for: ChainID(8453))?.usdc ?? Address(uncheckedBytes: [UInt8](repeating: 1, count: 20))
    static let recipient = Address(uncheckedBytes: [UInt8](repeating: 0x5e, count: 20))
    static let other = Address(uncheckedBytes: [UInt8](repeating: 0x66, count: 20))
    static let amount = UInt256(25_000_000)
    static var payer: Address { InProcessSandbox.payer.address }

    /// A signed checkout payment on Base: `usdc.transfer(recipient, 25.00)`, or `value` wei to the recipient.
    static func signed(native value: Wei? = nil, validUntil: UInt64 = .max) -> SignedTransactionFile {
        let tx = EIP1559Transaction(
            chainID: ChainID(8453), nonce: 0, maxPriorityFeePerGas: Wei(UInt256(1_000_000)),
            maxFeePerGas: Wei(UInt256(2_000_000_000)), gasLimit: value == nil ? 65_000 : 21_000,
            to: value == nil ? usdc : recipient, value: value ?? Wei(.zero),
            data: value == nil ? ERC20Transfer(recipient: recipient, amount: amount).calldata : [])
        return SignedTransactionFile(
            transaction: tx.signed(with: InProcessSandbox.payer), from: payer, chargeID: "checkout:test-1",
            validUntil: validUntil, signedAt: 1, unsignedBundleHash: Keccak256.hash([1]))
    }

    /// The honest log: `Transfer(payer, recipient, 25.00)` emitted by USDC.
    static func transferLog(
        token: Address = usdc, from: Address = payer, to: Address = recipient, value: UInt256 = amount
    ) -> Log {
        let event = ERC20TransferEvent(from: from, to: to, value: value)
        return Log(address: token, topics: event.topics, data: event.data)
    }

    /// Runs a broadcast of `file` against `node`.
    static func run(
        _ file: SignedTransactionFile, node: FakeChainNode, path: String, recorder: Recorder = Recorder(),
        credits: FakeCredits? = nil, configure: (inout Broadcaster.Settings) -> Void = { _ in }
    ) async throws -> Broadcaster.Outcome {
        var broadcaster = makeBroadcaster(
            file, rpcs: [node.rpc], api: try credits?.api(), statePath: path, clock: ManualClock(), recorder: recorder,
            configure: configure)
        broadcaster.onConfirmed = { recorder.log("onConfirmed \($0.transactionHash)") }
        return try await broadcaster.run()
    }

    @Test("a token transfer is paid once the token's Transfer(signer, recipient, amount) log is in the receipt")
    func tokenTransferConfirmed() async throws {
        let node = FakeChainNode(script: .init(logs: [Self.transferLog()]))
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let recorder = Recorder()
        let outcome = try await Self.run(Self.signed(), node: node, path: path, recorder: recorder)
        let transfer = try #require(outcome.transfer)
        #expect(transfer.token == Self.usdc)
        #expect(transfer.from == Self.payer)
        #expect(transfer.to == Self.recipient)
        #expect(transfer.amount == Self.amount)
        #expect(transfer.amountText == "25.00 USDC")
        #expect(outcome.state.status == .confirmed)
        #expect(recorder.log.contains { $0.hasPrefix("onConfirmed") })
        #expect(node.sent.count == 1)
    }

    @Test("status 1 without any Transfer log is refused (exit 65), recorded not-paid, never confirmed")
    func noTransferLogRefused() async throws {
        let node = FakeChainNode(script: .init(logs: []))
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let recorder = Recorder()
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await Self.run(Self.signed(), node: node, path: path, recorder: recorder)
        }
        guard case .paymentNotConfirmed(_, let block, let reason)? = error else {
            Issue.record("expected paymentNotConfirmed, got \(String(describing: error))")
            return
        }
        #expect(block == FakeChainNode.block)
        #expect(reason.contains("no Transfer"))
        #expect(error?.exitStatus == .dataError)
        #expect(error?.kind == "paymentNotConfirmed")
        let saved = try BroadcastState(json: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(saved.status == .notPaid)
        #expect(!recorder.log.contains { $0.hasPrefix("onConfirmed") }, "no mined/paid audit entry")
    }

    /// The attacker's logs: each has the Transfer topic and decodes, but one field is not the signed one.
    static let forgedLogs: [(String, Log)] = [
        ("another contract", transferLog(token: other)),
        ("another recipient", transferLog(to: other)),
        ("another amount", transferLog(value: amount - UInt256(1))),
        ("another from", transferLog(from: other)),
    ]

    @Test(
        "a Transfer log from another contract, to another recipient, of another amount or from another payer is refused",
        arguments: 0..<4)
    func forgedLogRefused(index: Int) async throws {
        let (name, log) = Self.forgedLogs[index]
        let node = FakeChainNode(script: .init(logs: [log]))
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        await #expect(throws: BroadcastError.self, "\(name)") {
            _ = try await Self.run(Self.signed(), node: node, path: path)
        }
        let saved = try BroadcastState(json: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(saved.status == .notPaid, "\(name)")
    }

    @Test("a receipt whose sender is not the signer is refused even with the right log")
    func receiptFromAnotherSender() async throws {
        let node = FakeChainNode(script: .init(logs: [Self.transferLog()], receiptFrom: Self.other))
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let error = await #expect(throws: BroadcastError.self) { _ = try await Self.run(Self.signed(), node: node, path: path) }
        #expect(error?.kind == "paymentNotConfirmed")
    }

    @Test("a native transfer is paid when the mined transaction has the signed recipient and value")
    func nativeTransferConfirmed() async throws {
        let value = Wei(UInt256.powerOfTen(17) * UInt256(5))
        let node = FakeChainNode()
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let outcome = try await Self.run(Self.signed(native: value), node: node, path: path)
        let transfer = try #require(outcome.transfer)
        #expect(transfer.token == nil)
        #expect(transfer.to == Self.recipient)
        #expect(transfer.amount == value.amount)
        #expect(transfer.amountText == "0.5 ETH")
        #expect(outcome.state.status == .confirmed)
    }

    @Test("a node reporting another value or recipient for the mined native transfer is refused", arguments: [true, false])
    func nativeMismatchRefused(wrongValue: Bool) async throws {
        let value = Wei(UInt256.powerOfTen(17))
        var script = FakeChainNode.Script()
        if wrongValue { script.minedValue = Wei(UInt256(1)) } else { script.minedTo = Self.other }
        let node = FakeChainNode(script: script)
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await Self.run(Self.signed(native: value), node: node, path: path)
        }
        #expect(error?.kind == "paymentNotConfirmed")
        #expect(error?.description.contains(wrongValue ? "value" : "recipient") == true)
    }

    @Test("an expired checkout is not sent")
    func expiredCheckoutNotSent() async throws {
        let node = FakeChainNode(script: .init(logs: [Self.transferLog()]))
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await Self.run(Self.signed(validUntil: 1_000), node: node, path: path)
        }
        guard case .requestExpired(let until, _)? = error else {
            Issue.record("expected requestExpired, got \(String(describing: error))")
            return
        }
        #expect(until == 1_000)
        #expect(error?.exitStatus == .dataError)
        #expect(node.sent.isEmpty)
    }
}
