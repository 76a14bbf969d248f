import EthereumPrimitives
import Foundation
import TestSupport
import Testing

/// One vector of `keccak/keccak256.json`, with its message expanded.
struct KeccakVector: CustomTestStringConvertible, Sendable {
    let name: String
    let message: [UInt8]
    let digest: String
    var testDescription: String { name }

    static func all() throws -> [KeccakVector] {
        let root = try #require(try Fixtures.vectorJSON("keccak/keccak256.json") as? [String: Any])
        let vectors = try #require(root["vectors"] as? [[String: Any]])
        return try vectors.map { vector in
            let name = try #require(vector["name"] as? String)
            let message: [UInt8]
            if let repeated = vector["input_repeat"] as? [String: Any] {
                let byte = hexBytes(try #require(repeated["byte_hex"] as? String))
                let count = try #require(repeated["count"] as? Int)
                message = [UInt8](repeating: try #require(byte.first), count: count)
            } else if let hex = vector["input_hex"] as? String {
                message = hexBytes(hex)
            } else {
                message = Array(try #require(vector["input_utf8"] as? String).utf8)
            }
            if let length = vector["length_bytes"] as? Int { #expect(message.count == length, "\(name)") }
            return KeccakVector(name: name, message: message, digest: try #require(vector["keccak256"] as? String))
        }
    }
}

@Suite("Keccak-256")
struct KeccakTests {
    @Test("the vector file holds every expected case, the 1 MiB message included")
    func vectorFileIsComplete() throws {
        let vectors = try KeccakVector.all()
        #expect(vectors.count == 13)
        #expect(vectors.contains { $0.message.count == 1_048_576 })
        #expect(vectors.contains { $0.message.isEmpty })
    }

    @Test("one-shot hashing matches every public vector", arguments: try KeccakVector.all())
    func matchesVector(_ vector: KeccakVector) {
        #expect(Keccak256.hash(vector.message).hex == "0x" + vector.digest)
    }

    @Test("streaming in uneven chunks equals one-shot hashing", arguments: try KeccakVector.all())
    func streamingMatchesVector(_ vector: KeccakVector) {
        var hasher = Keccak256()
        var offset = 0
        var step = 1
        while offset < vector.message.count {
            let end = min(vector.message.count, offset + step)
            hasher.update(vector.message[offset..<end])
            offset = end
            step = step * 7 % 301 + 1  // 1, 8, 57, 99, … crosses the 136-byte rate at varied offsets
        }
        #expect(hasher.finalize().hex == "0x" + vector.digest)
    }

    @Test("a non-contiguous sequence hashes like the same bytes in an array")
    func nonContiguousSequence() {
        let bytes = (0..<300).lazy.map { UInt8(truncatingIfNeeded: $0) }
        #expect(Keccak256.hash(bytes) == Keccak256.hash(Array(bytes)))
    }

    @Test("Keccak-256 is not SHA3-256: the empty string differs from FIPS 202's a7ffc6f8…")
    func isNotSHA3() {
        #expect(Keccak256.hash([UInt8]()).hex != "0xa7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a")
    }
}
