import SigningKeys
import Broadcasting
import BundleFormat
import EthereumPrimitives
import EthereumRPC
import Foundation
import PaymentAPI
import SandboxTestSupport
import Secp256k1

/// A clock that only moves when told to, or when the code under test sleeps: loops that wait minutes in real life
/// run in microseconds, and the sandbox can share the same time.
final class ManualClock: BroadcastClock, @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var seconds: Double
    private var slept: Double = 0

    init(start: UInt64 = UInt64(Date().timeIntervalSince1970)) { seconds = Double(start) }

    func now() -> UInt64 { lock.withLock { UInt64(seconds) } }

    /// Advances the time instead of waiting.
    func sleep(seconds wait: Double) async {
        lock.withLock {
            seconds += wait
            slept += wait
        }
        await Task.yield()
    }

    /// Moves the time to `time`.
    func set(_ time: UInt64) { lock.withLock { seconds = Double(time) } }

    /// Total seconds "slept" so far.
    var totalSlept: Double { lock.withLock { slept } }

    /// The sandbox's view of this clock.
    var wallClock: @Sendable () -> UInt64 { { [self] in now() } }
}

/// Collects what a broadcaster reports.
final class Recorder: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var notices: [Broadcaster.SentNotice] = []
    private var lines: [String] = []

    func sent(_ notice: Broadcaster.SentNotice) { lock.withLock { notices.append(notice) } }
    func log(_ line: String) { lock.withLock { lines.append(line) } }
    var sends: [Broadcaster.SentNotice] { lock.withLock { notices } }
    var log: [String] { lock.withLock { lines } }
}

extension InProcessSandbox {
    /// The payer's nonce counting pending transactions: unchanged means nothing was sent.
    func pendingNonce() async throws -> UInt64 {
        try await rpc.transactionCount(of: InProcessSandbox.payer.address, at: .pending)
    }

    /// A client for this sandbox under another host name, so two sandboxes have distinct origins.
    func rpc(host: String) -> JSONRPCClient {
        guard let url = URL(string: "http://\(host)/rpc") else { preconditionFailure("test host \(host)") }
        return JSONRPCClient(endpoint: url, transport: transport)
    }
}

/// A fresh state path in the temporary folder.
func temporaryStatePath() -> String { NSTemporaryDirectory() + "broadcast-\(UUID().uuidString).state.json" }

/// A broadcaster with a manual clock and a recorder.
func makeBroadcaster(
    _ file: SignedTransactionFile, rpcs: [JSONRPCClient], api: PaymentAPIClient? = nil, statePath: String,
    clock: ManualClock, recorder: Recorder, configure: (inout Broadcaster.Settings) -> Void = { _ in }
) -> Broadcaster {
    var settings = Broadcaster.Settings()
    settings.pollSeconds = 0.5
    settings.timeoutSeconds = 60
    configure(&settings)
    var broadcaster = Broadcaster(
        file: file, rpcs: rpcs, api: api, statePath: statePath, settings: settings, log: { recorder.log($0) },
        clock: clock)
    broadcaster.onSent = { recorder.sent($0) }
    return broadcaster
}
