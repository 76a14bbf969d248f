import EthereumRLP
import TestSupport
import Testing

@Suite("RLP decoder strictness and typed readers")
struct RLPDecoderTests {
    @Test("rejects trailing bytes after one complete item")
    func rejectsTrailingBytes() {
        #expect(throws: RLPError.trailingBytes(offset: 1, count: 1)) { try RLP.decode([0x01, 0x02]) }
        #expect(throws: RLPError.trailingBytes(offset: 1, count: 2)) { try RLP.decode([0xc0, 0xc0, 0x80]) }
    }

    @Test("rejects a child that runs past the end of its enclosing list")
    func rejectsChildBeyondList() {
        // List of 2 payload bytes holding a string that claims 2 bytes of payload (3 with its header).
        #expect(throws: RLPError.inputTooShort(offset: 1, needed: 2, available: 1)) {
            try RLP.decode([0xc2, 0x82, 0x61, 0x62])
        }
    }

    @Test("rejects nesting deeper than the limit and accepts the limit itself")
    func depthLimit() throws {
        func nested(_ depth: Int) -> RLPItem { (0..<depth).reduce(RLPItem.list([])) { item, _ in .list([item]) } }
        #expect(throws: RLPError.depthLimitExceeded(limit: RLP.maximumDepth)) {
            try RLP.decode(RLP.encode(nested(RLP.maximumDepth + 1)))
        }
        #expect(try RLP.decode(RLP.encode(nested(RLP.maximumDepth))) == nested(RLP.maximumDepth))
    }

    @Test("a 56-byte string takes the long form and round-trips; 55 bytes stays short")
    func lengthBoundary() throws {
        let long = [UInt8](repeating: 0x61, count: 56)
        #expect(RLP.encode(.bytes(long)) == [0xb8, 56] + long)
        #expect(try RLP.decode([0xb8, 56] + long) == .bytes(long))
        let short = [UInt8](repeating: 0x61, count: 55)
        #expect(RLP.encode(.bytes(short)) == [0xb7] + short)
        #expect(
            RLP.encode(.list(Array(repeating: .bytes([0x01]), count: 56))) == [0xf8, 56]
                + Array(repeating: 1, count: 56))
    }

    @Test("single bytes below 0x80 encode as themselves, 0x80 and above get a header")
    func singleBytes() {
        #expect(RLP.encode(.bytes([0x00])) == [0x00])
        #expect(RLP.encode(.bytes([0x7f])) == [0x7f])
        #expect(RLP.encode(.bytes([0x80])) == [0x81, 0x80])
        #expect(RLP.encode(.bytes([])) == [0x80])
    }

    @Test("integer reader: canonical values accepted, leading zero and oversize refused")
    func integerReader() throws {
        #expect(try RLPItem.bytes([]).uint64Value(field: "nonce") == 0)
        #expect(try RLPItem.bytes([0x01, 0x00]).uint64Value(field: "nonce") == 256)
        #expect(try RLPItem.bytes([UInt8](repeating: 0xff, count: 8)).uint64Value(field: "nonce") == .max)
        #expect(throws: RLPError.leadingZeroInInteger(field: "nonce")) {
            try RLPItem.bytes([0x00]).uint64Value(field: "nonce")
        }
        #expect(throws: RLPError.leadingZeroInInteger(field: "nonce")) {
            try RLPItem.bytes([0x00, 0x01]).uint64Value(field: "nonce")
        }
        #expect(throws: RLPError.integerTooLarge(field: "nonce", maxBytes: 8, found: 9)) {
            try RLPItem.bytes([UInt8](repeating: 0x01, count: 9)).uint64Value(field: "nonce")
        }
        #expect(throws: RLPError.integerTooLarge(field: "value", maxBytes: 32, found: 33)) {
            try RLPItem.bytes([UInt8](repeating: 0x01, count: 33)).integerBytes(field: "value")
        }
        #expect(throws: RLPError.unexpectedList(field: "nonce")) { try RLPItem.list([]).uint64Value(field: "nonce") }
    }

    @Test("string and list readers name the field on a kind mismatch")
    func kindReaders() throws {
        #expect(throws: RLPError.unexpectedList(field: "data")) { try RLPItem.list([]).bytesValue(field: "data") }
        #expect(throws: RLPError.unexpectedString(field: "accessList")) {
            try RLPItem.bytes([]).listValue(field: "accessList")
        }
        #expect(try RLPItem.list([.bytes([1])]).listValue(field: "l") == [.bytes([1])])
    }

    @Test(
        "integer items are minimal big-endian",
        arguments: [
            (UInt64(0), [UInt8]()), (1, [0x01]), (127, [0x7f]), (128, [0x80]), (256, [0x01, 0x00]),
            (.max, [UInt8](repeating: 0xff, count: 8)),
        ] as [(UInt64, [UInt8])])
    func integerItems(value: UInt64, bytes: [UInt8]) throws {
        #expect(RLPItem.integer(value) == .bytes(bytes))
        #expect(try RLPItem.integer(value).uint64Value(field: "n") == value)
    }

    @Test("errors describe themselves with the field or offset")
    func descriptions() {
        #expect(RLPError.leadingZeroInInteger(field: "nonce").description.contains("nonce"))
        #expect(RLPError.trailingBytes(offset: 3, count: 2).description.contains("offset 3"))
    }
}
