import EthereumPrimitives

/// Reads the charge request's `amount` (a JSON number of US dollars) exactly, as whole cents.
///
/// `ExactDecimal` reads the literal with its exponent in integer arithmetic — `10`, `10.5`, `1.05e1`, `1000e-2` are
/// all read exactly, and no `Double` is involved. More precision than a cent is refused rather than rounded.
enum USDAmount {
    /// Why an amount was refused.
    enum Problem: Error, Equatable {
        case negative
        case tooPrecise
        case tooLarge
        case notANumber
    }

    /// The amount in cents.
    static func cents(jsonNumber text: String) throws(Problem) -> UInt64 {
        guard ExactDecimal.isJSONNumber(text) else { throw .notANumber }
        // '-': zero written as -0 is still not a positive amount.
        guard !text.hasPrefix("-") else { throw .negative }
        let mantissa = text.prefix(while: { $0 != "e" && $0 != "E" })
        if mantissa.allSatisfy({ $0 == "0" || $0 == "." }) { return 0 }
        let value: ExactDecimal
        do { value = try ExactDecimal(jsonNumber: text, field: "amount") } catch {
            // Beyond the reader's digit limits: a negative exponent means digits below a cent, else a huge amount.
            throw text.contains("e-") || text.contains("E-") ? .tooPrecise : .tooLarge
        }
        guard let cents = value.units(atScale: 2) else { throw value.scale > 2 ? .tooPrecise : .tooLarge }
        guard let small = cents.uint64, small < 1_000_000_000_000_000_000 else { throw .tooLarge }
        return small
    }
}
