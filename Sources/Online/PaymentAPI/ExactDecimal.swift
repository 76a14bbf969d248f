import EthereumPrimitives

/// A non-negative JSON number as `units × 10^-scale`, for exact subtraction.
struct ExactDecimal {
    let units: UInt256
    let scale: Int

    /// Parses `12`, `12.50`, `1.5e-7`, `2E+3` (already validated as a JSON number literal).
    init?(jsonNumber text: String) {
        let lowered = text.lowercased()
        let parts = lowered.split(separator: "e", maxSplits: 1)
        guard let mantissa = parts.first else { return nil }
        let exponent = parts.count == 2 ? Int(parts[1]) : 0
        let pieces = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard let exponent, abs(exponent) <= 60, whole.count + fraction.count <= 60 else { return nil }
        var scale = fraction.count - exponent
        var digits = String(whole + fraction)
        if scale < 0 {
            digits += String(repeating: "0", count: -scale)
            scale = 0
        }
        guard scale <= 60 else { return nil }
        do {
            units = try UInt256(decimal: digits, field: "credits")
        } catch {
            // Cannot happen for a validated JSON number of at most 120 digits; nil means "cannot compute".
            return nil
        }
        self.scale = scale
    }

    /// `self − other` as decimal text, negative with a leading `-`.
    func subtracting(_ other: ExactDecimal) -> String {
        let scale = max(self.scale, other.scale)
        let lhs = units * UInt256.powerOfTen(scale - self.scale)
        let rhs = other.units * UInt256.powerOfTen(scale - other.scale)
        let negative = lhs < rhs
        let difference = negative ? rhs - lhs : lhs - rhs
        return (negative ? "-" : "") + DecimalAmount.format(difference, decimals: scale)
    }
}
