import EthereumPrimitives
import QRTransport

/// A positional CBOR array read field by field: the reader behind the compact forms.
///
/// The compact forms are fixed-length arrays, so the item count is checked once and every accessor names its
/// field (`coldcredits-bundle.tx.maxFeePerGas`) in the error. Each accessor accepts exactly one encoding of a
/// value — the one ``CompactFields/uint256(_:)`` and friends write — so equal values always give equal bytes.
struct CompactFields {
    let path: String
    private let names: [String]
    private let items: [CBOR]

    /// Reads `item` as an array of exactly `names.count` items.
    init(_ item: CBOR, path: String, names: [String]) throws(QRBundleError) {
        let items: [CBOR]
        do { items = try item.arrayValue(field: path) } catch { throw .transport(error) }
        guard items.count == names.count else {
            throw .wrongFieldCount(field: path, expected: names.count, found: items.count)
        }
        self.path = path
        self.names = names
        self.items = items
    }

    /// Decodes `bytes` as a compact form of UR type `type`: field 0 is the version, checked before the length so
    /// a later version with other fields is reported as such, then exactly `names.count` items.
    init(versionedCBOR bytes: [UInt8], type: String, version: UInt64, names: [String]) throws(QRBundleError) {
        let item: CBOR
        do { item = try CBOR.decode(bytes) } catch { throw .transport(error) }
        if case .array(let items) = item, case .unsigned(let found)? = items.first, found != version {
            throw .unsupportedVersion(type: type, expected: version, found: found)
        }
        try self.init(item, path: type, names: names)
        guard try uint64(0) == version else { throw invalid(0, "expected \(version)") }
    }

    /// The full name of field `index`.
    func field(_ index: Int) -> String { "\(path).\(names[index])" }

    /// The raw item at `index`.
    func item(_ index: Int) -> CBOR { items[index] }

    /// True when the item is `null`.
    func isNull(_ index: Int) -> Bool { items[index] == .null }

    func invalid(_ index: Int, _ reason: String) -> QRBundleError { .invalidField(field: field(index), reason: reason) }

    /// An unsigned integer.
    func uint64(_ index: Int) throws(QRBundleError) -> UInt64 {
        do { return try items[index].unsignedValue(field: field(index)) } catch { throw .transport(error) }
    }

    /// An unsigned integer below 2^32.
    func uint32(_ index: Int) throws(QRBundleError) -> UInt32 {
        let value = try uint64(index)
        guard let small = UInt32(exactly: value) else { throw invalid(index, "\(value) does not fit 32 bits") }
        return small
    }

    /// A 256-bit integer: a CBOR unsigned integer below 2^64, otherwise a tag-2 bignum (RFC 8949 §3.4.3) of
    /// 9…32 bytes without a leading zero — the only encoding ``CBOR/uint256(_:)`` writes.
    func uint256(_ index: Int) throws(QRBundleError) -> UInt256 {
        switch items[index] {
        case .unsigned(let value): return UInt256(value)
        case .tagged(2, .bytes(let bytes)):
            guard (9...32).contains(bytes.count), bytes.first != 0 else {
                throw invalid(index, "a bignum must be 9 to 32 bytes without a leading zero, found \(bytes.count)")
            }
            do { return try UInt256(bigEndian: bytes, field: field(index)) } catch {
                throw invalid(index, error.description)
            }
        default:
            throw invalid(index, "expected an unsigned integer or a bignum, found \(items[index].kindName)")
        }
    }

    /// A byte string, of exactly `count` bytes when given.
    func bytes(_ index: Int, count: Int? = nil) throws(QRBundleError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try items[index].bytesValue(field: field(index)) } catch { throw .transport(error) }
        if let count, bytes.count != count { throw invalid(index, "expected \(count) bytes, found \(bytes.count)") }
        return bytes
    }

    /// A text string.
    func text(_ index: Int) throws(QRBundleError) -> String {
        do { return try items[index].textValue(field: field(index)) } catch { throw .transport(error) }
    }

    /// A 20-byte address.
    func address(_ index: Int) throws(QRBundleError) -> Address {
        Address(uncheckedBytes: try bytes(index, count: 20))
    }

    /// `null` for `implied`, otherwise an address that must differ from it (one value, one encoding).
    func address(_ index: Int, nullMeans implied: Address) throws(QRBundleError) -> Address {
        guard !isNull(index) else { return implied }
        let address = try address(index)
        guard address != implied else { throw invalid(index, "must be null when it equals \(implied)") }
        return address
    }

    /// A nested fixed-length array.
    func nested(_ index: Int, names: [String]) throws(QRBundleError) -> CompactFields {
        try CompactFields(items[index], path: field(index), names: names)
    }
}

extension CBOR {
    /// `value` as an unsigned integer when it fits 64 bits, otherwise as a tag-2 bignum of its minimal bytes.
    static func uint256(_ value: UInt256) -> CBOR {
        if let small = value.uint64 { return .unsigned(small) }
        return .tagged(2, .bytes(value.minimalBigEndianBytes))
    }

    /// An address as its 20 bytes.
    static func address(_ address: Address) -> CBOR { .bytes(address.bytes) }

    /// `null` when `address` equals `implied`, else its bytes.
    static func address(_ address: Address, nullWhen implied: Address) -> CBOR {
        address == implied ? .null : .bytes(address.bytes)
    }
}
