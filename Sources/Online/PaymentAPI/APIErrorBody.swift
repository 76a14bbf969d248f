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
        let envelope: JSONValue?
        do {
            envelope = try JSON.parse(response.body)["error"]
        } catch {
            // Not JSON: the excerpt below is the most useful account of what the server said.
            envelope = nil
        }
        if let envelope, let message = envelope["message"]?.stringValue {
            self.init(
                code: envelope["code"]?.numberText.flatMap { Int($0) }, message: message, metadata: envelope["metadata"]
            )
        } else {
            let excerpt = response.bodyExcerpt()
            self.init(message: excerpt.isEmpty ? "(empty body)" : excerpt)
        }
    }

    /// The message (metadata is left out of one-line output).
    public var description: String { message }
}
