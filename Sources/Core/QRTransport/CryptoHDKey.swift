/// A public key as BCR-2020-007 `crypto-hdkey` (tag 303), the form ERC-4527 wallets use to pair a signer with a
/// watch-only wallet: `{? 2: false, 3: key-data, ? 4: chain-code, ? 6: origin, ? 8: parent-fingerprint,
/// ? 9: name, ? 10: note}`.
///
/// Only public keys are modelled: `is-private: true` is refused when decoding, because a pairing code never
/// carries a secret. `use-info` (5) and `children` (7) are accepted and ignored; any other key is an error.
public struct CryptoHDKey: Hashable, Sendable {
    /// The UR type.
    public static let urType = "crypto-hdkey"
    /// The registry tag when nested in another structure (ERC-4527 `crypto-account` lists tagged keys).
    public static let tag: UInt64 = 303

    /// The 33-byte compressed secp256k1 public key (`02`/`03` ‖ x).
    public let keyData: [UInt8]
    /// The 32-byte BIP-32 chain code, when the key can derive children (absent for a lone account key).
    public let chainCode: [UInt8]?
    /// Where the key sits below its master key, when known.
    public let origin: CryptoKeypath?
    /// A short label for the wallet showing the code.
    public let name: String?

    /// A public key; `keyData` must be 33 bytes starting with 02 or 03, and `chainCode` 32 bytes.
    public init(keyData: [UInt8], chainCode: [UInt8]? = nil, origin: CryptoKeypath? = nil, name: String? = nil)
        throws(QRTransportError)
    {
        guard keyData.count == 33, keyData[0] == 0x02 || keyData[0] == 0x03 else {
            throw .invalidFieldValue(
                field: "crypto-hdkey.key-data", reason: "expected a 33-byte compressed public key (02 or 03 first)")
        }
        if let chainCode, chainCode.count != 32 {
            throw .invalidFieldValue(field: "crypto-hdkey.chain-code", reason: "expected 32 bytes, found \(chainCode.count)")
        }
        self.keyData = keyData
        self.chainCode = chainCode
        self.origin = origin
        self.name = name
    }
}

extension CryptoHDKey: URPayload {
    /// The untagged CBOR map, keys ascending.
    public var cbor: [UInt8] { cborItem.encoded }

    /// The untagged map as a CBOR item.
    public var cborItem: CBOR {
        var entries: [CBOR.MapEntry] = [.init(.unsigned(3), .bytes(keyData))]
        if let chainCode { entries.append(.init(.unsigned(4), .bytes(chainCode))) }
        if let origin { entries.append(.init(.unsigned(6), .tagged(CryptoKeypath.tag, origin.cbor))) }
        if let name { entries.append(.init(.unsigned(9), .text(name))) }
        return .map(entries)
    }

    /// Decodes a UR, which must have type `crypto-hdkey`.
    public init(ur: UR) throws(QRTransportError) {
        guard ur.type == Self.urType else { throw .urTypeMismatch(expected: Self.urType, found: ur.type) }
        try self.init(cbor: CBOR.decode(ur.cbor), field: Self.urType)
    }

    /// Decodes the untagged map strictly, naming `field` in errors.
    public init(cbor: CBOR, field: String) throws(QRTransportError) {
        let map = try cbor.integerKeyedMap(field: field)
        if let unknown = map.keys.sorted().first(where: { !(1...10).contains($0) }) {
            throw .unknownField(type: field, key: unknown)
        }
        if let isPrivate = map[2], try isPrivate.boolValue(field: "\(field).is-private") {
            throw .invalidFieldValue(field: "\(field).is-private", reason: "a pairing code must carry a public key only")
        }
        guard let keyItem = map[3] else { throw .missingField(type: field, key: 3, name: "key-data") }
        let chainCode = try map[4].map { item throws(QRTransportError) in
            try item.bytesValue(field: "\(field).chain-code")
        }
        let origin = try map[6].map { item throws(QRTransportError) in
            try CryptoKeypath(
                cbor: item.untagged(CryptoKeypath.acceptedTags, field: "\(field).origin"), field: "\(field).origin")
        }
        let name = try map[9].map { item throws(QRTransportError) in try item.textValue(field: "\(field).name") }
        try self.init(
            keyData: keyItem.bytesValue(field: "\(field).key-data"), chainCode: chainCode, origin: origin, name: name)
    }
}
