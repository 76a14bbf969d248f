extension UInt256 {
    /// `self + other` and whether it wrapped past 2^256.
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let a = words
        let b = other.words
        var out: [UInt64] = [0, 0, 0, 0]
        var carry = false
        for i in 0..<4 {
            let (s1, o1) = a[i].addingReportingOverflow(b[i])
            let (s2, o2) = s1.addingReportingOverflow(carry ? 1 : 0)
            out[i] = s2
            carry = o1 || o2
        }
        return (UInt256(words: out), carry)
    }

    /// `self − other` and whether it went below zero.
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let a = words
        let b = other.words
        var out: [UInt64] = [0, 0, 0, 0]
        var borrow = false
        for i in 0..<4 {
            let (d1, o1) = a[i].subtractingReportingOverflow(b[i])
            let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            out[i] = d2
            borrow = o1 || o2
        }
        return (UInt256(words: out), borrow)
    }

    /// `self × other` and whether the product needs more than 256 bits.
    public func multipliedReportingOverflow(by other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let a = words
        let b = other.words
        var product = [UInt64](repeating: 0, count: 8)
        for i in 0..<4 where a[i] != 0 {
            var carry: UInt64 = 0
            for j in 0..<4 {
                let (high, low) = a[i].multipliedFullWidth(by: b[j])
                let (sum1, o1) = low.addingReportingOverflow(product[i + j])
                let (sum2, o2) = sum1.addingReportingOverflow(carry)
                product[i + j] = sum2
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)  // high ≤ 2^64 − 2, so this cannot wrap
            }
            product[i + 4] = carry
        }
        let overflow = product[4...].contains { $0 != 0 }
        return (UInt256(words: Array(product[0..<4])), overflow)
    }

    /// Adds, throwing ``PrimitiveError/overflow(field:limit:)`` past 2^256 − 1.
    public func checkedAdding(_ other: UInt256, field: String) throws(PrimitiveError) -> UInt256 {
        let (value, overflow) = addingReportingOverflow(other)
        if overflow { throw .overflow(field: field, limit: "2^256 − 1") }
        return value
    }

    /// Multiplies, throwing ``PrimitiveError/overflow(field:limit:)`` past 2^256 − 1.
    public func checkedMultiplying(_ other: UInt256, field: String) throws(PrimitiveError) -> UInt256 {
        let (value, overflow) = multipliedReportingOverflow(by: other)
        if overflow { throw .overflow(field: field, limit: "2^256 − 1") }
        return value
    }

    /// Quotient and remainder; `divisor` must not be zero (a programmer error).
    public func quotientAndRemainder(dividingBy divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        precondition(!divisor.isZero, "division by zero")
        if self < divisor { return (.zero, self) }
        if let small = divisor.uint64 { return quotientAndRemainder(dividingBy: small) }
        // Binary long division: at most 256 steps, only on cold paths (formatting, price conversion).
        var quotient = UInt256.zero
        var remainder = UInt256.zero
        for bit in stride(from: bitWidth - 1, through: 0, by: -1) {
            remainder = remainder.shiftedLeftByOne() | (self.bit(bit) ? 1 : 0)
            if remainder >= divisor {
                remainder = remainder.subtractingReportingOverflow(divisor).partialValue
                quotient.setBit(bit)
            }
        }
        return (quotient, remainder)
    }

    /// Quotient and remainder by a non-zero 64-bit divisor (schoolbook, one limb at a time).
    public func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: UInt256, remainder: UInt256) {
        precondition(divisor != 0, "division by zero")
        var out: [UInt64] = [0, 0, 0, 0]
        var remainder: UInt64 = 0
        let w = words
        for i in stride(from: 3, through: 0, by: -1) {
            (out[i], remainder) = divisor.dividingFullWidth((high: remainder, low: w[i]))
        }
        return (UInt256(words: out), UInt256(remainder))
    }

    /// Trapping addition (programmer errors only; outside data uses ``checkedAdding(_:field:)``).
    public static func + (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (value, overflow) = lhs.addingReportingOverflow(rhs)
        precondition(!overflow, "UInt256 addition overflow")
        return value
    }

    /// Trapping subtraction.
    public static func - (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (value, overflow) = lhs.subtractingReportingOverflow(rhs)
        precondition(!overflow, "UInt256 subtraction underflow")
        return value
    }

    /// Trapping multiplication.
    public static func * (lhs: UInt256, rhs: UInt256) -> UInt256 {
        let (value, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        precondition(!overflow, "UInt256 multiplication overflow")
        return value
    }

    /// Truncating division.
    public static func / (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.quotientAndRemainder(dividingBy: rhs).quotient }

    /// Remainder.
    public static func % (lhs: UInt256, rhs: UInt256) -> UInt256 { lhs.quotientAndRemainder(dividingBy: rhs).remainder }

    /// Bitwise or.
    public static func | (lhs: UInt256, rhs: UInt256) -> UInt256 {
        UInt256(
            limbs: (
                lhs.limbs.0 | rhs.limbs.0, lhs.limbs.1 | rhs.limbs.1, lhs.limbs.2 | rhs.limbs.2,
                lhs.limbs.3 | rhs.limbs.3
            ))
    }

    /// 10^exponent, for exponents up to 77.
    public static func powerOfTen(_ exponent: Int) -> UInt256 {
        precondition((0...77).contains(exponent), "10^\(exponent) does not fit in 256 bits")
        var value = UInt256(1)
        for _ in 0..<exponent { value = value * 10 }
        return value
    }

    func bit(_ index: Int) -> Bool { (words[index / 64] >> UInt64(index % 64)) & 1 == 1 }

    mutating func setBit(_ index: Int) {
        var w = words
        w[index / 64] |= 1 << UInt64(index % 64)
        self = UInt256(words: w)
    }

    func shiftedLeftByOne() -> UInt256 {
        let w = words
        return UInt256(limbs: (w[0] << 1, w[1] << 1 | w[0] >> 63, w[2] << 1 | w[1] >> 63, w[3] << 1 | w[2] >> 63))
    }
}
