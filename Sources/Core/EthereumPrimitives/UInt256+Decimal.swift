extension UInt256 {
    /// Parses a plain decimal integer (`"9900"`); no sign, no separators, no leading `+`.
    public init(decimal text: String, field: String) throws(PrimitiveError) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .invalidDecimal(field: field, found: text, reason: "expected decimal digits only")
        }
        var value = UInt256.zero
        for digit in text.utf8 {
            value = try value.checkedMultiplying(10, field: field).checkedAdding(UInt256(UInt64(digit - 0x30)), field: field)
        }
        self = value
    }

    /// The value in decimal digits.
    public var decimalString: String {
        if isZero { return "0" }
        // Peel off 19 digits at a time: 10^19 is the largest power of ten below 2^64.
        let chunk: UInt64 = 10_000_000_000_000_000_000
        var parts: [UInt64] = []
        var rest = self
        while !rest.isZero {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: chunk)
            parts.append(remainder.limbs.0)
            rest = quotient
        }
        var text = String(parts.removeLast())
        for part in parts.reversed() {
            let digits = String(part)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}
