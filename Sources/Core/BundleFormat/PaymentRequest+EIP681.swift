import EthereumPrimitives

extension PaymentRequest {
    /// Gas parameters EIP-681 defines as hints: accepted (each once, as a canonical number) and then ignored,
    /// because the fees and gas limit a bundle carries come from the node and the cold machine's policy.
    public static let eip681GasHints: Set<String> = ["gas", "gasLimit", "gasPrice"]

    /// Parses an EIP-681 URI of exactly one of two shapes:
    /// `ethereum:[pay-]<token>@<chainId>/transfer?address=<recipient>&uint256=<amount>` (ERC-20) or
    /// `ethereum:[pay-]<recipient>@<chainId>?value=<wei>` (native), plus optional gas hints.
    ///
    /// Decisions (docs/protocol.md §6.2): the scheme is lower-case `ethereum:`; EIP-681's `pay-` prefix is
    /// accepted and means nothing more, any other `<word>-` prefix is refused; the chain id is required; targets
    /// and addresses are `0x` + 40 hex digits (EIP-55 checked when mixed-case; ENS names refused); no `%` escapes
    /// and no character outside `[0-9A-Za-z:@/?=&.+-]` (`+` only to name it as a refused sign); numbers follow ``EIP681Number``; the amount is not zero.
    public init(eip681 uri: String) throws(PaymentRequestError) {
        try Self.checkAlphabet(uri)
        guard uri.hasPrefix("ethereum:") else { throw .wrongScheme(found: String(uri.prefix(16))) }
        var rest = Substring(uri.dropFirst("ethereum:".count))
        if rest.hasPrefix("pay-") { rest = rest.dropFirst(4) }

        let queryStart = rest.firstIndex(of: "?")
        let path = rest[..<(queryStart ?? rest.endIndex)]
        let query = queryStart.map { rest[rest.index(after: $0)...] }
        let slash = path.firstIndex(of: "/")
        let targetAndChain = path[..<(slash ?? path.endIndex)]
        let function = slash.map { path[path.index(after: $0)...] }

        let at = targetAndChain.firstIndex(of: "@")
        let targetText = String(targetAndChain[..<(at ?? targetAndChain.endIndex)])
        let target = try Self.address(targetText, field: "target")
        guard let at else { throw .missingChainID }
        let chainID = try Self.chainID(String(targetAndChain[targetAndChain.index(after: at)...]))

        let parameters = try Self.parameters(query)
        switch function {
        case nil:
            try Self.expect(keys: ["value"], in: parameters)
            let amount = try Self.amount(parameters["value"], field: "value")
            self.init(chainID: chainID, asset: .native, recipient: target, amount: amount, source: .uri(uri))
        case "transfer"?:
            try Self.expect(keys: ["address", "uint256"], in: parameters)
            guard let recipientText = parameters["address"] else { throw .missingParameter(name: "address") }
            let recipient = try Self.address(recipientText, field: "address")
            let amount = try Self.amount(parameters["uint256"], field: "uint256")
            self.init(chainID: chainID, asset: .token(target), recipient: recipient, amount: amount, source: .uri(uri))
        case let other?:
            throw .unsupportedFunction(found: String(other))
        }
    }

    /// The request as the one EIP-681 URI of its shape that names exactly what is paid: no `pay-` prefix,
    /// EIP-55 addresses, decimal amounts, `address` before `uint256`, no gas hints.
    ///
    /// Every spelling ``init(eip681:)`` accepts for one payment gives this same text (the ledger keys URIs by it).
    public var canonicalEIP681: String {
        let chain = String(chainID.value)
        switch asset {
        case .native: return "ethereum:\(recipient.checksummed)@\(chain)?value=\(amount.decimalString)"
        case .token(let token):
            return
                "ethereum:\(token.checksummed)@\(chain)/transfer?address=\(recipient.checksummed)&uint256=\(amount.decimalString)"
        }
    }

    /// Refuses `%` escapes and any character outside the plain URI alphabet the two shapes need.
    static func checkAlphabet(_ uri: String) throws(PaymentRequestError) {
        for (offset, character) in uri.enumerated() {
            if character == "%" { throw .percentEncoding(field: "payment request") }
            let allowed =
                character.isASCII && (character.isLetter || character.isNumber || ":@/?=&.+-".contains(character))
            if !allowed { throw .invalidCharacter(character: String(character), offset: offset) }
        }
    }

    /// A `0x` address in `field`; names and other prefixes get their own errors.
    static func address(_ text: String, field: String) throws(PaymentRequestError) -> Address {
        guard text.hasPrefix("0x") else {
            if field == "target", let dash = text.firstIndex(of: "-"), text[text.index(after: dash)...].hasPrefix("0x") {
                throw .unsupportedPrefix(found: String(text[..<dash]))
            }
            throw .ensNameNotAllowed(field: field, found: text)
        }
        let address: Address
        do { address = try Address(hex: text, field: field) } catch {
            if case .invalidChecksum(_, let found, let expected) = error {
                throw .badChecksum(field: field, found: found, expected: expected)
            }
            throw .invalidAddress(field: field, reason: error.description)
        }
        if address == .zero { throw .zeroAddress(field: field) }
        return address
    }

    /// A canonical positive decimal chain id of at most 64 bits.
    static func chainID(_ text: String) throws(PaymentRequestError) -> ChainID {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !text.hasPrefix("0"),
            let value = UInt64(text)
        else { throw text.isEmpty ? .missingChainID : .invalidChainID(found: text) }
        return ChainID(value)
    }

    /// The `key=value` pairs, each key once.
    static func parameters(_ query: Substring?) throws(PaymentRequestError) -> [String: String] {
        guard let query else { return [:] }
        var result: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].contains("=") else {
                throw .malformedParameter(found: String(pair))
            }
            let key = String(parts[0])
            guard result[key] == nil else { throw .duplicateParameter(name: key) }
            result[key] = String(parts[1])
        }
        return result
    }

    /// Refuses keys outside `keys` and the gas hints, and requires every one of `keys`; checks the hints' numbers.
    static func expect(keys: [String], in parameters: [String: String]) throws(PaymentRequestError) {
        for key in parameters.keys.sorted() where !keys.contains(key) {
            guard eip681GasHints.contains(key), let text = parameters[key] else { throw .unknownParameter(name: key) }
            _ = try EIP681Number.parse(text, field: key)
        }
        for key in keys where parameters[key] == nil { throw .missingParameter(name: key) }
    }

    /// A non-zero EIP-681 number.
    static func amount(_ text: String?, field: String) throws(PaymentRequestError) -> UInt256 {
        guard let text else { throw .missingParameter(name: field) }
        let amount = try EIP681Number.parse(text, field: field)
        if amount.isZero { throw .zeroAmount(field: field) }
        return amount
    }
}
