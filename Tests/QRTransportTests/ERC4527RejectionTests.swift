import QRTransport
import TestSupport
import Testing

@Suite("ERC-4527 strict decoding")
struct ERC4527RejectionTests {
    private typealias Entry = CBOR.MapEntry

    private static let uuid = CBOR.tagged(37, .bytes(hexBytes("9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d")))
    private static let path = CBOR.tagged(
        304,
        .map([
            Entry(
                .unsigned(1),
                .array([
                    .unsigned(44), .bool(true), .unsigned(60), .bool(true), .unsigned(0), .bool(true),
                    .unsigned(0), .bool(false), .unsigned(0), .bool(false),
                ]))
        ]))

    /// A valid request map with `replacements` (key → value, nil removes) applied.
    private static func request(_ replacements: [UInt64: CBOR?] = [:]) -> [UInt8] {
        requestItem(replacements).encoded
    }

    private static func requestItem(_ replacements: [UInt64: CBOR?] = [:]) -> CBOR {
        var fields: [UInt64: CBOR] = [1: uuid, 2: .bytes([0x02, 0xC0]), 3: .unsigned(4), 4: .unsigned(1), 5: path]
        for (key, value) in replacements { fields[key] = value }
        return CBOR.map(fields.keys.sorted().compactMap { key in fields[key].map { Entry(.unsigned(key), $0) } })
    }

    @Test("accepts the baseline request and the newer keypath tag 40304")
    func acceptsBaseline() throws {
        #expect(try EthSignRequest(cbor: Self.request()).dataType == .typedTransaction)
        guard case .tagged(_, let inner) = Self.path else { return }
        let request = try EthSignRequest(cbor: Self.request([5: .tagged(40304, inner)]))
        #expect(request.derivationPath.description == "m/44'/60'/0'/0/0")
    }

    @Test(
        "rejects each malformed eth-sign-request with its named error",
        arguments: [
            (request([8: .text("x")]), QRTransportError.unknownField(type: "eth-sign-request", key: 8)),
            (request([2: nil]), .missingField(type: "eth-sign-request", key: 2, name: "sign-data")),
            (request([3: nil]), .missingField(type: "eth-sign-request", key: 3, name: "data-type")),
            (request([5: nil]), .missingField(type: "eth-sign-request", key: 5, name: "derivation-path")),
            (request([2: .bytes([])]), .invalidFieldValue(field: "eth-sign-request.sign-data", reason: "is empty")),
            (
                request([3: .unsigned(5)]),
                .invalidFieldValue(field: "eth-sign-request.data-type", reason: "expected 1, 2, 3 or 4, found 5")
            ),
            (
                request([4: .unsigned(0)]),
                .invalidFieldValue(field: "eth-sign-request.chain-id", reason: "must not be 0")
            ),
            (
                request([4: .negative(0)]),
                .cborTypeMismatch(
                    field: "eth-sign-request.chain-id", expected: "unsigned integer", found: "negative integer")
            ),
            (
                request([1: .tagged(38, .bytes(Array(repeating: 0, count: 16)))]),
                .cborUnexpectedTag(field: "eth-sign-request.request-id", expected: [37], found: 38)
            ),
            (
                request([1: .tagged(37, .bytes(Array(repeating: 0, count: 15)))]),
                .invalidFieldValue(field: "eth-sign-request.request-id", reason: "expected 16 bytes, found 15")
            ),
            (
                request([5: .map([Entry(.unsigned(1), .array([.unsigned(44), .bool(true)]))])]),
                .cborUnexpectedTag(field: "eth-sign-request.derivation-path", expected: [304, 40304], found: nil)
            ),
            (
                request([5: .tagged(304, .map([Entry(.unsigned(1), .array([.array([]), .bool(false)]))]))]),
                .invalidFieldValue(
                    field: "eth-sign-request.derivation-path.components",
                    reason: "wildcard or range at step 0 names no single key")
            ),
            (
                request([5: .tagged(304, .map([Entry(.unsigned(1), .array([.unsigned(1 << 31), .bool(false)]))]))]),
                .invalidFieldValue(field: "crypto-keypath.components", reason: "index 2147483648 is not below 2^31")
            ),
            (
                request([5: .tagged(304, .map([Entry(.unsigned(1), .array([])), Entry(.unsigned(2), .unsigned(0))]))]),
                .invalidFieldValue(field: "crypto-keypath.source-fingerprint", reason: "must not be 0")
            ),
            (
                request([6: .bytes(Array(repeating: 0xAA, count: 19))]),
                .invalidFieldValue(field: "eth-sign-request.address", reason: "expected 20 bytes, found 19")
            ),
            (
                request([7: .bytes([0x41])]),
                .cborTypeMismatch(field: "eth-sign-request.origin", expected: "text string", found: "byte string")
            ),
            (
                CBOR.tagged(401, requestItem()).encoded,
                .cborTypeMismatch(field: "eth-sign-request", expected: "map", found: "tag 401")
            ),
            (hexBytes("a2034104020104"), .cborMapKeysNotCanonical(offset: 4)),
            (request() + [0x00], .cborTrailingBytes(offset: request().count, count: 1)),
        ])
    func rejectsRequest(bytes: [UInt8], expected: QRTransportError) {
        #expect(throws: expected) { try EthSignRequest(cbor: bytes) }
    }

    @Test(
        "rejects each malformed eth-signature with its named error",
        arguments: [
            (
                CBOR.map([Entry(.unsigned(1), uuid), Entry(.unsigned(2), .bytes(Array(repeating: 1, count: 64)))])
                    .encoded,
                QRTransportError.invalidFieldValue(
                    field: "eth-signature.signature", reason: "expected 65 to 72 bytes (r ‖ s ‖ v), found 64")
            ),
            (
                CBOR.map([Entry(.unsigned(1), uuid), Entry(.unsigned(2), .bytes(Array(repeating: 1, count: 73)))])
                    .encoded,
                .invalidFieldValue(
                    field: "eth-signature.signature", reason: "expected 65 to 72 bytes (r ‖ s ‖ v), found 73")
            ),
            (
                CBOR.map([Entry(.unsigned(2), .bytes(Array(repeating: 1, count: 65)))]).encoded,
                .missingField(type: "eth-signature", key: 1, name: "request-id")
            ),
            (
                CBOR.map([Entry(.unsigned(1), uuid)]).encoded,
                .missingField(type: "eth-signature", key: 2, name: "signature")
            ),
            (
                CBOR.map([
                    Entry(.unsigned(1), uuid), Entry(.unsigned(2), .bytes(Array(repeating: 1, count: 65))),
                    Entry(.unsigned(4), .null),
                ]).encoded, .unknownField(type: "eth-signature", key: 4)
            ),
        ])
    func rejectsSignature(bytes: [UInt8], expected: QRTransportError) {
        #expect(throws: expected) { try EthSignature(cbor: bytes) }
    }

    @Test("rejects a UR of the wrong type")
    func rejectsWrongURType() throws {
        let ur = try UR(type: "eth-signature", cbor: Self.request())
        #expect(throws: QRTransportError.urTypeMismatch(expected: "eth-sign-request", found: "eth-signature")) {
            try EthSignRequest(ur: ur)
        }
    }
}
