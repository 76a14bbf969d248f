public import EthereumPrimitives

/// EIP-681's `number` rule, read strictly: digits, an optional `.` fraction and an optional `e`/`E` exponent
/// (`2.014e18`), which must come out as a non-negative integer of at most 256 bits.
///
/// Choices where the grammar is loose (docs/protocol.md §6.2): no sign (`+`/`-`), a non-empty integer part without
/// leading zeros (`0` alone is fine), a fraction without trailing zeros, an exponent with digits, without leading
/// zeros and at most 77. Anything else is ``PaymentRequestError/nonCanonicalNumber(field:found:reason:)``; a
/// fraction the exponent does not absorb is ``PaymentRequestError/notAnInteger(field:found:)``.
public enum EIP681Number {
    /// The largest exponent accepted: 10^77 is the largest power of ten below 2^256.
    public static let maximumExponent = 77

    /// Parses `text` found in `field`.
    public static func parse(_ text: String, field: String) throws(PaymentRequestError) -> UInt256 {
        func refuse(_ reason: String) -> PaymentRequestError {
            .nonCanonicalNumber(field: field, found: text, reason: reason)
        }
        guard let first = text.first else { throw refuse("empty") }
        if first == "+" || first == "-" { throw refuse("no sign allowed") }
        let mantissaEnd = text.firstIndex(where: { $0 == "e" || $0 == "E" }) ?? text.endIndex
        let mantissa = text[..<mantissaEnd]
        let exponentText = mantissaEnd == text.endIndex ? nil : text[text.index(after: mantissaEnd)...]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw refuse("more than one '.'") }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty, isDigits(whole) else { throw refuse("expected digits before any '.' or exponent") }
        if whole.count > 1, whole.hasPrefix("0") { throw refuse("leading zeros") }
        if parts.count == 2 {
            guard !fraction.isEmpty, isDigits(fraction) else { throw refuse("expected digits after '.'") }
            if fraction.hasSuffix("0") { throw refuse("trailing zeros after '.'") }
        }
        var exponent = 0
        if let exponentText {
            guard !exponentText.isEmpty, isDigits(exponentText) else { throw refuse("expected digits after the exponent") }
            if exponentText.count > 1, exponentText.hasPrefix("0") { throw refuse("leading zeros in the exponent") }
            guard exponentText.count <= 2, let value = Int(exponentText), value <= maximumExponent else {
                throw .numberOutOfRange(field: field, found: text)
            }
            exponent = value
        }
        guard fraction.count <= exponent else { throw .notAnInteger(field: field, found: text) }
        let digits = String(whole) + String(fraction) + String(repeating: "0", count: exponent - fraction.count)
        do { return try UInt256(decimal: digits, field: field) } catch { throw .numberOutOfRange(field: field, found: text) }
    }

    private static func isDigits(_ text: Substring) -> Bool { text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}
