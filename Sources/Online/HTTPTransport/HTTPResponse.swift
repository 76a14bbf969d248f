public import Foundation

/// One HTTP response as plain values.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code (`200`, `410`…).
    public var status: Int
    /// Header fields.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is the UTF-8 of `text`, with a `Content-Type` of `contentType`.
    public init(status: Int, text: String, contentType: String = "application/json", headers: HTTPHeaders = [:]) {
        var allHeaders = headers
        allHeaders["Content-Type"] = contentType
        self.init(status: status, headers: allHeaders, body: Data(text.utf8))
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Up to `limit` characters of the body as text for messages: invalid UTF-8 replaced, control characters
    /// shown as spaces, and "…" appended when cut.
    public func bodyExcerpt(limit: Int = 200) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        let cleaned = String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? " " : Character($0) })
        return cleaned.count > limit ? String(cleaned.prefix(limit)) + "…" : cleaned
    }
}
