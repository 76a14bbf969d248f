import StrictJSON
import Broadcasting
import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumRLP
import EthereumTransactions
import Foundation
import FuzzTargets
import Keystore
import QRBundle
import QRTransport
import Testing

/// Writes the generated seeds (`gen-*` files) of the committed corpus from the repository's own examples.
///
/// Run by hand after a format change: `FUZZ_WRITE_SEEDS=1 swift test --filter SeedGenerator`. The corpus test
/// `FuzzTests.seedsReachTheDecoders` then checks that each target still accepts some of its seeds.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] != nil))
struct SeedGenerator {
    static func example(_ path: String) throws -> Data {
        try Data(contentsOf: FuzzTargets.repositoryRoot.appendingPathComponent("formats").appendingPathComponent(path))
    }

    static func write(_ target: String, _ name: String, _ bytes: [UInt8]) throws {
        let directory = FuzzTargets.corpusDirectory(target)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: directory.appendingPathComponent("gen-" + name))
    }

    static func hex(_ bytes: [UInt8]) -> [UInt8] { Array(Hex.encode(bytes).utf8) }

    @Test("write the generated seeds")
    func generate() throws {
        let bundles = try ["sandbox-polygon", "sample-a-base"].map {
            ($0, try IntentBundle(jsonData: Self.example("unsigned-bundle/v1/examples/\($0).json")))
        }
        let signed = try ["sandbox-polygon", "sandbox-polygon-fee-ladder"].map {
            ($0, try SignedTransactionFile(jsonData: Self.example("signed-transaction/v1/examples/\($0).json")))
        }
        var urs: [(String, UR)] = []
        for (name, bundle) in bundles {
            let compact = try CompactBundle(bundle: bundle)
            try Self.write("compact-bundle", name + ".cbor", compact.cbor)
            try Self.write("cbor", "bundle-" + name + ".cbor", compact.cbor)
            let request = EthSignRequest(
                bundle: bundle, derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0", sourceFingerprint: 0x1234_5678))
            try Self.write("eth-sign-request", name + ".cbor", request.cbor)
            try Self.write("cbor", "request-" + name + ".cbor", request.cbor)
            try Self.write("calldata", name + ".bin", bundle.transaction.data)
            try Self.write("charge", name + ".json", [UInt8](JSONValue.object(["data": bundle.charge.raw]).canonicalDocument))
            urs += [(name, compact.ur), ("request-" + name, request.ur)]
            if name == "sandbox-polygon", let file = signed.first?.1 {
                let signature = try EthSignature(answering: request, with: file.transaction)
                try Self.write("eth-signature", name + ".cbor", signature.cbor)
                try Self.write("cbor", "signature-" + name + ".cbor", signature.cbor)
                urs.append(("signature-" + name, signature.ur))
            }
        }
        for (name, file) in signed {
            var state = BroadcastState(hashes: file.allTransactions.map(\.transactionHash.hash), chargeID: file.chargeID)
            state.lastSentAt = file.signedAt
            _ = state.record(.accepted)
            try Self.write("broadcast-state", name + ".json", [UInt8](state.json()))
            let compact = try CompactSignedTransaction(file: file)
            try Self.write("compact-signed", name + ".cbor", compact.cbor)
            urs.append(("signed-" + name, compact.ur))
            for (index, transaction) in file.allTransactions.enumerated() {
                let raw = transaction.rawTransaction
                try Self.write("raw-transaction", "\(name)-\(index).bin", raw)
                try Self.write("raw-transaction-hex", "\(name)-\(index).txt", Self.hex(raw) + [0x0A])
                try Self.write("rlp", "\(name)-\(index).rlp", Array(raw.dropFirst()))
            }
        }
        for name in ["checkout-base", "uri-polygon-usdc", "uri-ethereum-native"] {
            let bundle = try CheckoutBundle(jsonData: Self.example("checkout-bundle/v1/examples/\(name).json"))
            let compact = try CompactCheckout(bundle: bundle)
            try Self.write("compact-checkout", name + ".cbor", compact.cbor)
            let request = EthSignRequest(
                bundle: bundle, derivationPath: try CryptoKeypath(path: "m/44'/60'/0'/0/0", sourceFingerprint: 0x1234_5678))
            try Self.write("eth-sign-request", "checkout-" + name + ".cbor", request.cbor)
            try Self.write("calldata", "checkout-" + name + ".bin", bundle.transaction.data)
        }
        try generateQR(urs)
        try generateEthereum()
        try generateKeystores()
    }

    func generateQR(_ urs: [(String, UR)]) throws {
        for (name, ur) in urs {
            try Self.write("ur", name + ".txt", Array(ur.string.utf8))
            try Self.write("ur-frames", "single-" + name + ".txt", Array(ur.string.uppercased().utf8))
            var encoder = UREncoder(ur, maxFragmentLength: 60)
            let parts = (0..<(encoder.sequenceLength + 2)).map { _ in encoder.nextPart() }
            try Self.write("ur-frames", "multi-" + name + ".txt", Array(parts.joined(separator: "\n").utf8))
            if let last = parts.last, let body = last.split(separator: "/").last {
                let part = try Bytewords.decode(String(body), style: .minimal)
                try Self.write("fountain-part", name + ".cbor", part)
                try Self.write("cbor", "part-" + name + ".cbor", part)
            }
        }
        let sample = Array("ColdCredits fuzz seed".utf8)
        for style in Bytewords.Style.allCases {
            try Self.write("bytewords", style.rawValue + ".txt", Array(Bytewords.encode(sample, style: style).utf8))
        }
        let tiny = try UR(type: "bytes", cbor: CBOR.bytes([1, 2, 3]).encoded)
        try Self.write("ur", "bytes.txt", Array(tiny.string.utf8))
        let matrix = try QREncoder.encode(Array(tiny.string.uppercased().utf8), errorCorrection: .low)
        try Self.write("png", "qr-bytes.png", [UInt8](try PNGCodec.encode(try matrix.image(scale: 2, quietZone: 2))))
        try Self.write("png", "gray-2x2.png", [UInt8](try PNGCodec.encode(try GrayImage(width: 2, height: 2, filledWith: 255))))
        try Self.write("cbor", "nested.cbor", CBOR.array([.unsigned(1), .map([.init(.text("a"), .bytes([0]))])]).encoded)
    }

    func generateEthereum() throws {
        try Self.write("rlp", "nested.rlp", RLP.encode(.list([.bytes([]), .list([.bytes([0x7F]), .bytes([0x80])])])))
        try Self.write("rlp", "long-string.rlp", RLP.encode(.bytes([UInt8](repeating: 0x61, count: 60))))
        let legacy = LegacyTransaction(
            nonce: 7, gasPrice: Wei(UInt256(20_000_000_000)), gasLimit: 21_000,
            to: Address(uncheckedBytes: [UInt8](repeating: 0x35, count: 20)), value: Wei(UInt256(1_000_000)))
        try Self.write("rlp", "legacy-unsigned.rlp", legacy.signingPayload(.eip155(.base)))
        let reverts: [ContractRevert] = [
            .invalidSignature, .expiredIntent, .invalidNativeAmount(difference: UInt256(5)),
            .incorrectCurrency(.zero), .swapFailedString("STF"), .swapFailedBytes([1, 2]),
            .nativeTransferFailed(recipient: .zero, amount: UInt256(9), isRefund: true, data: [0xAB]),
            .error("reverted"), .panic(code: UInt256(0x11)),
        ]
        for (index, revert) in reverts.enumerated() { try Self.write("revert-data", "\(index).bin", revert.revertData) }
    }

    func generateKeystores() throws {
        let salt = [UInt8](repeating: 0xA5, count: 32)
        let kdfs: [(String, KeystoreKDF)] = [
            ("scrypt", .scrypt(try ScryptParameters(n: 1 << 12, r: 8, p: 1, salt: salt))),
            ("pbkdf2", .pbkdf2(try PBKDF2Parameters(c: 262_144, salt: salt))),
        ]
        for (name, kdf) in kdfs {
            let crypto = try KeystoreCrypto(
                iv: [UInt8](repeating: 0x01, count: 16), ciphertext: [UInt8](repeating: 0x02, count: 32), kdf: kdf,
                mac: [UInt8](repeating: 0x03, count: 32))
            let file = KeystoreFile(
                id: UUID(uuid: (1, 2, 3, 4, 5, 6, 0x47, 8, 0x89, 10, 11, 12, 13, 14, 15, 16)),
                address: Address(uncheckedBytes: [UInt8](repeating: 0x7E, count: 20)), crypto: crypto)
            try Self.write("keystore", name + ".json", [UInt8](try file.encode()))
        }
    }
}
