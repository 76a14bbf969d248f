import EthereumPrimitives
import Testing

@Suite("ExactDecimal: the one exact-decimal reader")
struct ExactDecimalTests {
    @Test(
        "reads JSON number literals, exponents included, at their own scale",
        arguments: [
            ("12", "12", 0, "12"), ("12.50", "1250", 2, "12.5"), ("1.5e-7", "15", 8, "0.00000015"),
            ("2E+3", "2000", 0, "2000"), ("2e3", "2000", 0, "2000"), ("1.25E1", "125", 1, "12.5"),
            ("-0.5", "5", 1, "-0.5"), ("0", "0", 0, "0"), ("-0", "0", 0, "0"), ("0.0e-0", "0", 1, "0"),
            ("1e-60", "1", 60, "0." + String(repeating: "0", count: 59) + "1"),
        ] as [(String, String, Int, String)])
    func readsJSONNumbers(text: String, units: String, scale: Int, shown: String) throws {
        let value = try ExactDecimal(jsonNumber: text, field: "n")
        #expect(value.units.decimalString == units && value.scale == scale && value.description == shown)
    }

    @Test(
        "refuses text outside the JSON number grammar, naming the field and the text",
        arguments: ["", "-", "+1", "01", "-01", ".5", "5.", "1.e3", "1e", "1e+", "1E-+2", " 1", "1 ", "0x10", "1,5", "NaN"])
    func refusesNonJSON(text: String) {
        #expect {
            try ExactDecimal(jsonNumber: text, field: "data.total_usage")
        } throws: { error in
            guard case .invalidDecimal(let field, let found, _) = error as? PrimitiveError else { return false }
            return field == "data.total_usage" && found == text
        }
    }

    @Test(
        "refuses JSON numbers beyond 60 digits, exponent or scale instead of trapping",
        arguments: [
            "1e61", "1e-61", "1e99999999999999999999999", String(repeating: "9", count: 61),
            "0." + String(repeating: "0", count: 60) + "1", "1.5e-60",
        ])
    func refusesBeyondLimits(text: String) {
        #expect(throws: PrimitiveError.self) { try ExactDecimal(jsonNumber: text, field: "n") }
    }

    @Test("accepts exactly the limits: 60 digits, exponent ±60, scale 60")
    func acceptsLimits() throws {
        let digits = try ExactDecimal(jsonNumber: String(repeating: "9", count: 60), field: "n")
        #expect(digits.scale == 0 && digits.units.decimalString.count == 60)
        #expect(try ExactDecimal(jsonNumber: "1e60", field: "n").units == UInt256.powerOfTen(60))
        #expect(try ExactDecimal(jsonNumber: "1e-60", field: "n").scale == 60)
    }

    @Test(
        "subtracts exactly with the right sign",
        arguments: [
            ("50.0", "42.0", "8"), ("1", "1.5", "-0.5"), ("-1", "0.5", "-1.5"), ("0.5", "-1", "1.5"),
            ("-1", "-1.5", "0.5"), ("-2", "-1.5", "-0.5"), ("0.3", "0.1", "0.2"), ("1.5", "1.50", "0"),
            ("2E+3", "1999.99", "0.01"), ("0", "0", "0"),
        ] as [(String, String, String)])
    func subtracts(lhs: String, rhs: String, difference: String) throws {
        let result = try ExactDecimal(jsonNumber: lhs, field: "a").subtracting(ExactDecimal(jsonNumber: rhs, field: "b"))
        #expect(result?.description == difference)
        #expect(result?.isNegative == difference.hasPrefix("-"))
    }

    @Test("a difference whose common scale needs more than 256 bits is nil, not a trap")
    func subtractionOverflow() throws {
        let huge = try ExactDecimal(jsonNumber: "1e60", field: "a")
        let tiny = try ExactDecimal(jsonNumber: "1e-60", field: "b")
        #expect(huge.subtracting(tiny) == nil)
        #expect(tiny.subtracting(huge) == nil)
    }

    @Test("compares by value across scales and signs, even where rescaling overflows")
    func compares() throws {
        func value(_ text: String) throws -> ExactDecimal { try ExactDecimal(jsonNumber: text, field: "n") }
        #expect(try value("1.5") == value("1.50"))
        #expect(try value("0") == value("-0"))
        #expect(try value("0.1") < value("0.125"))
        #expect(try value("-2") < value("-1.5"))
        #expect(try value("-1") < value("0"))
        #expect(try !(value("1") < value("1.0")))
        #expect(try value("1e-60") < value("1e60"))
        #expect(try !(value("1e60") < value("1e-60")))
        #expect(try value("-1e60") < value("-1e-60"))
    }

    @Test("strict decimal text: rescales to the unit, refuses exponents and signs like DecimalAmount.parse")
    func strictDecimal() throws {
        let value = try ExactDecimal(decimal: "12.5", scale: 6, field: "--price")
        #expect(value.units == 12_500_000 && value.scale == 6 && value.formatted(minimumFractionDigits: 2) == "12.50")
        #expect(value.units(atScale: 1) == 125)
        #expect(value.units(atScale: 0) == nil)
        #expect(value.units(atScale: 77) == nil)
        for text in ["1e3", "-1", "+1", "1.", ".1"] {
            #expect(throws: PrimitiveError.self) { try ExactDecimal(decimal: text, scale: 6, field: "--price") }
        }
        #expect(throws: PrimitiveError.invalidDecimal(field: "f", found: "0.123", reason: "at most 2 decimal places")) {
            try ExactDecimal(decimal: "0.123", scale: 2, field: "f")
        }
    }
}
