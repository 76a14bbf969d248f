import EthereumPrimitives
import Testing

@Suite("DecimalAmount, Wei and TokenAmount")
struct DecimalAmountTests {
    @Test(
        "parses exact decimals into base units",
        arguments: [
            ("0.004", 18, "4000000000000000"), ("1", 18, "1000000000000000000"), ("1.5", 9, "1500000000"),
            ("99.00", 6, "99000000"), ("0.000001", 6, "1"), ("0", 18, "0"), ("007", 0, "7"),
            (
                "115792089237316195423570985008687907853269984665640564039457.584007913129639935", 18,
                "115792089237316195423570985008687907853269984665640564039457584007913129639935"
            ),
        ] as [(String, Int, String)])
    func parses(text: String, decimals: Int, units: String) throws {
        #expect(try DecimalAmount.parse(text, decimals: decimals, field: "amount").decimalString == units)
    }

    @Test(
        "refuses malformed decimals with a reason",
        arguments: [
            "", ".5", "5.", "1.2.3", "1,5", "-1", "+1", "1e18", " 1", "0x10", "1 000",
        ])
    func rejectsMalformed(text: String) {
        #expect {
            try DecimalAmount.parse(text, decimals: 18, field: "amount")
        } throws: { error in
            guard case .invalidDecimal(let field, let found, _) = error as? PrimitiveError else { return false }
            return field == "amount" && found == text
        }
    }

    @Test("refuses more fractional digits than the unit has instead of rounding")
    func rejectsExcessPrecision() {
        #expect(
            throws: PrimitiveError.invalidDecimal(
                field: "amount", found: "0.1234567", reason: "at most 6 decimal places")
        ) {
            try DecimalAmount.parse("0.1234567", decimals: 6, field: "amount")
        }
        #expect(
            throws: PrimitiveError.invalidDecimal(field: "amount", found: "1.5", reason: "at most 0 decimal places")
        ) {
            try DecimalAmount.parse("1.5", decimals: 0, field: "amount")
        }
    }

    @Test("refuses amounts above 2^256 − 1 base units")
    func rejectsOverflow() {
        #expect(throws: PrimitiveError.overflow(field: "amount", limit: "2^256 − 1")) {
            try DecimalAmount.parse(
                "115792089237316195423570985008687907853269984665640564039458", decimals: 18,
                field: "amount")
        }
    }

    @Test(
        "formats exactly, trimming zeros down to the minimum",
        arguments: [
            ("4000000000000000", 18, 0, "0.004"), ("1000000000000000000", 18, 0, "1"), ("0", 18, 0, "0"),
            ("99000000", 6, 2, "99.00"), ("123456", 6, 2, "0.123456"), ("12500000", 6, 2, "12.50"),
            ("1", 18, 0, "0.000000000000000001"), ("42", 0, 0, "42"),
            (
                "115792089237316195423570985008687907853269984665640564039457584007913129639935", 18, 0,
                "115792089237316195423570985008687907853269984665640564039457.584007913129639935"
            ),
        ] as [(String, Int, Int, String)])
    func formats(units: String, decimals: Int, minimum: Int, text: String) throws {
        let value = try UInt256(decimal: units, field: "units")
        #expect(DecimalAmount.format(value, decimals: decimals, minimumFractionDigits: minimum) == text)
    }

    @Test("Wei reads ether and gwei strings and prints them back")
    func wei() throws {
        let price = try Wei(gwei: "1.5", field: "maxFeePerGas")
        #expect(price.amount == 1_500_000_000)
        #expect(price.gweiString == "1.5")
        let value = try Wei(ether: "0.004", field: "value")
        #expect(value.amount == 4_000_000_000_000_000)
        #expect(value.etherString == "0.004" && value.description == "0.004")
        #expect(Wei(1) < Wei(2))
    }

    @Test("TokenAmount shows at least two fractional digits")
    func tokenAmount() {
        #expect(TokenAmount(units: 99_000_000, decimals: 6).description == "99.00")
        #expect(TokenAmount(units: 5, decimals: 0).description == "5")
    }
}
