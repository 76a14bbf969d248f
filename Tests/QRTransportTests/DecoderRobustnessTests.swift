import EthereumPrimitives
import QRTransport
import TestSupport
import Testing

/// Mutated and random inputs must either decode or throw a `QRTransportError`, never trap or hang.
///
/// The offline signer feeds these decoders whatever a camera saw.
@Suite("Decoders under hostile input")
struct DecoderRobustnessTests {
    /// A valid eth-sign-request (typed transaction, address, origin) to mutate.
    private static func validRequest() throws -> [UInt8] {
        EthSignRequest(
            requestID: ERC4527Tests.requestID, signData: [0x02] + Vectors.makeMessage(90), dataType: .typedTransaction,
            chainID: .base, derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0", sourceFingerprint: 0x1234_5678),
            address: .zero, origin: "coldcredits"
        ).cbor
    }

    /// `bytes` with 1–3 random bytes replaced, or truncated, or extended.
    private static func mutate(_ bytes: [UInt8], using rng: inout Xoshiro256StarStar) -> [UInt8] {
        var out = bytes
        switch rng.nextInt(0, 3) {
        case 0:
            out.removeLast(rng.nextInt(1, out.count))
        case 1:
            out.append(contentsOf: rng.nextData(count: rng.nextInt(1, 8)))
        default:
            for _ in 0..<rng.nextInt(1, 3) { out[rng.nextInt(0, out.count - 1)] = rng.nextByte() }
        }
        return out
    }

    @Test("5,000 mutated eth-sign-request encodings decode or throw; decoded ones re-encode byte-identically")
    func mutatedSignRequests() throws {
        let valid = try Self.validRequest()
        var rng = Xoshiro256StarStar(string: "mutate eth-sign-request")
        var rejected = 0
        for _ in 0..<5000 {
            let mutated = Self.mutate(valid, using: &rng)
            do {
                let request = try EthSignRequest(cbor: mutated)
                // Strict decoding accepts only canonical input, so what decodes must re-encode identically.
                #expect(request.cbor == mutated)
            } catch {
                rejected += 1
            }
        }
        #expect(rejected > 0 && rejected < 5000)  // byte changes inside sign-data or origin still decode
    }

    @Test("5,000 random byte strings through CBOR, parts, signatures and Bytewords")
    func randomBytes() {
        var rng = Xoshiro256StarStar(string: "random bytes")
        var outcomes: [String: Int] = [:]
        func attempt(_ name: String, _ body: () throws(QRTransportError) -> Void) {
            do {
                try body()
                outcomes[name + " ok", default: 0] += 1
            } catch {
                outcomes[name + " rejected", default: 0] += 1
            }
        }
        for _ in 0..<5000 {
            let bytes = rng.nextData(count: rng.nextInt(0, 64))
            attempt("cbor") { () throws(QRTransportError) in #expect(try CBOR.decode(bytes).encoded == bytes) }
            attempt("part") { () throws(QRTransportError) in _ = try FountainPart(cbor: bytes) }
            attempt("signature") { () throws(QRTransportError) in _ = try EthSignature(cbor: bytes) }
            attempt("bytewords") { () throws(QRTransportError) in
                _ = try Bytewords.decode(String(decoding: bytes, as: UTF8.self), style: .minimal)
            }
        }
        #expect(outcomes.values.reduce(0, +) == 20_000)
    }

    @Test("2,000 mutated multipart UR strings never corrupt the decoded message")
    func mutatedURStrings() throws {
        let ur = UR(bytes: Vectors.makeMessage(500, seed: "robust"))
        var encoder = UREncoder(ur, maxFragmentLength: 60)
        var rng = Xoshiro256StarStar(string: "mutate ur")
        var decoder = URDecoder()
        var accepted = 0
        for _ in 0..<2000 where !decoder.isComplete {
            let text = Array(encoder.nextPart().utf8)
            let mutated = rng.nextInt(0, 1) == 0 ? Self.mutate(text, using: &rng) : text
            do {
                try decoder.receive(String(decoding: mutated, as: UTF8.self))
                accepted += 1
            } catch {
                continue
            }
        }
        // The Bytewords CRC-32 catches the mutations, so the message decodes and is exact.
        #expect(decoder.result == ur)
        #expect(accepted > 0)
    }
}
