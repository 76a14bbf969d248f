import EthereumRLP
import Foundation
import TestSupport
import Testing

/// One case of ethereum/tests `rlptest.json`, with `in` turned into an ``RLPItem``.
struct RLPValidVector: CustomTestStringConvertible, Sendable {
    let name: String
    let item: RLPItem
    let encoded: [UInt8]
    var testDescription: String { name }

    static func all() throws -> [RLPValidVector] {
        let root = try #require(try Fixtures.vectorJSON("rlp/rlptest.json") as? [String: [String: Any]])
        return try root.keys.sorted().map { name in
            let vector = try #require(root[name])
            let out = try #require(vector["out"] as? String)
            return RLPValidVector(name: name, item: try item(from: #require(vector["in"])), encoded: hexBytes(out))
        }
    }

    /// The file's conventions: `#digits` is a big integer, other strings are one byte per code point,
    /// numbers are minimal big-endian integers, arrays are lists.
    static func item(from value: Any) throws -> RLPItem {
        if let text = value as? String {
            if text.first == "#" { return .bytes(try bigEndian(decimal: String(text.dropFirst()))) }
            return .bytes(try text.unicodeScalars.map { scalar in try #require(UInt8(exactly: scalar.value)) })
        }
        if let list = value as? [Any] { return .list(try list.map(item(from:))) }
        let number = try #require(value as? Int)
        return .bytes(try bigEndian(decimal: String(number)))
    }

    /// Minimal big-endian bytes of a decimal of any size (the file holds 2^256, beyond UInt256),
    /// by schoolbook division of the digit string by 256.
    static func bigEndian(decimal: String) throws -> [UInt8] {
        var digits = try decimal.map { try #require($0.wholeNumberValue) }
        var bytes: [UInt8] = []
        while digits.contains(where: { $0 != 0 }) {
            var remainder = 0
            var quotient: [Int] = []
            for digit in digits {
                let current = remainder * 10 + digit
                quotient.append(current / 256)
                remainder = current % 256
            }
            bytes.insert(UInt8(remainder), at: 0)
            digits = Array(quotient.drop { $0 == 0 })
        }
        return bytes
    }
}

@Suite("RLP: ethereum/tests vectors")
struct RLPVectorTests {
    @Test("the valid-vector file holds its 28 cases")
    func validFileIsComplete() throws {
        #expect(try RLPValidVector.all().count == 28)
    }

    @Test("encodes every valid vector exactly", arguments: try RLPValidVector.all())
    func encodes(_ vector: RLPValidVector) {
        #expect(RLP.encode(vector.item) == vector.encoded)
    }

    @Test("decodes every valid vector to its item", arguments: try RLPValidVector.all())
    func decodes(_ vector: RLPValidVector) throws {
        #expect(try RLP.decode(vector.encoded) == vector.item)
    }

    /// Each named case of `invalidRLPTest.json` and the specific error a strict decoder must report.
    static let invalidExpectations: [String: RLPError] = [
        "int32Overflow": .lengthOverflow(offset: 0),
        "int32Overflow2": .lengthOverflow(offset: 0),
        "wrongSizeList": .nonCanonicalSize(offset: 0),
        "wrongSizeList2": .nonCanonicalSize(offset: 0),
        "incorrectLengthInArray": .leadingZeroInLength(offset: 0),
        "randomRLP": .leadingZeroInLength(offset: 4),
        "bytesShouldBeSingleByte00": .nonCanonicalSingleByte(offset: 0),
        "bytesShouldBeSingleByte01": .nonCanonicalSingleByte(offset: 0),
        "bytesShouldBeSingleByte7F": .nonCanonicalSingleByte(offset: 0),
        "leadingZerosInLongLengthArray1": .leadingZeroInLength(offset: 0),
        "leadingZerosInLongLengthArray2": .leadingZeroInLength(offset: 0),
        "leadingZerosInLongLengthList1": .leadingZeroInLength(offset: 0),
        "leadingZerosInLongLengthList2": .leadingZeroInLength(offset: 0),
        "nonOptimalLongLengthArray1": .nonCanonicalSize(offset: 0),
        "nonOptimalLongLengthArray2": .nonCanonicalSize(offset: 0),
        "nonOptimalLongLengthList1": .nonCanonicalSize(offset: 0),
        "nonOptimalLongLengthList2": .nonCanonicalSize(offset: 0),
        "emptyEncoding": .emptyInput,
        "lessThanShortLengthArray1": .inputTooShort(offset: 0, needed: 1, available: 0),
        "lessThanShortLengthArray2": .inputTooShort(offset: 0, needed: 32, available: 31),
        "lessThanShortLengthList1": .inputTooShort(offset: 0, needed: 5, available: 3),
        "lessThanShortLengthList2": .inputTooShort(offset: 0, needed: 34, available: 7),
        "lessThanLongLengthArray1": .inputTooShort(offset: 0, needed: 65_536, available: 6),
        "lessThanLongLengthArray2": .inputTooShort(offset: 0, needed: 64, available: 16),
        "lessThanLongLengthList1": .inputTooShort(offset: 0, needed: 384, available: 0),
        "lessThanLongLengthList2": .lengthOverflow(offset: 0),
    ]

    /// `(name, out)` of every invalid case.
    ///
    /// The file's quirks are handled here: 17 values lack `0x`, `bytesShouldBeSingleByte7F` is upper case,
    /// `emptyEncoding` is the empty string.
    static func invalidCases() throws -> [(String, String)] {
        let root = try #require(try Fixtures.vectorJSON("rlp/invalidRLPTest.json") as? [String: [String: Any]])
        return try root.keys.sorted().map { name in (name, try #require(root[name]?["out"] as? String)) }
    }

    @Test("the invalid-vector file holds exactly the 26 cases the table names")
    func invalidFileMatchesTable() throws {
        let names = try Self.invalidCases().map(\.0)
        #expect(names.count == 26)
        #expect(Set(names) == Set(Self.invalidExpectations.keys))
    }

    @Test("rejects every invalid vector with its specific error", arguments: try invalidCases())
    func rejectsInvalid(name: String, out: String) throws {
        let expected = try #require(Self.invalidExpectations[name], "no expectation for \(name)")
        #expect(throws: expected) { try RLP.decode(hexBytes(out)) }
    }
}
