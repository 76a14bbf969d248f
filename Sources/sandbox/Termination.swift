import Dispatch
import Foundation
import Synchronization

/// Waits for SIGINT or SIGTERM (ignoring their default action, which would kill the process at once).
enum Termination {
    /// Returns the signal that arrived.
    static func wait() async -> Int32 {
        let signals: [Int32] = [SIGINT, SIGTERM]
        for number in signals { signal(number, SIG_IGN) }
        let fired = Mutex(false)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let sources = signals.map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
            for (source, number) in zip(sources, signals) {
                source.setEventHandler {
                    let first = fired.withLock { alreadyFired in
                        defer { alreadyFired = true }
                        return !alreadyFired
                    }
                    guard first else { return }
                    for other in sources { other.cancel() }  // the sources stay alive until here
                    continuation.resume(returning: number)
                }
                source.resume()
            }
        }
    }
}
