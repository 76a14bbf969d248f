import EthereumABI
import EthereumPrimitives
import Foundation
import TestSupport
import Testing

/// Each strictness rule of the calldata decoder trips its own error.
@Suite struct StrictDecodingTests {
    static func sampleCalldata() throws -> [UInt8] {
        let root = try #require(try Fixtures.vectorJSON("coinbase/sample-a-charge.json") as? [String: Any])
        let expected = try #require(root["expected"] as? [String: Any])
        return try Hex.decode(try #require(expected["calldata"] as? String))
    }

    @Test("rejects trailing bytes after the arguments")
    func rejectsTrailingBytes() throws {
        let calldata = try Self.sampleCalldata() + [0]
        #expect(throws: ABIError.nonCanonicalEncoding(reason: "577 bytes where the canonical encoding has 576")) {
            _ = try TransfersContract.decodeSwapAndTransfer(calldata)
        }
    }

    @Test("rejects another function's selector")
    func rejectsWrongSelector() throws {
        var calldata = try Self.sampleCalldata()
        calldata[0] = 0xfc
        #expect(throws: ABIError.unexpectedSelector(expected: "0x8bf122da", found: "0xfcf122da")) {
            _ = try TransfersContract.decodeSwapAndTransfer(calldata)
        }
    }

    @Test("rejects dirty high bytes in an address word")
    func rejectsDirtyAddress() throws {
        var calldata = try Self.sampleCalldata()
        calldata[4 + 0x80] = 1  // first byte of the recipient word
        #expect(throws: ABIError.dirtyPadding(field: "arguments[0][2]", offset: 0x80)) {
            _ = try TransfersContract.decodeSwapAndTransfer(calldata)
        }
    }

    @Test("rejects a fee tier wider than uint24")
    func rejectsWideTier() throws {
        var calldata = try Self.sampleCalldata()
        calldata[4 + 0x20 + 28] = 1  // bit 24 of the tier word
        #expect(throws: ABIError.dirtyPadding(field: "arguments[1]", offset: 0x20)) {
            _ = try TransfersContract.decodeSwapAndTransfer(calldata)
        }
    }

    @Test("rejects non-zero bytes after the bytes16 id")
    func rejectsDirtyBytes16() throws {
        var calldata = try Self.sampleCalldata()
        calldata[4 + 0x100 + 20] = 0xaa
        #expect(throws: ABIError.dirtyPadding(field: "arguments[0][6]", offset: 0x100)) {
            _ = try TransfersContract.decodeSwapAndTransfer(calldata)
        }
    }

    @Test("rejects an offset pointing past the end")
    func rejectsOutOfRangeOffset() throws {
        var calldata = try Self.sampleCalldata()
        calldata[4 + 31] = 0xff  // tuple offset 0x40 → 0xff: not word-aligned and past the data
        #expect(throws: ABIError.invalidOffset(field: "arguments[0]", offset: 0, value: "255")) {
            _ = try TransfersContract.decodeSwapAndTransfer(calldata)
        }
    }

    @Test("rejects truncated calldata")
    func rejectsTruncated() throws {
        let calldata = Array(try Self.sampleCalldata().dropLast(40))
        #expect(throws: ABIError.self) { _ = try TransfersContract.decodeSwapAndTransfer(calldata) }
    }

    @Test("rejects dirty padding after the prefix bytes")
    func rejectsDirtyBytesPadding() throws {
        var calldata = try Self.sampleCalldata()
        calldata[calldata.count - 1] = 1
        #expect(throws: ABIError.dirtyPadding(field: "arguments[0][9]", offset: 0x220 + 29)) {
            _ = try TransfersContract.decodeSwapAndTransfer(calldata)
        }
    }

    @Test("rejects a bool word of 2")
    func rejectsBadBool() {
        #expect(throws: ABIError.invalidBool(field: "arguments[0]", offset: 0)) {
            _ = try ABI.decode([.bool], from: UInt256(2).bigEndianBytes)
        }
    }

    @Test("rejects calldata shorter than a selector")
    func rejectsShortSelector() {
        #expect(throws: ABIError.dataTooShort(field: "selector", offset: 0, needed: 4, available: 3)) {
            _ = try TransfersContract.decodeSwapAndTransfer([0x8b, 0xf1, 0x22])
        }
    }
}
