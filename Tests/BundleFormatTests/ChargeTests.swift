import BundleFormat
import EthereumABI
import EthereumPrimitives
import Foundation
import TestSupport
import Testing

@Suite struct ChargeTests {
    @Test("sample A's charge response parses with the documented deadline")
    func sampleAParses() throws {
        let root = try #require(try Fixtures.vectorJSON("coinbase/sample-a-charge.json") as? [String: Any])
        let response = try JSONSerialization.data(withJSONObject: try #require(root["charge_response"]))
        let charge = try Charge(responseBody: response)
        #expect(charge.intent.deadline == 1_740_809_999)
        #expect(charge.chainID == .base)
        #expect(charge.totalUSDCUnits == 10_000)
        #expect(charge.sender.checksummed == "0xac8CeB5131449e5850030737D10d1E25C6b8D80B")
    }

    @Test(
        "ISO-8601 deadlines",
        arguments: [
            ("2025-03-01T06:19:59Z", UInt64(1_740_809_999)), ("2025-03-01T06:19:59.999Z", 1_740_809_999),
            ("2025-03-01T07:19:59+01:00", 1_740_809_999), ("1970-01-01T00:00:00Z", 0), ("2024-02-29T00:00:00Z", 1_709_164_800),
            ("1740809999", 1_740_809_999),
        ])
    func parsesDeadlines(text: String, expected: UInt64) {
        #expect(ISO8601.unixSeconds(text) == expected)
    }

    @Test(
        "malformed deadlines are refused",
        arguments: [
            "", "2025-03-01", "2025-02-30T00:00:00Z", "2025-03-01T24:00:00Z", "2025-03-01T06:19:59", "2025-03-01 06:19:59Z",
            "-1", "2025-03-01T06:19:59Zjunk", "2023-02-29T00:00:00Z",
        ])
    func refusesBadDeadlines(text: String) {
        #expect(ISO8601.unixSeconds(text) == nil)
    }

    @Test("formatting inverts parsing")
    func formatInvertsParse() {
        for seconds: UInt64 in [0, 1_740_809_999, 4_102_444_800, 951_782_400] {
            #expect(ISO8601.unixSeconds(ISO8601.format(unixSeconds: seconds)) == seconds)
        }
        #expect(ISO8601.format(unixSeconds: 1_740_809_999) == "2025-03-01T06:19:59Z")
    }

    @Test("fingerprint groups the first 8 bytes of the signing hash")
    func fingerprint() throws {
        let hash = try Hash32(hex: "0xe63a05309ff1982d67344ac3259f35d21796ee2c28112820030a989286fce3e4")
        #expect(Fingerprint(hash).description == "e63a-0530-9ff1-982d")
        #expect(Fingerprint(hash).confirmationWord == "e63a")
    }
}
