extension UR {
    /// The test-and-transport type for plain bytes (BCR-2020-005: the CBOR is one byte string).
    public static let bytesType = "bytes"

    /// A `ur:bytes` carrying `payload` as a CBOR byte string.
    public init(bytes payload: [UInt8]) {
        do {
            try self.init(type: Self.bytesType, cbor: CBOR.bytes(payload).encoded)
        } catch {
            fatalError("'bytes' is a valid UR type — library bug: \(error)")
        }
    }

    /// The payload of a `ur:bytes`.
    /// - Throws: ``QRTransportError/urTypeMismatch(expected:found:)`` for another type, or a CBOR error when
    ///   the body is not exactly one byte string.
    public func bytesPayload() throws(QRTransportError) -> [UInt8] {
        guard type == Self.bytesType else { throw .urTypeMismatch(expected: Self.bytesType, found: type) }
        return try CBOR.decode(cbor).bytesValue(field: "ur:bytes")
    }
}
