/// An exact signed decimal number, `units × 10^-scale`: the one decimal reader of the project.
///
/// It reads strict decimal text (`"12"`, `"0.004"`: options, policy files, amounts) and JSON number literals
/// (`"1.5e-7"`: API responses), formats, compares and subtracts without rounding. No floating point anywhere; a
/// result that does not fit in 256 bits is refused (throws or `nil`), never wrapped or trapped.
public struct ExactDecimal: Sendable, Comparable, CustomStringConvertible {
    /// The magnitude in units of 10^-``scale``.
    public let units: UInt256
    /// The number of fractional digits (0...77).
    public let scale: Int
    /// Whether the number is below zero (never true for zero).
    public let isNegative: Bool

    /// The largest number of digits, exponent and scale ``init(jsonNumber:field:)`` accepts.
    public static let jsonDigitLimit = 60

    /// Wraps `units × 10^-scale`, negated when `negative` and non-zero.
    public init(units: UInt256, scale: Int, negative: Bool = false) {
        precondition((0...77).contains(scale), "scale \(scale) outside 0...77")
        self.units = units
        self.scale = scale
        self.isNegative = negative && !units.isZero
    }

    /// Parses strict decimal text (`"12"`, `"12.5"`, `"0.004"`, `"007"`) at exactly `scale` fractional digits.
    /// - Throws: ``PrimitiveError/invalidDecimal(field:found:reason:)`` for signs, exponents, separators, empty
    ///   parts or more fractional digits than `scale`; ``PrimitiveError/overflow(field:limit:)``.
    public init(decimal text: String, scale: Int, field: String) throws(PrimitiveError) {
        precondition((0...77).contains(scale), "scale \(scale) outside 0...77")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholePart = parts.first, !wholePart.isEmpty else {
            throw .invalidDecimal(field: field, found: text, reason: "expected digits with an optional '.' part")
        }
        let fractionPart = parts.count == 2 ? parts[1] : ""
        if parts.count == 2, fractionPart.isEmpty {
            throw .invalidDecimal(field: field, found: text, reason: "expected digits after '.'")
        }
        guard fractionPart.count <= scale else {
            throw .invalidDecimal(field: field, found: text, reason: "at most \(scale) decimal places")
        }
        let whole = try UInt256(decimal: String(wholePart), field: field)
        let paddedFraction = String(fractionPart) + String(repeating: "0", count: scale - fractionPart.count)
        let fraction = paddedFraction.isEmpty ? UInt256.zero : try UInt256(decimal: paddedFraction, field: field)
        let units = try whole.checkedMultiplying(.powerOfTen(scale), field: field).checkedAdding(fraction, field: field)
        self.init(units: units, scale: scale)
    }

    /// Parses a JSON number literal (`"12"`, `"-0.5"`, `"1.5e-7"`, `"2E+3"`) exactly, keeping its own scale.
    /// - Throws: ``PrimitiveError/invalidDecimal(field:found:reason:)`` for text outside the JSON number grammar
    ///   (leading zeros, `+`, bare `.`) or beyond ``jsonDigitLimit`` digits, exponent or scale.
    public init(jsonNumber text: String, field: String) throws(PrimitiveError) {
        guard let literal = JSONNumberLiteral(text) else {
            throw .invalidDecimal(field: field, found: text, reason: "expected a JSON number like 12, 0.5 or 1.5e-7")
        }
        let limit = Self.jsonDigitLimit
        guard let exponent = Int(literal.exponent), abs(exponent) <= limit,
            literal.whole.count + literal.fraction.count <= limit
        else {
            throw .invalidDecimal(field: field, found: text, reason: "at most \(limit) digits and exponent \(limit)")
        }
        var scale = literal.fraction.count - exponent
        var digits = literal.whole + literal.fraction
        if scale < 0 {
            digits += String(repeating: "0", count: -scale)
            scale = 0
        }
        guard scale <= limit else {
            throw .invalidDecimal(field: field, found: text, reason: "at most \(limit) decimal places")
        }
        self.init(units: try UInt256(decimal: digits, field: field), scale: scale, negative: literal.negative)
    }

    /// Whether `text` follows the JSON number grammar (`-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`), whatever its size.
    public static func isJSONNumber(_ text: String) -> Bool { JSONNumberLiteral(text) != nil }

    /// The magnitude in units of 10^-`target`, or nil when that needs rounding or more than 256 bits.
    public func units(atScale target: Int) -> UInt256? {
        if target >= scale {
            let (value, overflow) = units.multipliedReportingOverflow(by: .powerOfTen(target - scale))
            return overflow ? nil : value
        }
        let (quotient, remainder) = units.quotientAndRemainder(dividingBy: .powerOfTen(scale - target))
        return remainder.isZero ? quotient : nil
    }

    /// `self − other` exactly, or nil when the common scale does not fit in 256 bits.
    public func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
        let common = max(scale, other.scale)
        guard let lhs = units(atScale: common), let rhs = other.units(atScale: common) else { return nil }
        switch (isNegative, !other.isNegative) {
        case (false, false), (true, true):  // a − (−b) = a + b; −a − b = −(a + b)
            let (sum, overflow) = lhs.addingReportingOverflow(rhs)
            return overflow ? nil : ExactDecimal(units: sum, scale: common, negative: isNegative)
        case (false, true), (true, false):  // a − b; −a − (−b) = −(a − b)
            let flip = lhs < rhs
            let difference = flip ? rhs - lhs : lhs - rhs
            return ExactDecimal(units: difference, scale: common, negative: flip != isNegative)
        }
    }

    /// Digits with `minimumFractionDigits` or more fractional digits, trailing zeros trimmed: `"12.50"`, `"-0.5"`.
    public func formatted(minimumFractionDigits: Int = 0) -> String {
        precondition(minimumFractionDigits <= scale)
        let (whole, fraction) = units.quotientAndRemainder(dividingBy: UInt256.powerOfTen(scale))
        let sign = isNegative ? "-" : ""
        guard scale > 0 else { return sign + whole.decimalString }
        var digits = fraction.decimalString
        digits = String(repeating: "0", count: scale - digits.count) + digits
        while digits.count > minimumFractionDigits, digits.last == "0" { digits.removeLast() }
        return sign + (digits.isEmpty ? whole.decimalString : "\(whole.decimalString).\(digits)")
    }

    /// The shortest exact text: `"8"`, `"0.125"`, `"-1.5"`.
    public var description: String { formatted() }

    /// Equal values, whatever their scales (`1.5 == 1.50`).
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    /// Orders by value, exactly, whatever the scales.
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let common = max(lhs.scale, rhs.scale)
        // A magnitude that overflows at the common scale exceeds every 256-bit magnitude.
        let smaller: Bool
        switch (lhs.units(atScale: common), rhs.units(atScale: common)) {
        case (let left?, let right?): smaller = left < right
        case (nil, _): smaller = false
        case (_, nil): smaller = true
        }
        let larger = !smaller && lhs.units(atScale: common) != rhs.units(atScale: common)
        return lhs.isNegative ? larger : smaller
    }
}

/// The parts of a text that follows the JSON number grammar `-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`.
private struct JSONNumberLiteral {
    var negative = false
    var whole = ""
    var fraction = ""
    var exponent = "0"

    init?(_ text: String) {
        var rest = Substring(text)
        func digits() -> String {
            let run = rest.prefix(while: { $0.isASCII && $0.isNumber })
            rest = rest.dropFirst(run.count)
            return String(run)
        }
        if rest.first == "-" {
            negative = true
            rest = rest.dropFirst()
        }
        whole = digits()
        guard !whole.isEmpty, whole == "0" || !whole.hasPrefix("0") else { return nil }
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = digits()
            guard !fraction.isEmpty else { return nil }
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            var sign = ""
            if let first = rest.first, first == "+" || first == "-" {
                sign = first == "-" ? "-" : ""
                rest = rest.dropFirst()
            }
            let power = digits()
            guard !power.isEmpty else { return nil }
            exponent = sign + power
        }
        guard rest.isEmpty else { return nil }
    }
}
