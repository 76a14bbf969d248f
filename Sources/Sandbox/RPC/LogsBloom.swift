import EthereumPrimitives

/// The 2048-bit logs bloom of the Yellow Paper (§4.3.1), as geth's `types.Bloom` computes it: for the address
/// and each topic of each log, three bits chosen by the first three byte pairs of its Keccak-256.
enum LogsBloom {
    static func compute(_ logs: [LogEntry]) -> [UInt8] {
        var bloom = [UInt8](repeating: 0, count: 256)
        for log in logs {
            add(log.address.bytes, to: &bloom)
            for topic in log.topics { add(topic.bytes, to: &bloom) }
        }
        return bloom
    }

    /// Bitwise or of blooms.
    static func merge(_ blooms: [[UInt8]]) -> [UInt8] {
        var merged = [UInt8](repeating: 0, count: 256)
        for bloom in blooms { for index in 0..<256 { merged[index] |= bloom[index] } }
        return merged
    }

    private static func add(_ value: [UInt8], to bloom: inout [UInt8]) {
        let hash = Keccak256.hash(value).bytes
        for pair in stride(from: 0, to: 6, by: 2) {
            let bit = (Int(hash[pair]) << 8 | Int(hash[pair + 1])) & 0x7ff
            bloom[255 - bit >> 3] |= 1 << (hash[pair + 1] & 0x7)
        }
    }
}
