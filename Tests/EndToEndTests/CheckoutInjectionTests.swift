import Foundation
import TestSupport
import Testing

/// Hostile text in a checkout document — the one free-text field the review shows, the payment link — through the
/// built `sign` at a pseudo-terminal: the review is shown, every hostile string escaped (newlines too), nothing signed.
@Suite(.serialized) struct CheckoutInjectionTests {
    static let bundle = Fixtures.formats.appendingPathComponent("checkout-bundle/v1/examples/checkout-base.json").path

    /// checkout-base.json with `url` replaced (the URL is not covered by the signing hash, so the bundle stays valid).
    static func bundle(url: String) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: bundle))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var request = try #require(object["request"] as? [String: Any])
        var checkout = try #require(request["checkout"] as? [String: Any])
        checkout["url"] = url
        request["checkout"] = checkout
        object["request"] = request
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("a hostile payment link reaches the review escaped; declining signs nothing")
    func hostileLink() throws {
        let dir = try SignCommandTests.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (label, text) in TerminalInjectionTests.hostile {
            let path = dir.appendingPathComponent("checkout.json")
            try Self.bundle(url: "https://pay.example/" + text + "/pl_1").write(to: path)
            let result = try ToolRunner.runAttended(
                "sign", SignCommandTests.signArguments(dir, bundle: path.path), answer: "no")
            #expect(result.status == 77, "\(label): \(result.stderr)")
            #expect(result.stderr.contains("Payment link"), "\(label): the review was not shown")
            #expect(result.stderr.contains("https://pay.example/\\"), "\(label): not escaped in \(result.stderr)")
            #expect(!result.stderr.contains("https://pay.example/" + text), "\(label)")
            TerminalInjectionTests.expectClean(result, label)
        }
    }
}
