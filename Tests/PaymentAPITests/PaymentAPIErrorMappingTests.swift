import EthereumPrimitives
import Foundation
import HTTPTransport
import PaymentAPI
import StrictJSON
import Testing

@Suite("PaymentAPIClient status mapping")
struct PaymentAPIErrorMappingTests {
    private static let sender: Address = {
        do {
            return try Address(hex: "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")
        } catch {
            preconditionFailure("bad test address: \(error)")
        }
    }()

    private func chargeError(_ response: HTTPResponse) async -> PaymentAPIError? {
        let client = scriptedClient(ScriptedAPI(response), retry: .never)
        do {
            _ = try await client.createCoinbaseCharge(amountUSD: "10", sender: Self.sender, chainID: .base)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "maps each final status to its case with the envelope's message",
        arguments: [
            (400, "Invalid credit amount"), (401, "No auth credentials found"), (402, "Insufficient credits"),
            (403, "Key is disabled"), (404, "Not Found"),
        ]
    )
    func mapsStatuses(status: Int, message: String) async {
        let error = await chargeError(envelope(status, message))
        let body = APIErrorBody(code: status, message: message)
        let expected: PaymentAPIError =
            switch status {
            case 400: .badRequest(.coinbaseCharge, body)
            case 401: .unauthorized(.coinbaseCharge, body)
            case 402: .paymentRequired(.coinbaseCharge, body)
            case 403: .forbidden(.coinbaseCharge, body)
            default: .unexpectedStatus(.coinbaseCharge, status: status, body)
            }
        #expect(error == expected)
        #expect(error?.status == status)
    }

    @Test("says plainly that a 410 means the endpoint was removed and suggests --charge-file")
    func explainsGone() async throws {
        // The body OpenRouter documents for the removed endpoint.
        let text =
            #"{"error":{"code":410,"message":"The Coinbase APIs used by this endpoint have been deprecated, "#
            + #"so the Coinbase Commerce credits API has been removed. Use the web credits purchase flow instead."}}"#
        let error = try #require(await chargeError(HTTPResponse(status: 410, text: text)))
        guard case .gone(.coinbaseCharge, let body) = error else {
            Issue.record("expected .gone, got \(error)")
            return
        }
        #expect(body.code == 410)
        #expect(body.message.hasPrefix("The Coinbase APIs used by this endpoint have been deprecated"))
        #expect(error.description.contains("has been removed (HTTP 410 Gone)"))
        #expect(error.description.contains("--charge-file"))
        #expect(error.description.contains("POST /api/v1/credits/coinbase"))
    }

    @Test("explains that /credits needs a management key on 403")
    func explainsManagementKey() async {
        let api = ScriptedAPI(envelope(403, "Only management keys can perform this operation"))
        let client = scriptedClient(api, retry: .never)
        await #expect {
            try await client.credits()
        } throws: { error in
            guard let error = error as? PaymentAPIError, case .forbidden(.credits, let body) = error else {
                return false
            }
            return body.message == "Only management keys can perform this operation"
                && error.description.contains("requires an OpenRouter management key")
        }
    }

    @Test("keeps envelope metadata and falls back to a body excerpt for non-JSON errors")
    func readsEnvelopeVariants() async {
        let withMetadata = HTTPResponse(
            status: 403, text: #"{"error":{"code":403,"message":"Flagged","metadata":{"reasons":["x"]}},"user_id":"u"}"#
        )
        #expect(
            await chargeError(withMetadata)
                == .forbidden(
                    .coinbaseCharge,
                    APIErrorBody(code: 403, message: "Flagged", metadata: .object(["reasons": .array([.string("x")])])))
        )
        let html = HTTPResponse(status: 400, text: "<html>Bad\nRequest</html>", contentType: "text/html")
        #expect(
            await chargeError(html) == .badRequest(.coinbaseCharge, APIErrorBody(message: "<html>Bad Request</html>")))
        #expect(
            await chargeError(HTTPResponse(status: 401))
                == .unauthorized(.coinbaseCharge, APIErrorBody(message: "(empty body)")))
    }

    @Test("never shows the API key")
    func neverShowsKey() async throws {
        #expect(testKey.description == "APIKey(redacted)")
        #expect(String(reflecting: testKey) == "APIKey(redacted)")
        let error = try #require(await chargeError(envelope(401, "No auth credentials found")))
        #expect(!error.description.contains("sk-or"))
    }

    @Test("refuses keys that could inject headers", arguments: ["", "sk-or-v1\nX-Evil: 1", "sk or", "sk-ör"])
    func refusesBadKeys(key: String) {
        #expect(throws: PaymentAPIError.self) { try APIKey(key) }
    }
}
