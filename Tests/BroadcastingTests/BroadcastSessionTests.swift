import Broadcasting
import BundleFormat
import CommandLineSupport
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import OnlineSupport
import SandboxTestSupport
import Testing

/// The session's own rules: one transition function for the status, one run per state file, the nodes it keeps.
@Suite struct BroadcastSessionTests {
    @Test("the status only moves forward: no event takes a mined, reverted or credited payment back")
    func statusNeverMovesBackwards() {
        let order: [BroadcastStatus] = [.new, .maybeSent, .sent, .mined, .confirmed, .credited]
        let events: [BroadcastEvent] = [.accepted, .maybeSent, .mined, .confirmed, .reverted, .credited]
        for status in BroadcastStatus.allCases {
            for event in events {
                let next = status.applying(event)
                if status == .reverted || status == .credited { #expect(next == status, "\(status) is final") }
                if let from = order.firstIndex(of: status), let to = order.firstIndex(of: next) {
                    #expect(to >= from, "\(status) + \(event) → \(next) moved backwards")
                }
                if next == .reverted { #expect(!([.confirmed, .credited] as [BroadcastStatus]).contains(status)) }
            }
        }
        #expect(BroadcastStatus.new.applying(.accepted) == .sent)
        #expect(BroadcastStatus.new.applying(.maybeSent) == .maybeSent)
        #expect(BroadcastStatus.maybeSent.applying(.accepted) == .sent)
        #expect(BroadcastStatus.sent.applying(.maybeSent) == .sent)
        #expect(BroadcastStatus.mined.applying(.accepted) == .mined)
        #expect(BroadcastStatus.mined.applying(.credited) == .mined, "credits only after the confirmations")
        #expect(BroadcastStatus.confirmed.applying(.credited) == .credited)
        #expect(BroadcastStatus.allCases.filter(\.maySend) == [.new, .maybeSent, .sent])
    }

    @Test("an unknown status in the state file is refused naming the field")
    func unknownStatusRefused() throws {
        let state = BroadcastState(hashes: [Keccak256.hash([1])], chargeID: "c")
        let text = String(decoding: state.json(), as: UTF8.self).replacingOccurrences(
            of: "\"status\": \"new\"", with: "\"status\": \"paid\"")
        #expect(text.contains("\"paid\""))
        #expect(throws: BundleError.self) { _ = try BroadcastState(json: Data(text.utf8)) }
    }

    @Test("a second run on a locked state stops at once naming the holder (exit 75), nothing sent")
    func secondRunIsRefused() async throws {
        let env = try InProcessSandbox()
        let file = try await BroadcasterTests.signedPayment(env)
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let held = try LockedAppendFile.open(path + ".lock", what: "test lock", cap: 4096)
        let recorder = Recorder()
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await makeBroadcaster(file, rpcs: [env.rpc], statePath: path, clock: ManualClock(), recorder: recorder)
                .run()
        }
        #expect(error == .busy(path: path, holder: getpid()))
        #expect(error?.exitStatus == .temporaryFailure)
        #expect(error?.description.contains("process \(getpid())") == true)
        #expect(recorder.sends.isEmpty)
        #expect(try await env.pendingNonce() == 0)
        held.close()
        _ = try await makeBroadcaster(file, rpcs: [env.rpc], statePath: path, clock: ManualClock(), recorder: recorder).run()
        #expect(recorder.sends.count == 1, "once the lock is free the run goes through")
    }

    @Test("of two nodes, one on another chain is skipped with a warning naming it; the other pays")
    func wrongChainNodeIsSkipped() async throws {
        let env = try InProcessSandbox()
        let other = try InProcessSandbox(chainID: 137)
        let file = try await BroadcasterTests.signedPayment(env)
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let recorder = Recorder()
        let outcome = try await makeBroadcaster(
            file, rpcs: [other.rpc(host: "polygon.test"), env.rpc(host: "good.test")], statePath: path, clock: ManualClock(),
            recorder: recorder
        ).run()
        #expect(outcome.receipt.transactionHash == file.transaction.transactionHash.hash)
        #expect(recorder.log.contains { $0.contains("skipping RPC http://polygon.test") && $0.contains("137") })
        #expect(recorder.sends.map(\.nodes) == [["http://good.test"]])
        #expect(outcome.state.submissions.map(\.rpc) == ["http://good.test"])
        #expect(try await other.pendingNonce() == 0, "nothing went to the node on the other chain")
    }
}
