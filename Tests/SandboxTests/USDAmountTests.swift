import Testing

@testable import Sandbox

@Suite("USDAmount reads charge amounts through ExactDecimal")
struct USDAmountTests {
    @Test(
        "reads JSON numbers of dollars exactly as cents",
        arguments: [
            ("10", UInt64(1000)), ("10.5", 1050), ("1.05e1", 1050), ("1000e-2", 1000), ("12.340", 1234), ("0", 0),
            ("0.000", 0), ("0e99", 0), ("9999999999999999.99", 999_999_999_999_999_999),
        ] as [(String, UInt64)])
    func readsCents(text: String, cents: UInt64) throws {
        #expect(try USDAmount.cents(jsonNumber: text) == cents)
    }

    @Test(
        "refuses each bad amount with its reason",
        arguments: [
            ("-5", USDAmount.Problem.negative), ("-0", .negative), ("10.001", .tooPrecise), ("1e-3", .tooPrecise),
            ("1e-100", .tooPrecise), ("1e30", .tooLarge), ("1e100", .tooLarge), ("10000000000000000", .tooLarge),
            ("", .notANumber), ("1.", .notANumber), ("+5", .notANumber), ("0x10", .notANumber),
        ] as [(String, USDAmount.Problem)])
    func refuses(text: String, problem: USDAmount.Problem) {
        #expect(throws: problem) { try USDAmount.cents(jsonNumber: text) }
    }
}
