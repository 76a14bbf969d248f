import Broadcasting
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import EthereumTransactions
import Foundation
import OnlineSupport
import SandboxTestSupport
import Testing

/// The six refusals SECURITY.md promises for `broadcast`, each played as an attack or an accident against the
/// in-process sandbox, each with its documented exit code, and each proving that nothing was sent.
@Suite struct BroadcastRefusalTests {
    @Test("a nonce consumed by a transaction that is not ours is refused before sending (exit 65)")
    func nonceUsedElsewhere() async throws {
        let env = try InProcessSandbox()
        // Two payments signed for the same nonce: the first one is mined, so the second can never be.
        let first = try await BroadcasterTests.signedPayment(env)
        let second = try await BroadcasterTests.signedPayment(env)
        #expect(first.transaction.transaction.nonce == second.transaction.transaction.nonce)
        let clock = ManualClock()
        let paths = [temporaryStatePath(), temporaryStatePath()]
        defer { for path in paths { Self.remove(path) } }
        _ = try await makeBroadcaster(first, rpcs: [env.rpc], statePath: paths[0], clock: clock, recorder: Recorder()).run()
        let recorder = Recorder()
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await makeBroadcaster(second, rpcs: [env.rpc], statePath: paths[1], clock: clock, recorder: recorder).run()
        }
        #expect(error == .nonceUsedElsewhere(nonce: second.transaction.transaction.nonce, accountNonce: 1))
        #expect(error?.exitStatus == .dataError)
        #expect(recorder.sends.isEmpty)
        #expect(try await env.pendingNonce() == 1, "only the first payment reached the chain")
    }

    @Test("a node on another chain is refused when it is the only one (exit 65), nothing sent")
    func wrongChain() async throws {
        let env = try InProcessSandbox()
        let other = try InProcessSandbox(chainID: 8453)
        let file = try await BroadcasterTests.signedPayment(env)
        let path = temporaryStatePath()
        defer { Self.remove(path) }
        let recorder = Recorder()
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await makeBroadcaster(
                file, rpcs: [other.rpc(host: "base.test")], statePath: path, clock: ManualClock(), recorder: recorder
            ).run()
        }
        #expect(error == .wrongChain(expected: ChainID(31337), found: ["http://base.test serves chain Base (8453)"]))
        #expect(error?.exitStatus == .dataError)
        #expect(recorder.sends.isEmpty)
        #expect(try await other.pendingNonce() == 0)
        #expect(try await env.pendingNonce() == 0)
    }

    @Test("a state file that belongs to another signed transaction is refused and left as it was (exit 65)")
    func stateMismatch() async throws {
        let env = try InProcessSandbox()
        let file = try await BroadcasterTests.signedPayment(env)
        let path = temporaryStatePath()
        defer { Self.remove(path) }
        var foreign = BroadcastState(hashes: [Keccak256.hash([7])], chargeID: file.chargeID)
        foreign.record(.accepted)
        try foreign.json().write(to: URL(fileURLWithPath: path))
        let recorder = Recorder()
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await makeBroadcaster(file, rpcs: [env.rpc], statePath: path, clock: ManualClock(), recorder: recorder)
                .run()
        }
        #expect(error == .stateMismatch(path: path))
        #expect(error?.exitStatus == .dataError)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == foreign.json())
        #expect(recorder.sends.isEmpty)
        #expect(try await env.pendingNonce() == 0)
    }

    @Test("--bundle whose signing hash differs from the signed file is refused by the library (exit 65)")
    func bundleMismatch() async throws {
        let env = try InProcessSandbox()
        let (signed, bundle) = try await BroadcasterTests.signedPaymentAndBundle(env)
        let (_, otherBundle) = try await BroadcasterTests.signedPaymentAndBundle(env, amount: "30")
        var file = signed
        let error = #expect(throws: BroadcastError.self) { try BroadcastInput.check(&file, against: otherBundle) }
        #expect(error == .bundleMismatch(signed: signed.transaction.signingHash, bundle: otherBundle.signingHash))
        #expect(error?.exitStatus == .dataError)
        #expect(file.chargeID == signed.chargeID, "a refused file is not touched")
        // The same check passes for the bundle it was signed from, and takes its charge id (a raw transaction has none).
        var raw = try BroadcastInput.fromRaw(Hex.encode(signed.transaction.rawTransaction))
        #expect(raw.chargeID != bundle.charge.id)
        try BroadcastInput.check(&raw, against: bundle)
        #expect(raw.chargeID == bundle.charge.id)
    }

    @Test("an intent whose deadline passed by the broadcaster's clock is refused before sending (exit 65)")
    func expiredAtBroadcast() async throws {
        let env = try InProcessSandbox()
        let file = try await BroadcasterTests.signedPayment(env)
        let deadline = try #require(file.validUntil == .max ? nil : file.validUntil)
        let path = temporaryStatePath()
        defer { Self.remove(path) }
        let clock = ManualClock(start: deadline + 1)
        let recorder = Recorder()
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await makeBroadcaster(file, rpcs: [env.rpc], statePath: path, clock: clock, recorder: recorder).run()
        }
        #expect(error == .expired(deadline: deadline, now: deadline + 1))
        #expect(error?.exitStatus == .dataError)
        #expect(recorder.sends.isEmpty)
        #expect(try await env.pendingNonce() == 0)
        // One second earlier the same file is sent.
        clock.set(deadline)
        _ = try await makeBroadcaster(file, rpcs: [env.rpc], statePath: path, clock: clock, recorder: recorder).run()
        #expect(recorder.sends.count == 1)
    }

    @Test("a state file that cannot be written is refused before anything is sent (exit 73)")
    func stateNotWritable() async throws {
        let env = try InProcessSandbox()
        let file = try await BroadcasterTests.signedPayment(env)
        // A regular file where the state's folder should be: not writable even for root.
        let blocker = NSTemporaryDirectory() + "not-a-folder-\(UUID().uuidString)"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        defer { Self.remove(blocker) }
        let path = blocker + "/signed.json.state.json"
        let recorder = Recorder()
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await makeBroadcaster(file, rpcs: [env.rpc], statePath: path, clock: ManualClock(), recorder: recorder)
                .run()
        }
        guard case .cannotWriteState(let failed, _) = error else {
            Issue.record("expected cannotWriteState, got \(String(describing: error))")
            return
        }
        #expect(failed == path)
        #expect(error?.exitStatus == .cannotCreate)
        #expect(recorder.sends.isEmpty)
        #expect(try await env.pendingNonce() == 0)
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + ".lock")
    }
}
