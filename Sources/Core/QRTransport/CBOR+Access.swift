extension CBOR {
    /// The value of an unsigned integer item; `field` names it in the error otherwise.
    public func unsignedValue(field: String) throws(QRTransportError) -> UInt64 {
        guard case .unsigned(let value) = self else { throw mismatch(field: field, expected: "unsigned integer") }
        return value
    }

    /// The bytes of a byte-string item.
    public func bytesValue(field: String) throws(QRTransportError) -> [UInt8] {
        guard case .bytes(let bytes) = self else { throw mismatch(field: field, expected: "byte string") }
        return bytes
    }

    /// The string of a text item.
    public func textValue(field: String) throws(QRTransportError) -> String {
        guard case .text(let text) = self else { throw mismatch(field: field, expected: "text string") }
        return text
    }

    /// The items of an array item.
    public func arrayValue(field: String) throws(QRTransportError) -> [CBOR] {
        guard case .array(let items) = self else { throw mismatch(field: field, expected: "array") }
        return items
    }

    /// The entries of a map item.
    public func mapValue(field: String) throws(QRTransportError) -> [MapEntry] {
        guard case .map(let entries) = self else { throw mismatch(field: field, expected: "map") }
        return entries
    }

    /// The value of a boolean item.
    public func boolValue(field: String) throws(QRTransportError) -> Bool {
        guard case .bool(let value) = self else { throw mismatch(field: field, expected: "boolean") }
        return value
    }

    /// The content of an item tagged with one of `tags`; an untagged item or another tag is an error.
    public func untagged(_ tags: [UInt64], field: String) throws(QRTransportError) -> CBOR {
        guard case .tagged(let tag, let item) = self else {
            throw .cborUnexpectedTag(field: field, expected: tags, found: nil)
        }
        guard tags.contains(tag) else { throw .cborUnexpectedTag(field: field, expected: tags, found: tag) }
        return item
    }

    /// A map whose keys are all unsigned integers, keyed by them (the ERC-4527 and BCR map shape).
    ///
    /// Duplicates and order were already enforced by ``decode(_:maxDepth:)``; this only checks key types.
    public func integerKeyedMap(field: String) throws(QRTransportError) -> [UInt64: CBOR] {
        var result: [UInt64: CBOR] = [:]
        for entry in try mapValue(field: field) {
            guard case .unsigned(let key) = entry.key else {
                throw .cborTypeMismatch(field: "\(field) key", expected: "unsigned integer", found: entry.key.kindName)
            }
            result[key] = entry.value
        }
        return result
    }

    private func mismatch(field: String, expected: String) -> QRTransportError {
        .cborTypeMismatch(field: field, expected: expected, found: kindName)
    }
}
