import EthereumPrimitives
import FoundationEssentials

extension EthSignRequest: URPayload {
    /// The untagged CBOR map, keys ascending.
    public var cbor: [UInt8] {
        var entries: [CBOR.MapEntry] = []
        if let requestID { entries.append(.init(.unsigned(1), .tagged(UUID.cborTag, .bytes(requestID.bytes)))) }
        entries.append(.init(.unsigned(2), .bytes(signData)))
        entries.append(.init(.unsigned(3), .unsigned(dataType.rawValue)))
        if let chainID { entries.append(.init(.unsigned(4), .unsigned(chainID.value))) }
        entries.append(.init(.unsigned(5), .tagged(CryptoKeypath.tag, derivationPath.cbor)))
        if let address { entries.append(.init(.unsigned(6), .bytes(address.bytes))) }
        if let origin { entries.append(.init(.unsigned(7), .text(origin))) }
        return CBOR.map(entries).encoded
    }

    /// Decodes a UR, which must have type `eth-sign-request`.
    public init(ur: UR) throws(QRTransportError) {
        guard ur.type == Self.urType else { throw .urTypeMismatch(expected: Self.urType, found: ur.type) }
        try self.init(cbor: ur.cbor)
    }

    /// Decodes the untagged map strictly: deterministic CBOR, no unknown keys, every required key, each value
    /// of its type and range.
    public init(cbor bytes: [UInt8]) throws(QRTransportError) {
        let name = Self.urType
        let map = try CBOR.decode(bytes).integerKeyedMap(field: name)
        if let unknown = map.keys.sorted().first(where: { !(1...7).contains($0) }) {
            throw .unknownField(type: name, key: unknown)
        }
        guard let signDataItem = map[2] else { throw .missingField(type: name, key: 2, name: "sign-data") }
        guard let dataTypeItem = map[3] else { throw .missingField(type: name, key: 3, name: "data-type") }
        guard let pathItem = map[5] else { throw .missingField(type: name, key: 5, name: "derivation-path") }

        let requestID = try map[1].map { item throws(QRTransportError) in
            try UUID(cbor: item, field: "\(name).request-id")
        }
        let signData = try signDataItem.bytesValue(field: "\(name).sign-data")
        guard !signData.isEmpty else { throw .invalidFieldValue(field: "\(name).sign-data", reason: "is empty") }
        let rawType = try dataTypeItem.unsignedValue(field: "\(name).data-type")
        guard let dataType = DataType(rawValue: rawType) else {
            throw .invalidFieldValue(field: "\(name).data-type", reason: "expected 1, 2, 3 or 4, found \(rawType)")
        }
        let chainID = try map[4].map { item throws(QRTransportError) in
            let value = try item.unsignedValue(field: "\(name).chain-id")
            guard value > 0 else { throw .invalidFieldValue(field: "\(name).chain-id", reason: "must not be 0") }
            return ChainID(value)
        }
        let path = try CryptoKeypath(
            cbor: pathItem.untagged(CryptoKeypath.acceptedTags, field: "\(name).derivation-path"),
            field: "\(name).derivation-path")
        let address = try map[6].map { item throws(QRTransportError) in
            let bytes = try item.bytesValue(field: "\(name).address")
            guard bytes.count == 20 else {
                throw .invalidFieldValue(field: "\(name).address", reason: "expected 20 bytes, found \(bytes.count)")
            }
            return Address(uncheckedBytes: bytes)
        }
        let origin = try map[7].map { item throws(QRTransportError) in try item.textValue(field: "\(name).origin") }
        self.init(
            requestID: requestID, signData: signData, dataType: dataType, chainID: chainID, derivationPath: path,
            address: address, origin: origin)
    }
}
