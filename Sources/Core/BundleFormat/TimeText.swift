/// Times for people: ISO-8601 UTC with how far away they are, never raw Unix seconds.
public enum TimeText {
    /// `2025-03-01T06:19:59Z (in 4 min 10 s)` or `2025-03-01T06:19:59Z (2 min ago)`, relative to `now`.
    public static func at(_ time: UInt64, now: UInt64) -> String {
        let when = ISO8601.format(unixSeconds: time)
        if time == now { return "\(when) (now)" }
        return time > now ? "\(when) (in \(duration(time - now)))" : "\(when) (\(duration(now - time)) ago)"
    }

    /// `3 h 5 min`, `4 min 10 s`, `42 s`.
    public static func duration(_ seconds: UInt64) -> String {
        if seconds >= 3600 { return "\(seconds / 3600) h \(seconds % 3600 / 60) min" }
        if seconds >= 60 { return seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds / 60) min \(seconds % 60) s" }
        return "\(seconds) s"
    }
}
