/// How often and how patiently ``PaymentAPIClient`` retries.
///
/// Retried, under one rule: 429, 408 and 5xx wait `Retry-After` seconds when given, else the backoff, and are not
/// retried at all when that wait exceeds ``maximumRetryAfter`` (60 s by default: the error says how long the
/// server asked for); also connections that were refused or could not be made (the server never saw the
/// request). Not retried: timeouts (the full timeout was already spent; the server may have acted) and every other
/// status. The backoff doubles from ``initialBackoff`` up to ``maximumBackoff``, without jitter: one operator runs
/// one tool, so there is no herd to spread out.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts in total, the first included (1 means no retry).
    public var maximumAttempts: Int
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// The longest wait between attempts when the server gives no `Retry-After`.
    public var maximumBackoff: Duration
    /// The longest `Retry-After` honoured; a server asking for more gets no retry and the error says how long.
    public var maximumRetryAfter: Duration

    /// Creates a policy.
    public init(
        maximumAttempts: Int = 4,
        initialBackoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(16),
        maximumRetryAfter: Duration = .seconds(60)
    ) {
        precondition(maximumAttempts >= 1, "at least one attempt — caller bug")
        self.maximumAttempts = maximumAttempts
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// One attempt, no retries.
    public static let never = RetryPolicy(maximumAttempts: 1)

    /// The wait after failed attempt number `attempt` (1-based): `initialBackoff × 2^(attempt − 1)`, capped.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        var delay = initialBackoff
        for _ in 1..<max(attempt, 1) {
            guard delay < maximumBackoff else { break }
            delay = delay * 2
        }
        return min(delay, maximumBackoff)
    }

    /// The delay of a `Retry-After` header in its delta-seconds form (`"120"`); nil for an absent header, the
    /// HTTP-date form (not supported: OpenRouter documents seconds) or a malformed value.
    public static func retryAfter(_ header: String?) -> Duration? {
        guard let text = header.map(trimmingBlanks), !text.isEmpty,
            text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seconds = Int64(text)
        else { return nil }
        return .seconds(seconds)
    }
}

/// Waits between retries; tests inject one that records the delays and returns at once.
public protocol Sleeper: Sendable {
    /// Suspends for `duration`; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real ``Sleeper``: `Task.sleep`.
public struct TaskSleeper: Sleeper {
    /// Creates the sleeper.
    public init() {}

    /// Calls `Task.sleep(for:)`.
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

/// `text` without leading and trailing spaces and tabs.
private func trimmingBlanks(_ text: String) -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(text.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
}
