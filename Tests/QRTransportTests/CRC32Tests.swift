import QRTransport
import TestSupport
import Testing

@Suite("CRC-32 (ISO-HDLC)")
struct CRC32Tests {
    @Test("matches every published crc32 vector, as integer and as big-endian bytes")
    func matchesSharedVectors() throws {
        let vectors = try Vectors.objects(Vectors.ur("crc32")["vectors"], "crc32.vectors")
        #expect(vectors.count == 5)
        for (index, vector) in vectors.enumerated() {
            let input = hexBytes(try Vectors.string(vector["input_hex"], "vector \(index).input_hex"))
            if let text = vector["input_utf8"] as? String { #expect(Array(text.utf8) == input) }
            if vector["input_make_message"] != nil {
                let generated = try Vectors.message(["make_message": vector["input_make_message"] as Any], "make")
                #expect(generated == input, "make_message disagrees with input_hex in vector \(index)")
            }
            let expected = try Vectors.int(vector["crc32_uint32"], "crc32_uint32")
            #expect(Int(CRC32.checksum(input)) == expected, "vector \(index)")
            #expect(CRC32.checksumBytes(input) == hexBytes(try Vectors.string(vector["crc32_hex"], "crc32_hex")))
        }
    }

    @Test("keeps a leading zero byte in the big-endian checksum")
    func keepsLeadingZeroByte() {
        // Search a short input whose CRC-32 starts with 0x00 (the foundation-ur-py `test_short_crc32` case).
        var counter: UInt32 = 0
        while CRC32.checksum(withUnsafeBytes(of: counter.bigEndian, Array.init)) >> 24 != 0 { counter += 1 }
        let input = withUnsafeBytes(of: counter.bigEndian, Array.init)
        let bytes = CRC32.checksumBytes(input)
        #expect(bytes.count == 4)
        #expect(bytes[0] == 0)
        #expect(bytes[1...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } == CRC32.checksum(input))
    }
}
