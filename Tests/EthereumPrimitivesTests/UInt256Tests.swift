import EthereumPrimitives
import Testing

/// Expected values were computed with Python's arbitrary-precision integers, independently of this code.
@Suite("UInt256")
struct UInt256Tests {
    static let maxDecimal = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
    static let a = "100720434724302814903610305981132438410696627821163241311670897279490076600696"
    static let b = "24197857200151252728969465429440056815"

    static func value(_ decimal: String) throws -> UInt256 { try UInt256(decimal: decimal, field: "test") }

    @Test("2^256 − 1 prints and parses as its known decimal form")
    func maxDecimalRoundTrip() throws {
        #expect(UInt256.max.decimalString == Self.maxDecimal)
        #expect(try Self.value(Self.maxDecimal) == .max)
        #expect(UInt256.max.quantity == "0x" + String(repeating: "f", count: 64))
        #expect(UInt256.zero.decimalString == "0")
        #expect(UInt256.zero.quantity == "0x0")
    }

    @Test("a large hex value converts to its known decimal form")
    func hexToDecimal() throws {
        let a = try UInt256(quantity: "0xdeadbeefcafebabe0123456789abcdeffedcba98765432100f1e2d3c4b5a6978", field: "a")
        #expect(a.decimalString == Self.a)
        #expect(a.description == Self.a)
    }

    @Test("addition carries across limbs and reports overflow past 2^256 − 1")
    func addition() throws {
        let low = UInt256(limbs: (.max, .max, 0, 0))
        #expect(low + 1 == UInt256(limbs: (0, 0, 1, 0)))
        #expect(UInt256.max.addingReportingOverflow(1) == (partialValue: .zero, overflow: true))
        #expect(throws: PrimitiveError.overflow(field: "sum", limit: "2^256 − 1")) {
            try UInt256.max.checkedAdding(1, field: "sum")
        }
        #expect(try UInt256.max.checkedAdding(0, field: "sum") == .max)
    }

    @Test("subtraction borrows across limbs and reports underflow")
    func subtraction() {
        #expect(UInt256(limbs: (0, 0, 1, 0)) - 1 == UInt256(limbs: (.max, .max, 0, 0)))
        #expect(UInt256.zero.subtractingReportingOverflow(1) == (partialValue: .max, overflow: true))
    }

    @Test("multiplication: (2^128 − 1)^2 is exact, 2^128 · 2^128 and a · 3 overflow")
    func multiplication() throws {
        let half = UInt256(limbs: (.max, .max, 0, 0))
        #expect(
            (half * half).decimalString
                == "115792089237316195423570985008687907852589419931798687112530834793049593217025")
        let twoTo128 = UInt256(limbs: (0, 0, 1, 0))
        #expect(twoTo128.multipliedReportingOverflow(by: twoTo128).overflow)
        #expect(throws: PrimitiveError.overflow(field: "product", limit: "2^256 − 1")) {
            try Self.value(Self.a).checkedMultiplying(3, field: "product")
        }
        #expect(try UInt256.max.checkedMultiplying(1, field: "product") == .max)
        #expect(try UInt256.max.checkedMultiplying(0, field: "product") == .zero)
    }

    @Test("division by wide and by 64-bit divisors gives the known quotient and remainder")
    func division() throws {
        let (q, r) = try Self.value(Self.a).quotientAndRemainder(dividingBy: Self.value(Self.b))
        #expect(q.decimalString == "4162369993805618667882154013304713853211")
        #expect(r.decimalString == "12150844360396388203112134240666417731")
        let (q2, r2) = try Self.value(Self.a).quotientAndRemainder(dividingBy: 10_000_000_000_000_000_000 as UInt64)
        #expect(q2.decimalString == "10072043472430281490361030598113243841069662782116324131167")
        #expect(r2.decimalString == "897279490076600696")
        let divisor = UInt256(limbs: (1, 0, 1, 0))  // 2^128 + 1 divides 2^256 − 1 exactly
        #expect(UInt256.max / divisor == UInt256(limbs: (.max, .max, 0, 0)))
        #expect(UInt256.max % divisor == .zero)
        #expect(try Self.value("7") / Self.value(Self.b) == .zero)
    }

    @Test("10^77 is the largest power of ten and has the known digits")
    func powerOfTen() {
        #expect(UInt256.powerOfTen(77).decimalString == "1" + String(repeating: "0", count: 77))
        #expect(UInt256.powerOfTen(0) == 1)
    }

    @Test(
        "decimal parsing rejects anything but plain digits",
        arguments: [
            "", "-1", "+1", "1e3", " 1", "1 ", "1_000", "1,000", "0x10", "1.0", "١٢",
        ])
    func rejectsNonDigits(text: String) {
        #expect(
            throws: PrimitiveError.invalidDecimal(field: "test", found: text, reason: "expected decimal digits only")
        ) {
            try Self.value(text)
        }
    }

    @Test("decimal parsing rejects 2^256 and anything longer")
    func rejectsOverflowingDecimal() {
        #expect(throws: PrimitiveError.overflow(field: "test", limit: "2^256 − 1")) {
            try Self.value("115792089237316195423570985008687907853269984665640564039457584007913129639936")
        }
        #expect(throws: PrimitiveError.overflow(field: "test", limit: "2^256 − 1")) {
            try Self.value(String(repeating: "9", count: 100))
        }
    }

    @Test("big-endian bytes: minimal form, 32-byte form, and more than 32 bytes refused")
    func bigEndianBytes() throws {
        let value = try UInt256(bigEndian: [0x00, 0x01, 0x00], field: "v")
        #expect(value == 256)
        #expect(value.minimalBigEndianBytes == [0x01, 0x00])
        #expect(value.bigEndianBytes == [UInt8](repeating: 0, count: 30) + [0x01, 0x00])
        #expect(UInt256.zero.minimalBigEndianBytes == [])
        #expect(throws: PrimitiveError.overflow(field: "v", limit: "2^256 − 1 (32 bytes)")) {
            try UInt256(bigEndian: [UInt8](repeating: 1, count: 33), field: "v")
        }
    }

    @Test("ordering compares the most significant limb first")
    func ordering() {
        #expect(UInt256(limbs: (.max, 0, 0, 0)) < UInt256(limbs: (0, 0, 0, 1)))
        #expect(UInt256(limbs: (2, 0, 0, 1)) > UInt256(limbs: (1, 0, 0, 1)))
        #expect(UInt256.max.bitWidth == 256 && UInt256(1).bitWidth == 1 && UInt256.zero.bitWidth == 0)
        #expect(UInt256(limbs: (0, 0, 0, 1)).uint64 == nil && UInt256(42).uint64 == 42)
    }
}
