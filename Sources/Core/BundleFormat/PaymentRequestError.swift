public import EthereumPrimitives
public import StrictJSON
import TerminalText

/// Why a payment request (an EIP-681 URI or a checkout document) was refused: one case per rule, each naming the
/// field (`target`, `chainId`, `function`, `address`, `uint256`, `value`, or a checkout JSON path).
public enum PaymentRequestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URI does not start with the lower-case scheme `ethereum:`.
    case wrongScheme(found: String)
    /// A `<prefix>-` other than EIP-681's `pay-` (another EIP-831 use of `ethereum:` URIs).
    case unsupportedPrefix(found: String)
    /// A character outside the URI's plain-ASCII alphabet, at a 0-based character offset.
    case invalidCharacter(character: String, offset: Int)
    /// A `%` escape: no accepted field is a string, so percent-encoding could only hide characters.
    case percentEncoding(field: String)
    /// The target or an address parameter is an ENS name: a cold signer cannot resolve names.
    case ensNameNotAllowed(field: String, found: String)
    /// An address that is not `0x` + 40 hex digits.
    case invalidAddress(field: String, reason: String)
    /// A mixed-case address whose EIP-55 checksum is wrong.
    case badChecksum(field: String, found: String, expected: String)
    /// The zero address where a recipient or token is needed.
    case zeroAddress(field: String)
    /// No `@<chainId>`: a request without a chain could be paid on the wrong one.
    case missingChainID
    /// A chain id that is not a canonical positive decimal integer of at most 64 bits.
    case invalidChainID(found: String)
    /// A `/<function>` other than `transfer`.
    case unsupportedFunction(found: String)
    /// A parameter that is not `key=value` with a non-empty key and value.
    case malformedParameter(found: String)
    /// A parameter this shape does not define.
    case unknownParameter(name: String)
    /// A parameter given twice.
    case duplicateParameter(name: String)
    /// A required parameter is absent.
    case missingParameter(name: String)
    /// A number outside the canonical form (sign, leading zeros, trailing fraction zeros, empty parts).
    case nonCanonicalNumber(field: String, found: String, reason: String)
    /// A number whose scientific notation does not come out as an integer.
    case notAnInteger(field: String, found: String)
    /// A number beyond 256 bits (or an exponent beyond 77).
    case numberOutOfRange(field: String, found: String)
    /// A zero amount: nothing to pay.
    case zeroAmount(field: String)
    /// A checkout document whose JSON does not have the Checkouts API's shape.
    case checkoutField(JSONFieldError)
    /// A checkout `network` that is not one of ``KnownChain``'s.
    case unknownNetwork(found: String)
    /// A checkout `currency` other than USDC.
    case unsupportedCurrency(found: String)
    /// A checkout `tokenAddress` that is not the chain's built-in USDC.
    case tokenNotUSDC(found: Address, expected: Address, chain: ChainID)
    /// A checkout `status` that is not one of the documented ones.
    case unknownStatus(found: String)
    /// A checkout `expiresAt` that is not an ISO-8601 time.
    case invalidExpiry(found: String)

    /// A stable name for `--json` and tests.
    public var kind: String {
        switch self {
        case .wrongScheme: return "wrongScheme"
        case .unsupportedPrefix: return "unsupportedPrefix"
        case .invalidCharacter: return "invalidCharacter"
        case .percentEncoding: return "percentEncoding"
        case .ensNameNotAllowed: return "ensNameNotAllowed"
        case .invalidAddress: return "invalidAddress"
        case .badChecksum: return "badChecksum"
        case .zeroAddress: return "zeroAddress"
        case .missingChainID: return "missingChainID"
        case .invalidChainID: return "invalidChainID"
        case .unsupportedFunction: return "unsupportedFunction"
        case .malformedParameter: return "malformedParameter"
        case .unknownParameter: return "unknownParameter"
        case .duplicateParameter: return "duplicateParameter"
        case .missingParameter: return "missingParameter"
        case .nonCanonicalNumber: return "nonCanonicalNumber"
        case .notAnInteger: return "notAnInteger"
        case .numberOutOfRange: return "numberOutOfRange"
        case .zeroAmount: return "zeroAmount"
        case .checkoutField: return "checkoutField"
        case .unknownNetwork: return "unknownNetwork"
        case .unsupportedCurrency: return "unsupportedCurrency"
        case .tokenNotUSDC: return "tokenNotUSDC"
        case .unknownStatus: return "unknownStatus"
        case .invalidExpiry: return "invalidExpiry"
        }
    }

    /// A one-line explanation naming the field; every part quoted from the input is escaped for the terminal.
    public var description: String {
        switch self {
        case .wrongScheme(let found): return "payment request: expected an ethereum: URI, found \"\(Self.show(found))\""
        case .unsupportedPrefix(let found):
            return "target: prefix \"\(Self.show(found))-\" is not supported (only EIP-681's optional pay-)"
        case .invalidCharacter(let character, let offset):
            return "payment request: character \(Self.show(character)) at offset \(offset) is not allowed"
        case .percentEncoding(let field): return "\(field): percent-encoding is not accepted"
        case .ensNameNotAllowed(let field, let found):
            return "\(field): \"\(Self.show(found))\" is a name, expected a 0x address (names cannot be resolved offline)"
        case .invalidAddress(let field, let reason): return "\(field): \(reason.escapedForTerminal)"
        case .badChecksum(let field, let found, let expected):
            return "\(field): EIP-55 checksum mismatch: found \(Self.show(found)), expected \(expected)"
        case .zeroAddress(let field): return "\(field): is the zero address"
        case .missingChainID: return "chainId: missing; expected @<chainId> after the target"
        case .invalidChainID(let found):
            return "chainId: \"\(Self.show(found))\" is not a positive decimal chain id without leading zeros"
        case .unsupportedFunction(let found):
            return "function: \"\(Self.show(found))\" is not supported; expected transfer or none"
        case .malformedParameter(let found): return "parameters: \"\(Self.show(found))\" is not key=value"
        case .unknownParameter(let name): return "\(Self.show(name)): unknown parameter for this request"
        case .duplicateParameter(let name): return "\(Self.show(name)): parameter given more than once"
        case .missingParameter(let name): return "\(name): required parameter is missing"
        case .nonCanonicalNumber(let field, let found, let reason):
            return "\(field): \"\(Self.show(found))\" is not a canonical number: \(reason)"
        case .notAnInteger(let field, let found):
            return "\(field): \"\(Self.show(found))\" is not an integer number of base units"
        case .numberOutOfRange(let field, let found): return "\(field): \"\(Self.show(found))\" exceeds 256 bits"
        case .zeroAmount(let field): return "\(field): amount is zero"
        case .checkoutField(let error): return "checkout: \(error.description.escapedForTerminal)"
        case .unknownNetwork(let found):
            return "checkout.network: \"\(Self.show(found))\" is not one of \(KnownChain.optionNameList)"
        case .unsupportedCurrency(let found): return "checkout.currency: expected USDC, found \"\(Self.show(found))\""
        case .tokenNotUSDC(let found, let expected, let chain):
            return "checkout.tokenAddress: \(found) is not the built-in USDC \(expected) on \(chain)"
        case .unknownStatus(let found):
            return "checkout.status: \"\(Self.show(found))\" is not ACTIVE, PROCESSING, COMPLETED or EXPIRED"
        case .invalidExpiry(let found):
            return "checkout.expiresAt: expected an ISO-8601 time such as 2026-01-01T00:00:00Z, found \"\(Self.show(found))\""
        }
    }

    /// Input text, escaped and cut to 120 characters.
    static func show(_ text: String) -> String {
        let cut = text.count > 120 ? String(text.prefix(120)) + "…" : text
        return cut.escapedForTerminal
    }
}
