import ArgumentParser

/// The range check every numeric option runs in its command's `validate()`: a value outside the range (negative,
/// zero where meaningless, huge, NaN or infinite) is a usage error (exit 64) naming the option and the range.
public enum OptionRange {
    /// Throws unless `range` contains `value`; `unit` follows the range in the message (`seconds`).
    public static func check<Value: Comparable>(
        _ value: Value, _ range: ClosedRange<Value>, option: String, unit: String = ""
    ) throws {
        // NaN compares false with everything, so `contains` refuses it too.
        guard range.contains(value) else {
            let suffix = unit.isEmpty ? "" : " " + unit
            throw ValidationError(
                "\(option): expected \(range.lowerBound) to \(range.upperBound)\(suffix), found \(value)")
        }
    }

    /// The largest chain id whose EIP-155 `v` (2 × id + 36) fits 64 bits: EIP-2294's bound.
    public static let maxChainID: UInt64 = UInt64.max / 2 - 36
}
