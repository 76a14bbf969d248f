/// An OpenRouter API key (`sk-or-…`), sent as `Authorization: Bearer …` and never printed.
///
/// - Warning: The key spends money. ``description`` and ``debugDescription`` are redacted, and no error in this
///   module carries it.
public struct APIKey: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key text; only the client reads it.
    let secret: String

    /// Wraps a key, refusing empty keys and characters that cannot appear in a header value.
    /// - Throws: ``PaymentAPIError/invalidAPIKey(reason:)``.
    public init(_ key: String) throws(PaymentAPIError) {
        guard !key.isEmpty else { throw .invalidAPIKey(reason: "the key is empty") }
        // A newline would let the key inject headers; spaces mean a copy-paste accident.
        guard key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else {
            throw .invalidAPIKey(reason: "the key contains spaces, control or non-ASCII characters")
        }
        secret = key
    }

    /// `"APIKey(redacted)"`.
    public var description: String { "APIKey(redacted)" }

    /// `"APIKey(redacted)"`.
    public var debugDescription: String { description }
}
