import Foundation
import EthereumPrimitives
import Synchronization

/// The node: the state under one lock, the rules, the clock and the state file.
///
/// Every JSON-RPC method, the miner and the credits API go through ``withState(_:)``, so each sees a consistent
/// state. Blocks are written to the state file while the lock is held, so files are written in block order.
final class ChainNode: Sendable {
    let rules: ChainRules
    let statePath: String?
    private let state: Mutex<SandboxState>
    private let automineFlag: Mutex<Bool>
    private let wallClock: @Sendable () -> UInt64
    private let log: @Sendable (String) -> Void

    init(
        rules: ChainRules, state: SandboxState, automine: Bool, statePath: String?,
        wallClock: @escaping @Sendable () -> UInt64, log: @escaping @Sendable (String) -> Void
    ) {
        self.rules = rules
        self.state = Mutex(state)
        automineFlag = Mutex(automine)
        self.statePath = statePath
        self.wallClock = wallClock
        self.log = log
    }

    /// Seconds since the Unix epoch, from the system clock.
    static func systemWallClock() -> UInt64 {
        let seconds = Date().timeIntervalSince1970
        return seconds > 0 ? UInt64(seconds) : 0  // time, not money: truncating to whole seconds is intended
    }

    /// Runs `body` with exclusive access to the state.
    func withState<R, E: Error>(_ body: (inout SandboxState) throws(E) -> R) throws(E) -> R {
        try state.withLock { (state: inout SandboxState) throws(E) -> R in try body(&state) }
    }

    /// Sandbox time now (wall clock plus the offset).
    func now() -> UInt64 { withState { $0.now(wallClock: wallClock()) } }

    /// The current wall clock, for callers computing sandbox time inside ``withState(_:)``.
    func wallClockNow() -> UInt64 { wallClock() }

    /// Whether each accepted transaction is mined at once.
    var automine: Bool {
        get { automineFlag.withLock { $0 } }
        set { automineFlag.withLock { $0 = newValue } }
    }

    /// `eth_sendRawTransaction`: admits the transaction, then mines it at once under automine.
    func sendRawTransaction(_ raw: [UInt8]) throws(RPCFailure) -> Hash32 {
        let mineNow = automine
        return try withState { (state: inout SandboxState) throws(RPCFailure) -> Hash32 in
            let tx = try state.admit(raw, rules: rules)
            if mineNow { mineLocked(&state) }
            return tx.hash
        }
    }

    /// Mines `count` blocks now and returns the newest block number.
    @discardableResult
    func mine(count: Int = 1) -> UInt64 {
        withState { state in
            for _ in 0..<max(count, 0) { mineLocked(&state) }
            return state.latest.number
        }
    }

    /// Writes the state file now (also done after every block).
    func save() {
        withState { state in persist(state) }
    }

    private func mineLocked(_ state: inout SandboxState) {
        state.mineBlock(rules: rules, now: state.now(wallClock: wallClock()))
        persist(state)
    }

    private func persist(_ state: SandboxState) {
        guard let statePath else { return }
        do {
            try StateFile.write(StateFile.encode(state, chainID: rules.chainID.value), to: statePath)
        } catch {
            log("warning: \(error)")
        }
    }
}
