/// A BIP-32 derivation path such as `m/44'/60'/0'/0/0`.
///
/// Hardened components are written with `'`, `h` or `H` after the index; indexes are decimal without sign or
/// leading zeros and below 2^31. The path always starts at the master key `m`.
public struct DerivationPath: Hashable, Sendable, CustomStringConvertible {
    /// Offset of hardened indexes (2^31).
    public static let hardenedOffset: UInt32 = 0x8000_0000

    /// The child numbers from the master key down; hardened ones include ``hardenedOffset``.
    public let components: [UInt32]

    /// A path from child numbers (hardened ones already offset by 2^31).
    public init(components: [UInt32]) { self.components = components }

    /// Parses `m`, `m/0`, `m/44'/60'/0'/0/0`, `m/44h/60h/0h/0/0`.
    public init(_ text: String) throws(HDKeysError) {
        var parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first == "m" else { throw .invalidPath(path: text, reason: "must start with 'm'") }
        parts.removeFirst()
        var components = [UInt32]()
        for (position, part) in parts.enumerated() {
            var digits = Substring(part)
            var hardened = false
            if let last = digits.last, last == "'" || last == "h" || last == "H" {
                hardened = true
                digits = digits.dropLast()
            }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .invalidPath(path: text, reason: "component \(position + 1) '\(part)' is not an index")
            }
            guard digits == "0" || digits.first != "0" else {
                throw .invalidPath(path: text, reason: "component \(position + 1) '\(part)' has leading zeros")
            }
            guard let index = UInt32(digits), index < Self.hardenedOffset else {
                throw .invalidPath(path: text, reason: "component \(position + 1) '\(part)' is not below 2^31")
            }
            components.append(hardened ? index | Self.hardenedOffset : index)
        }
        guard components.count <= 255 else { throw .invalidPath(path: text, reason: "deeper than 255 levels") }
        self.components = components
    }

    /// `m/44'/60'/account'/0/index`: the Ethereum (BIP-44, coin type 60) path MetaMask and most wallets use.
    public static func ethereum(account: UInt32 = 0, index: UInt32 = 0) -> DerivationPath {
        precondition(account < hardenedOffset && index < hardenedOffset, "BIP-44 index out of range — caller bug")
        return DerivationPath(components: [
            44 | hardenedOffset, 60 | hardenedOffset, account | hardenedOffset, 0, index,
        ])
    }

    /// `m/44'/60'/0'/0/0`, the first Ethereum account.
    public static let ethereumDefault = ethereum()

    /// The path in `m/44'/60'/0'/0/0` notation.
    public var description: String {
        (["m"] + components.map(Self.describe)).joined(separator: "/")
    }

    /// One component: `44'` for hardened 44, `0` for normal 0.
    static func describe(_ index: UInt32) -> String {
        index >= hardenedOffset ? "\(index - hardenedOffset)'" : "\(index)"
    }
}
