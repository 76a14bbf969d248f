import HTTPTransport
import PaymentAPI
import Testing

@Suite("Credits parsing and exact balance")
struct CreditsTests {
    private func credits(_ body: String) async throws -> Credits {
        try await scriptedClient(ScriptedAPI(HTTPResponse(status: 200, text: body))).credits()
    }

    @Test("keeps the JSON number text exactly")
    func keepsNumberText() async throws {
        let credits = try await credits(#"{"data":{"total_credits":50.0,"total_usage":42.0}}"#)
        #expect(credits == Credits(totalCredits: "50.0", totalUsage: "42.0"))
        #expect(credits.remaining == "8")
    }

    @Test(
        "subtracts exactly, including exponents and overdrafts",
        arguments: [
            ("50.0", "42.0", "8"), ("10", "0.125", "9.875"), ("0.3", "0.1", "0.2"), ("1.5e-7", "0", "0.00000015"),
            ("2E+3", "1999.99", "0.01"), ("1", "1.5", "-0.5"), ("0", "0", "0"),
            ("123456789012345678901234567890.1", "0.1", "123456789012345678901234567890"),
        ]
    )
    func subtractsExactly(total: String, usage: String, remaining: String) {
        #expect(Credits(totalCredits: total, totalUsage: usage).remaining == remaining)
    }

    @Test(
        "refuses bodies without two non-negative numbers",
        arguments: [
            #"{"data":{"total_credits":"50.0","total_usage":42.0}}"#,
            #"{"data":{"total_usage":42.0}}"#,
            #"{"total_credits":50.0,"total_usage":42.0}"#,
            #"{"data":{"total_credits":-1,"total_usage":0}}"#,
            #"{"data":{"total_credits":50.0,"total_usage":42.0}"#,
        ]
    )
    func refusesMalformedBodies(body: String) async {
        await #expect {
            try await credits(body)
        } throws: { error in
            guard case .malformedResponse(.credits, _) = error as? PaymentAPIError else { return false }
            return true
        }
    }
}
