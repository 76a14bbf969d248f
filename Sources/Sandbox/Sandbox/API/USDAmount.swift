/// Reads the charge request's `amount` (a JSON number of US dollars) exactly, as whole cents.
///
/// The literal's digits are scaled by its exponent in integer arithmetic — `10`, `10.5`, `1.05e1`, `1000e-2` are
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
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .notANumber }
        if bytes[0] == 0x2d {  // '-': zero written as -0 is still not a positive amount
            throw .negative
        }
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == 0x65 || $0 == 0x45 }) {
            guard let value = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)) else { throw .notANumber }
            exponent = value
            bytes = Array(bytes[..<e])
        }
        var digits: [UInt8] = []
        var seenPoint = false
        for byte in bytes {
            if byte == 0x2e {
                guard !seenPoint else { throw .notANumber }
                seenPoint = true
            } else if byte >= 0x30, byte <= 0x39 {
                digits.append(byte - 0x30)
                if seenPoint { exponent -= 1 }
            } else {
                throw .notANumber
            }
        }
        exponent += 2  // dollars → cents
        while let first = digits.first, first == 0, digits.count > 1 { digits.removeFirst() }
        while exponent < 0, digits.last == 0, digits.count > 1 {
            digits.removeLast()
            exponent += 1
        }
        if digits == [0] { return 0 }
        guard exponent >= 0 else { throw .tooPrecise }
        guard digits.count + exponent <= 18 else { throw .tooLarge }
        var cents: UInt64 = 0
        for digit in digits { cents = cents * 10 + UInt64(digit) }
        for _ in 0..<exponent { cents *= 10 }
        return cents
    }
}
