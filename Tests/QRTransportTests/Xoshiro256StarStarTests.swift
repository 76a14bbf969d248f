import QRTransport
import TestSupport
import Testing

@Suite("xoshiro256**, sampler and shuffles")
struct Xoshiro256StarStarTests {
    private func vector(_ name: String) throws -> [String: Any] {
        try Vectors.object(Vectors.urVectors("xoshiro256")[name], name)
    }

    @Test("rng_1: seed 'Wolf', next() % 100")
    func stringSeedModulo() throws {
        var rng = Xoshiro256StarStar(string: "Wolf")
        let expected = try Vectors.ints(vector("rng_1")["values"], "rng_1.values")
        #expect(expected.count == 100)
        #expect(expected.map { _ in Int(rng.next() % 100) } == expected)
    }

    @Test("rng_2: seed = big-endian CRC-32 of 'Wolf', next() % 100")
    func checksumSeedModulo() throws {
        let rng2 = try vector("rng_2")
        let seed = try Vectors.object(rng2["seed"], "seed")
        let seedBytes = hexBytes(try Vectors.string(seed["value_hex"], "value_hex"))
        #expect(seedBytes == CRC32.checksumBytes(Array("Wolf".utf8)))
        var rng = Xoshiro256StarStar(seed: seedBytes)
        let expected = try Vectors.ints(rng2["values"], "rng_2.values")
        #expect(expected.count == 100)
        #expect(expected.map { _ in Int(rng.next() % 100) } == expected)
    }

    @Test("rng_3: nextInt(1, 10) is inclusive and truncating")
    func nextIntInclusive() throws {
        var rng = Xoshiro256StarStar(string: "Wolf")
        let expected = try Vectors.ints(vector("rng_3")["values"], "rng_3.values")
        #expect(expected.count == 100)
        #expect(expected.map { _ in rng.nextInt(1, 10) } == expected)
    }

    @Test("raw next() values match the computed first ten outputs")
    func rawOutputs() throws {
        let raw = try vector("rng_raw_computed")
        let expected = try Vectors.array(raw["values"], "values").map { try #require(UInt64(Vectors.string($0, "v"))) }
        var rng = Xoshiro256StarStar(string: "Wolf")
        #expect(expected.count == 10)
        #expect(expected.map { _ in rng.next() } == expected)
    }

    @Test("nextData twice and their XOR")
    func nextDataAndXor() throws {
        let data = try vector("next_data")
        var rng = Xoshiro256StarStar(string: "Wolf")
        let first = rng.nextData(count: 10)
        let second = rng.nextData(count: 10)
        #expect(first == hexBytes(try Vectors.string(data["data1"], "data1")))
        #expect(second == hexBytes(try Vectors.string(data["data2"], "data2")))
        #expect(zip(first, second).map { $0 ^ $1 } == hexBytes(try Vectors.string(data["xor"], "xor")))
    }

    @Test("Walker–Vose sampler over [1, 2, 4, 8]: 500 samples and their totals")
    func randomSampler() throws {
        let sampler = try vector("random_sampler")
        let weights = try Vectors.ints(sampler["probs"], "probs").map(Double.init)
        let expected = try Vectors.ints(sampler["values"], "values")
        let totals = try Vectors.ints(sampler["totals"], "totals")
        let alias = RandomSampler(weights: weights)
        var rng = Xoshiro256StarStar(string: "Wolf")
        let samples = expected.map { _ in alias.next { rng.nextDouble() } }
        #expect(samples.count == 500)
        #expect(samples == expected)
        #expect((0..<weights.count).map { index in samples.filter { $0 == index }.count } == totals)
    }

    @Test("ten successive full shuffles from one generator (bc-ur)")
    func fullShuffles() throws {
        let shuffle = try vector("shuffle_full")
        let values = try Vectors.ints(shuffle["values_in"], "values_in")
        let expected = try Vectors.array(shuffle["results"], "results").map { try Vectors.ints($0, "result") }
        var rng = Xoshiro256StarStar(string: "Wolf")
        #expect(expected.count == 10)
        #expect(expected.map { _ in FountainCode.shuffled(values, using: &rng) } == expected)
    }

    @Test("partial shuffles with a fresh generator per count (URKit)")
    func partialShuffles() throws {
        let shuffle = try vector("shuffle_partial")
        let values = try Vectors.ints(shuffle["values_in"], "values_in")
        let expected = try Vectors.array(shuffle["results"], "results").map { try Vectors.ints($0, "result") }
        #expect(expected.count == 10)
        for (offset, result) in expected.enumerated() {
            var rng = Xoshiro256StarStar(string: "Wolf")
            #expect(FountainCode.shuffled(values, count: offset + 1, using: &rng) == result)
        }
    }
}
