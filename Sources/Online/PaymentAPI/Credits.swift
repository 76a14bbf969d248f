public import EthereumPrimitives
import StrictJSON

/// The account's credit totals from `GET /credits`, in USD, exactly as OpenRouter wrote them.
///
/// The JSON numbers are kept as their literal text (StrictJSON never converts numbers), so `50.0` stays `"50.0"`
/// and no binary floating point touches the amounts. ``remaining`` subtracts them in exact decimal arithmetic.
/// OpenRouter caches these values for up to 60 seconds.
public struct Credits: Hashable, Sendable {
    /// `data.total_credits`: USD bought, as written (`"50.0"`).
    public var totalCredits: String
    /// `data.total_usage`: USD spent, as written (`"42.0"`).
    public var totalUsage: String

    /// Creates totals from JSON number text.
    public init(totalCredits: String, totalUsage: String) {
        self.totalCredits = totalCredits
        self.totalUsage = totalUsage
    }

    /// `totalCredits − totalUsage` as exact decimal text (`"8"`, `"0.125"`, `"-1.5"`), or nil when a total is too
    /// large or too precise to compute with (more than 60 significant or fractional digits).
    public var remaining: String? {
        guard let credits = try? ExactDecimal(jsonNumber: totalCredits, field: "data.total_credits"),
            let usage = try? ExactDecimal(jsonNumber: totalUsage, field: "data.total_usage"),
            !totalCredits.hasPrefix("-"), !totalUsage.hasPrefix("-")
        else { return nil }
        return credits.subtracting(usage)?.description
    }

    /// A non-negative exact decimal USD amount (`"25.0"`, `"0.125"`) in units of 10^-12 USD, for comparing credit
    /// figures exactly; nil for a negative number, an exponent, or more than 12 decimals.
    public static func picoUSD(_ text: String) -> UInt256? {
        try? ExactDecimal(decimal: text, scale: 12, field: "credits").units
    }

    /// Reads `{"data":{"total_credits":<number>,"total_usage":<number>}}`; both must be non-negative numbers.
    init(body: [UInt8]) throws(PaymentAPIError) {
        let document: JSONValue
        do {
            document = try JSON.parse(body)
        } catch {
            throw .malformedResponse(.credits, reason: "not JSON: \(error)")
        }
        var root = JSONReader(document) { PaymentAPIError.malformedResponse(.credits, reason: $0.description) }
        var data = try root.object("data")
        func number(_ key: String) throws(PaymentAPIError) -> String {
            let member = try data.field(key)
            let text = try member.numberText()
            guard !text.hasPrefix("-") else { throw member.invalid("expected a non-negative number, found \(text)") }
            return text
        }
        self.init(totalCredits: try number("total_credits"), totalUsage: try number("total_usage"))
    }
}
