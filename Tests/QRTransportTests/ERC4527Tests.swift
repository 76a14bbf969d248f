import EthereumPrimitives
import Foundation
import QRTransport
import TestSupport
import Testing

@Suite("ERC-4527 eth-sign-request and eth-signature")
struct ERC4527Tests {
    private static func fixtures(_ key: String) throws -> [[String: Any]] {
        let data = try Fixtures.repositoryFile("Tests/QRTransportTests/Fixtures/erc4527.json")
        let root = try Vectors.object(try JSONSerialization.jsonObject(with: data), "erc4527.json")
        return try Vectors.objects(root[key], key)
    }

    static let requestID: UUID = {
        guard let id = UUID(uuidString: "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d") else { preconditionFailure("bad UUID") }
        return id
    }()

    /// The request a vector describes, built from its fields.
    private func request(from vector: [String: Any]) throws -> EthSignRequest {
        let path = try CryptoKeypath(
            path: try Vectors.string(vector["path"], "path"),
            sourceFingerprint: (vector["source_fingerprint"] as? NSNumber).map { UInt32($0.uint32Value) })
        return EthSignRequest(
            requestID: try Self.requestID(vector),
            signData: hexBytes(try Vectors.string(vector["sign_data_hex"], "sign_data_hex")),
            dataType: try #require(
                EthSignRequest.DataType(rawValue: UInt64(try Vectors.int(vector["data_type"], "t")))),
            chainID: ChainID(UInt64(try Vectors.int(vector["chain_id"], "chain_id"))),
            derivationPath: path, address: nil, origin: vector["origin"] as? String)
    }

    @Test("encodes and decodes every Keystone eth-sign-request vector exactly")
    func signRequestVectors() throws {
        let vectors = try Self.fixtures("eth_sign_request")
        #expect(vectors.count == 5)
        for vector in vectors {
            let expected = try request(from: vector)
            if let text = vector["ur"] as? String {
                #expect(expected.ur.string == text)
                #expect(try EthSignRequest(ur: UR(parsing: text)) == expected)
            }
            if let hex = vector["cbor_hex"] as? String {
                #expect(expected.cbor == hexBytes(hex))
                #expect(try EthSignRequest(cbor: hexBytes(hex)) == expected)
            }
            #expect(expected.derivationPath.description == (try Vectors.string(vector["path"], "path")))
        }
    }

    @Test("encodes and decodes the Keystone eth-signature vector exactly")
    func signatureVector() throws {
        let vector = try #require(try Self.fixtures("eth_signature").first)
        let signature = try EthSignature(
            requestID: try Self.requestID(vector),
            signature: hexBytes(try Vectors.string(vector["signature_hex"], "signature_hex")))
        let text = try Vectors.string(vector["ur"], "ur")
        #expect(signature.ur.string == text)
        let decoded = try EthSignature(ur: UR(parsing: text))
        #expect(decoded == signature)
        #expect(decoded.r == Array(signature.signature[0..<32]) && decoded.v == 0x13)
    }

    @Test("round-trips a typed-transaction request with address and origin through multipart UR")
    func multipartRoundTrip() throws {
        let address = try Address(hex: "0x9858EfFD232B4033E47d90003D41EC34EcaEda94")
        let request = EthSignRequest(
            requestID: Self.requestID, signData: [0x02] + Vectors.makeMessage(300), dataType: .typedTransaction,
            chainID: .base, derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0", sourceFingerprint: 0x73C5_DA0A),
            address: address, origin: "coldcredits")
        var encoder = UREncoder(request.ur, maxFragmentLength: 100)
        var decoder = URDecoder()
        while !decoder.isComplete { try decoder.receive(encoder.nextPart().uppercased()) }
        #expect(try EthSignRequest(ur: try #require(decoder.result)) == request)
    }

    @Test(
        "normalises v to a recovery id",
        arguments: [
            (UInt64(0), EthSignRequest.DataType.typedTransaction, UInt64(1), UInt8(0)),
            (1, .typedTransaction, 8453, 1), (27, .rawBytes, 1, 0), (28, .typedData, 1, 1),
            (37, .transaction, 1, 0), (38, .transaction, 1, 1), (86_262, .transaction, 43113, 1),
            (18_468, .transaction, 9216, 1),
        ])
    func recoveryID(v: UInt64, dataType: EthSignRequest.DataType, chain: UInt64, expected: UInt8) throws {
        var vBytes = withUnsafeBytes(of: v.bigEndian, Array.init).drop { $0 == 0 }.map { $0 }
        if vBytes.isEmpty { vBytes = [0] }
        let signature = try EthSignature(
            requestID: Self.requestID, signature: Array(repeating: 1, count: 64) + vBytes)
        #expect(try signature.recoveryID(dataType: dataType, chainID: ChainID(chain)) == expected)
        #expect(try EthSignature(cbor: signature.cbor) == signature)
    }

    @Test("rejects a v that fits neither convention")
    func rejectsBadV() throws {
        let signature = try EthSignature(
            requestID: Self.requestID, r: Array(repeating: 1, count: 32),
            s: Array(repeating: 2, count: 32), v: 39)
        #expect(
            throws: QRTransportError.invalidFieldValue(
                field: "eth-signature.signature.v",
                reason: "v = 39 is not 0/1, 27/28 or 1·2+35+{0,1} for data type transaction")
        ) {
            try signature.recoveryID(dataType: .transaction, chainID: .ethereum)
        }
        #expect(throws: QRTransportError.self) {
            try signature.recoveryID(dataType: .typedTransaction, chainID: .ethereum)
        }
    }

    @Test("refuses a signature for another request")
    func rejectsOtherRequest() throws {
        let signature = try EthSignature(requestID: UUID(), signature: Array(repeating: 7, count: 65))
        let request = EthSignRequest(
            requestID: Self.requestID, signData: [1], dataType: .rawBytes, chainID: nil,
            derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0"))
        #expect(throws: QRTransportError.self) { try signature.verifyAnswers(request) }
        let answer = try EthSignature(requestID: Self.requestID, signature: signature.signature)
        try answer.verifyAnswers(request)
    }

    /// The vector's request id as a UUID (a vector without a valid one fails the test).
    static func requestID(_ vector: [String: Any]) throws -> UUID {
        let id: UUID? = UUID(uuidString: try Vectors.string(vector["request_id"], "request_id"))
        return try #require(id)
    }
}
