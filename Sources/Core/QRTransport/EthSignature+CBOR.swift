import FoundationEssentials

extension EthSignature: URPayload {
    /// The untagged CBOR map, keys ascending.
    public var cbor: [UInt8] {
        var entries: [CBOR.MapEntry] = [
            .init(.unsigned(1), .tagged(UUID.cborTag, .bytes(requestID.bytes))),
            .init(.unsigned(2), .bytes(signature)),
        ]
        if let origin { entries.append(.init(.unsigned(3), .text(origin))) }
        return CBOR.map(entries).encoded
    }

    /// Decodes a UR, which must have type `eth-signature`.
    public init(ur: UR) throws(QRTransportError) {
        guard ur.type == Self.urType else { throw .urTypeMismatch(expected: Self.urType, found: ur.type) }
        try self.init(cbor: ur.cbor)
    }

    /// Decodes the untagged map strictly; the request id is required (MetaMask refuses a signature without
    /// one, and the ERC's CDDL does not mark it optional).
    public init(cbor bytes: [UInt8]) throws(QRTransportError) {
        let name = Self.urType
        let map = try CBOR.decode(bytes).integerKeyedMap(field: name)
        if let unknown = map.keys.sorted().first(where: { !(1...3).contains($0) }) {
            throw .unknownField(type: name, key: unknown)
        }
        guard let idItem = map[1] else { throw .missingField(type: name, key: 1, name: "request-id") }
        guard let signatureItem = map[2] else { throw .missingField(type: name, key: 2, name: "signature") }
        let origin = try map[3].map { item throws(QRTransportError) in try item.textValue(field: "\(name).origin") }
        try self.init(
            requestID: UUID(cbor: idItem, field: "\(name).request-id"),
            signature: signatureItem.bytesValue(field: "\(name).signature"), origin: origin)
    }

    /// Checks that this signature answers `request` (same request id); a mismatch is a named error.
    public func verifyAnswers(_ request: EthSignRequest) throws(QRTransportError) {
        guard let expected = request.requestID else {
            throw .missingField(type: EthSignRequest.urType, key: 1, name: "request-id")
        }
        guard expected == requestID else {
            throw .invalidFieldValue(
                field: "eth-signature.request-id",
                reason: "answers request \(requestID.uuidString.lowercased()), "
                    + "expected \(expected.uuidString.lowercased())")
        }
    }
}
