import Foundation

/// The time and the waiting a broadcast uses, injected so tests run the follow and credit loops without sleeping.
public protocol BroadcastClock: Sendable {
    /// Unix seconds now.
    func now() -> UInt64
    /// Waits `seconds` (returns early when the task is cancelled).
    func sleep(seconds: Double) async
}

/// The machine's clock and `Task.sleep`: what the `broadcast` tool uses.
public struct SystemBroadcastClock: BroadcastClock {
    /// Creates the clock.
    public init() {}

    /// `Date()` in whole Unix seconds.
    public func now() -> UInt64 { UInt64(Date().timeIntervalSince1970) }

    /// `Task.sleep`.
    public func sleep(seconds: Double) async {
        try? await Task.sleep(for: .milliseconds(Int((seconds * 1000).rounded())))
    }
}
