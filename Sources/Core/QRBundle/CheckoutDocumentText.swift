import BundleFormat
import EthereumPrimitives
import QRTransport
import StrictJSON

/// A Checkouts API document as a compact CBOR array, rebuilt member for member on decoding.
///
/// `[id, url, amount, network, status, expiresAt, address, spellings, extra]`: the strings as text; `currency`
/// is not written (the parser accepts only `USDC`) and `tokenAddress` is not written (it must be the network's
/// built-in USDC); `address` is 20 bytes; `spellings` packs 2 bits per address (`address` in the low bits, then
/// `tokenAddress`; 0 lower case, 1 EIP-55, 2 upper case); `expiresAt` is Unix seconds when it is the canonical
/// `YYYY-MM-DDTHH:MM:SSZ` text, else the text; `extra` is `null`, or the canonical line JSON of the tolerated
/// members (`description`, `metadata`, …) as one object. A document with a member of another type, or an address
/// spelled otherwise, cannot be written (the compact form carries documents exactly or not at all).
enum CheckoutDocumentText {
    static let names = [
        "id", "url", "amount", "network", "status", "expiresAt", "address", "spellings", "extra",
    ]
    /// The members written as fields; every other member of the document goes to `extra`.
    static let fieldMembers: Set<String> = [
        "id", "url", "amount", "network", "status", "expiresAt", "address", "currency", "tokenAddress",
    ]
    static let textMembers = ["id", "url", "amount", "network", "status"]

    /// The array for `document`, whose parsed request is `request`.
    static func encode(_ document: JSONValue, request: PaymentRequest) throws(QRBundleError) -> CBOR {
        guard let members = document.objectValue, let token = request.token else {
            throw .notRepresentable(reason: "the checkout document is not an object paying a token")
        }
        var items: [CBOR] = []
        for name in textMembers {
            guard let text = members[name]?.stringValue else {
                throw .notRepresentable(reason: "checkout.\(name) is not a string")
            }
            items.append(.text(text))
        }
        guard let expiry = members["expiresAt"]?.stringValue, members["currency"]?.stringValue == "USDC" else {
            throw .notRepresentable(reason: "checkout.expiresAt or checkout.currency is not the expected string")
        }
        if let seconds = ISO8601.unixSeconds(expiry), ISO8601.format(unixSeconds: seconds) == expiry {
            items.append(.unsigned(seconds))
        } else {
            items.append(.text(expiry))
        }
        let address = try spelling(members["address"], of: request.recipient, member: "address")
        let tokenSpelling = try spelling(members["tokenAddress"], of: token, member: "tokenAddress")
        items += [.address(request.recipient), .unsigned(address | tokenSpelling << 2)]
        let extra = members.filter { !fieldMembers.contains($0.key) }
        items.append(extra.isEmpty ? .null : .text(JSON.serializedString(.object(extra))))
        return .array(items)
    }

    /// The document written by ``encode(_:request:)``; the checkout parser reads it afterwards.
    static func decode(_ item: CBOR, path: String) throws(QRBundleError) -> JSONValue {
        let f = try CompactFields(item, path: path, names: names)
        var members: [String: JSONValue] = [:]
        for (index, name) in textMembers.enumerated() { members[name] = .string(try f.text(index)) }
        switch f.item(5) {
        case .unsigned(let seconds): members["expiresAt"] = .string(ISO8601.format(unixSeconds: seconds))
        case .text(let text):
            if let seconds = ISO8601.unixSeconds(text), ISO8601.format(unixSeconds: seconds) == text {
                throw f.invalid(5, "a canonical time must be written as Unix seconds")
            }
            members["expiresAt"] = .string(text)
        default: throw f.invalid(5, "expected an integer or text, found \(f.item(5).kindName)")
        }
        let network = try f.text(3)
        guard let chain = KnownChain.entry(named: network) else {
            throw f.invalid(3, "\"\(network)\" is not one of \(KnownChain.optionNameList)")
        }
        let codes = try f.uint64(7)
        guard codes < 16, codes & 3 != 3, codes >> 2 != 3 else { throw f.invalid(7, "\(codes) is not two 2-bit codes") }
        members["address"] = .string(spell(try f.address(6), code: codes & 3))
        members["tokenAddress"] = .string(spell(chain.usdc, code: codes >> 2))
        members["currency"] = "USDC"
        if !f.isNull(8) {
            let text = try f.text(8)
            let extra: JSONValue
            do { extra = try JSON.parse(text) } catch { throw f.invalid(8, "not JSON: \(error.description)") }
            guard let object = extra.objectValue, !object.isEmpty, JSON.serializedString(extra) == text else {
                throw f.invalid(8, "expected null or the canonical line JSON of a non-empty object")
            }
            for (key, value) in object {
                guard !fieldMembers.contains(key) else { throw f.invalid(8, "\"\(key)\" is written as a field") }
                members[key] = value
            }
        }
        return .object(members)
    }

    /// The 2-bit code of `value`'s spelling of `address`.
    static func spelling(_ value: JSONValue?, of address: Address, member: String) throws(QRBundleError) -> UInt64 {
        for code: UInt64 in 0...2 where value?.stringValue == spell(address, code: code) { return code }
        throw .notRepresentable(reason: "checkout.\(member) is not spelled in lower case, EIP-55 or upper case")
    }

    /// `address` spelled by `code`.
    static func spell(_ address: Address, code: UInt64) -> String {
        switch code {
        case 0: return address.lowercased
        case 2: return "0x" + Hex.encode(address.bytes, prefix: false).uppercased()
        default: return address.checksummed
        }
    }
}
