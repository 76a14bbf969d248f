import Broadcasting
import BundleFormat
import EthereumPrimitives
import EthereumRPC
import EthereumTransactions
import Foundation
import HTTPTransport
import LoopbackHTTP
import Sandbox
import SandboxTestSupport
import Testing

/// Faults while sending: what is known is recorded as soon as it is known.
@Suite struct BroadcastFaultTests {
    /// A node that accepts `eth_sendRawTransaction` but whose answer is lost (the client sees a timeout).
    static func answerLost(_ env: InProcessSandbox) -> JSONRPCClient {
        let sandbox = env.sandbox
        let transport = InProcessTransport { request in
            let response = await sandbox.handle(request)
            if String(decoding: request.body, as: UTF8.self).contains("eth_sendRawTransaction") {
                throw HTTPTransportError.timedOut(url: request.origin)
            }
            return response
        }
        guard let url = URL(string: "http://lossy.test/rpc") else { preconditionFailure("constant URL") }
        return JSONRPCClient(endpoint: url, transport: transport)
    }

    @Test("a node accepts but its answer is lost: maybe-sent is recorded at once; the re-run finds it mined, sends nothing")
    func answerLostIsMaybeSent() async throws {
        let env = try InProcessSandbox()
        let file = try await BroadcasterTests.signedPayment(env)
        let path = temporaryStatePath()
        defer { BroadcastRefusalTests.remove(path) }
        let recorder = Recorder()
        let error = await #expect(throws: BroadcastError.self) {
            _ = try await makeBroadcaster(
                file, rpcs: [Self.answerLost(env)], statePath: path, clock: ManualClock(), recorder: recorder
            ).run()
        }
        guard case .unreachable = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        let hash = file.transaction.transactionHash.hash
        #expect(recorder.sends.map(\.certain) == [false], "a maybe-sent notice, before any receipt")
        #expect(recorder.sends.first?.hash == hash)
        let saved = try BroadcastState(json: Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(saved.status == .maybeSent)
        #expect(saved.submissions.map(\.outcome).allSatisfy { $0.hasPrefix("maybe sent") })
        // The node did take it (automine): the re-run finds it mined and sends nothing more.
        let outcome = try await makeBroadcaster(
            file, rpcs: [env.rpc], statePath: path, clock: ManualClock(), recorder: recorder
        ).run()
        #expect(outcome.receipt.transactionHash == hash)
        #expect(outcome.state.status == .confirmed)
        #expect(recorder.sends.count == 1)
        #expect(recorder.log.contains { $0.hasPrefix("Already mined") })
    }
}
