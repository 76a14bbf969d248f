import FoundationEssentials

/// UUIDs as the 16 bytes CBOR tag 37 carries.
extension UUID {
    /// The 16 bytes in network order.
    var bytes: [UInt8] { withUnsafeBytes(of: uuid, Array.init) }

    /// A UUID from exactly 16 bytes (the caller has checked the count).
    init(bytes: [UInt8]) {
        precondition(bytes.count == 16, "UUID needs 16 bytes — caller bug")
        self.init(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// The registry tag for a UUID.
    static let cborTag: UInt64 = 37

    /// `#6.37(bstr .size 16)` for `field`.
    init(cbor: CBOR, field: String) throws(QRTransportError) {
        let bytes = try cbor.untagged([Self.cborTag], field: field).bytesValue(field: field)
        guard bytes.count == 16 else {
            throw .invalidFieldValue(field: field, reason: "expected 16 bytes, found \(bytes.count)")
        }
        self.init(bytes: bytes)
    }
}
