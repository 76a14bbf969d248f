import Foundation
public import HTTPTransport
public import StrictJSON

/// OpenRouter's error envelope, `{"error":{"code":410,"message":"…","metadata":{…}}}`, or what stood in its place.
///
/// A body that is not the envelope (an HTML page from a proxy, an empty body) still yields a message: a cleaned-up
/// excerpt of the body, so the operator sees what came back.
public struct APIErrorBody: Equatable, Sendable, CustomStringConvertible {
    /// `error.code` when present (OpenRouter sets it to the HTTP status).
    public var code: Int?
    /// `error.message`, or the body excerpt.
    public var message: String
    /// `error.metadata` when present (provider details, moderation reasons…).
    public var metadata: JSONValue?

    /// Creates a body from its parts.
    public init(code: Int? = nil, message: String, metadata: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.metadata = metadata
    }

    /// Reads the envelope from `response`, falling back to an excerpt of the body.
    public init(response: HTTPResponse) {
        if let envelope = Self.envelope(response.body) {
            self = envelope
        } else {
            // Not the envelope: the excerpt is the most useful account of what the server said.
            let excerpt = response.bodyExcerpt()
            self.init(message: excerpt.isEmpty ? "(empty body)" : excerpt)
        }
    }

    /// The envelope read from `body`, or nil when the body is not JSON or has no `error.message` string.
    private static func envelope(_ body: Data) -> APIErrorBody? {
        guard let document = try? JSON.parse(body) else { return nil }
        var root = JSONReader(document)
        guard var error = try? root.object("error"), let message = try? error.string("message") else { return nil }
        let code = (try? error.field("code").numberText()).flatMap { Int($0) }
        return APIErrorBody(code: code, message: message, metadata: try? error.field("metadata").value)
    }

    /// The message (metadata is left out of one-line output).
    public var description: String { message }
}
