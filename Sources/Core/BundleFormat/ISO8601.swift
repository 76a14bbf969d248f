/// Reads the charge's `deadline` as Unix seconds without Foundation's locale-dependent formatters.
///
/// Accepts `YYYY-MM-DDTHH:MM:SS` with optional fractional seconds (truncated, as the official viem example's
/// `Math.floor(Date/1000)` does) and a `Z` or `±HH:MM` offset; or, as docs/protocol.md §5 allows, a plain string of
/// digits that is already Unix seconds.
public enum ISO8601 {
    /// Unix seconds for `text`, or `nil` when it is neither form.
    public static func unixSeconds(_ text: String) -> UInt64? {
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return UInt64(text) }
        let c = Array(text.utf8)
        guard c.count >= 20, c[4] == 0x2d, c[7] == 0x2d, c[10] == 0x54 || c[10] == 0x74, c[13] == 0x3a, c[16] == 0x3a,
            let year = number(c, 0, 4), let month = number(c, 5, 2), let day = number(c, 8, 2),
            let hour = number(c, 11, 2), let minute = number(c, 14, 2), let second = number(c, 17, 2),
            (1970...9999).contains(year), (1...12).contains(month), (1...daysIn(month, year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        if index < c.count, c[index] == 0x2e {  // fractional seconds
            index += 1
            let start = index
            while index < c.count, c[index] >= 0x30, c[index] <= 0x39 { index += 1 }
            if index == start { return nil }
        }
        var offsetSeconds: Int64 = 0
        guard index < c.count else { return nil }
        if c[index] == 0x5a || c[index] == 0x7a {
            index += 1
        } else if c[index] == 0x2b || c[index] == 0x2d, c.count == index + 6, c[index + 3] == 0x3a,
            let hours = number(c, index + 1, 2), let minutes = number(c, index + 4, 2), hours < 24, minutes < 60
        {
            offsetSeconds = Int64(hours * 3600 + minutes * 60) * (c[index] == 0x2b ? 1 : -1)
            index += 6
        } else {
            return nil
        }
        guard index == c.count else { return nil }
        let seconds =
            daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second) - offsetSeconds
        return seconds >= 0 ? UInt64(seconds) : nil
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for Unix seconds (used in human summaries and the sandbox).
    public static func format(unixSeconds: UInt64) -> String {
        let days = Int64(unixSeconds / 86_400)
        let rest = Int(unixSeconds % 86_400)
        // Civil-from-days (H. Hinnant's algorithm), valid for the whole UInt64 range we accept.
        let z = days + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(Int(month)))-\(two(Int(day)))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = y / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func number(_ c: [UInt8], _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for byte in c[start..<(start + length)] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
