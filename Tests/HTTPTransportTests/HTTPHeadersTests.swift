import HTTPTransport
import Testing

@Suite("HTTPHeaders")
struct HTTPHeadersTests {
    @Test("looks names up case-insensitively and replaces on assignment")
    func looksUpCaseInsensitively() {
        var headers: HTTPHeaders = ["Retry-After": "3"]
        #expect(headers["retry-after"] == "3")
        headers["RETRY-AFTER"] = "5"
        #expect(headers.fields.count == 1)
        #expect(headers["Retry-After"] == "5")
        headers["retry-after"] = nil
        #expect(headers["Retry-After"] == nil)
    }

    @Test("keeps repeated fields in order")
    func keepsRepeatedFields() {
        var headers = HTTPHeaders()
        headers.add(name: "Via", value: "a")
        headers.add(name: "via", value: "b")
        #expect(headers.map(\.value) == ["a", "b"])
        #expect(headers["VIA"] == "a")
    }

    @Test("describes a body excerpt without control characters, cut at the limit")
    func excerptsBodies() {
        let response = HTTPResponse(status: 500, text: "line1\nline2" + String(repeating: "x", count: 300))
        let excerpt = response.bodyExcerpt(limit: 20)
        #expect(excerpt == "line1 line2xxxxxxxxx…")
    }
}
