import BundleFormat
import EthereumPrimitives
import Foundation
import OfflineSigning
import QRBundle
import QRTransport

/// What a QR code or a camera can hand the tools: UR text, Bytewords, CBOR, fountain parts, the compact forms,
/// ERC-4527 requests and signatures, and the PNG images themselves.
extension FuzzTargets {
    /// The QR targets.
    static let qrForms: [FuzzTarget] = [
        ur, bytewords, cbor, fountainPart, urSequence, compactBundle, compactCheckout, compactSigned, ethSignRequest,
        ethSignature, png,
    ]

    static let urTokens = [
        "ur:", "UR:", "ur:coldcredits-bundle/", "ur:coldcredits-signed/", "ur:eth-sign-request/", "ur:eth-signature/",
        "ur:bytes/", "/1-1/", "/1-3/", "/4294967295-1/", "/1-4294967296/", "/0-0/", "/1-0/", "/99999999999999999999-2/",
        "lpad", "tpsk", "hdcx", "aeae", "zmzm", "able", "zoom", "-able-", " able ", "\n",
    ]
    static let cborNesting: [[UInt8]] = [[0x81], [0xA1, 0x01], [0xD8, 0x25], [0x9F], [0xC1]]

    static func binary(_ name: String, _ body: @escaping @Sendable ([UInt8]) throws -> Void) -> FuzzTarget {
        FuzzTarget(name, nesting: cborNesting, maxLength: 1 << 14) { input in FuzzTarget.outcome { try body(input) } }
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `UR(parsing:)`: a single-part UR string.
    static let ur = FuzzTarget("ur", dictionary: urTokens, maxLength: 1 << 14) { input in
        FuzzTarget.outcome { _ = try UR(parsing: text(input)).string }
    }

    /// `Bytewords.decode` in its three styles.
    static let bytewords = FuzzTarget("bytewords", dictionary: urTokens, maxLength: 1 << 14) { input in
        var decoded = false
        for style in Bytewords.Style.allCases where (try? Bytewords.decode(text(input), style: style)) != nil {
            decoded = true
        }
        return decoded ? .accepted : .refused
    }

    /// `CBOR.decode`; whatever decodes re-encodes byte-identically (the decoder is strict).
    static let cbor = binary("cbor") { input in
        let value = try CBOR.decode(input)
        guard value.encoded == input else { throw FuzzFinding("CBOR re-encoding differs from the input") }
        _ = value.kindName
    }

    /// `FountainPart(cbor:)`: one fragment of a multipart UR.
    static let fountainPart = binary("fountain-part") { input in _ = try FountainPart(cbor: input) }

    /// Lines of UR text fed to a `QRFrameCollector` as frames, then the complete UR decoded as `sign` or
    /// `broadcast` would.
    static let urSequence = FuzzTarget("ur-frames", dictionary: urTokens, maxLength: 1 << 15) { input in
        var collector = QRFrameCollector(acceptedTypes: [
            CompactBundle.urType, CompactSignedTransaction.urType, EthSignRequest.urType, EthSignature.urType,
        ])
        for (index, line) in input.split(separator: 0x0A).enumerated() {
            _ = try? collector.add(Array(line), source: "frame-\(index)")
            _ = collector.progressLine
        }
        guard let result = collector.result else { return .refused }
        return FuzzTarget.outcome {
            switch result.type {
            case CompactBundle.urType: _ = try CompactBundle(ur: result)
            case CompactSignedTransaction.urType: _ = try CompactSignedTransaction(ur: result)
            case EthSignRequest.urType: _ = try EthSignRequest(ur: result)
            default: _ = try EthSignature(ur: result)
            }
        }
    }

    /// `CompactBundle(cbor:)`: the bundle over QR, then the signer's checks and review of what it rebuilt.
    static let compactBundle = binary("compact-bundle") { input in
        let compact = try CompactBundle(cbor: input)
        guard compact.cbor == input else { throw FuzzFinding("compact bundle re-encoding differs from the input") }
        let bundle = compact.bundle
        try FuzzTargets.review(.intent(bundle), signer: bundle.from, at: bundle.createdAt)
    }

    /// `CompactCheckout(cbor:)`: the checkout bundle over QR, rebuilt, verified and reviewed as `sign` would.
    static let compactCheckout = binary("compact-checkout") { input in
        let compact = try CompactCheckout(cbor: input)
        guard compact.cbor == input else { throw FuzzFinding("compact checkout re-encoding differs from the input") }
        let bundle = compact.bundle
        try FuzzTargets.review(.checkout(bundle), signer: bundle.from, at: bundle.createdAt)
    }

    /// `CompactSignedTransaction(cbor:)`: the signed transaction over QR, and its JSON file form.
    static let compactSigned = binary("compact-signed") { input in
        let compact = try CompactSignedTransaction(cbor: input)
        guard compact.cbor == input else { throw FuzzFinding("compact signed re-encoding differs from the input") }
        let file = compact.file
        _ = file.canonicalJSON()
    }

    /// `EthSignRequest(cbor:)`, then the bundle `sign` rebuilds from it, checked and reviewed.
    static let ethSignRequest = binary("eth-sign-request") { input in
        let request = try EthSignRequest(cbor: input)
        // Strict decoding takes only canonical CBOR, so what decodes re-encodes byte for byte.
        guard request.cbor == input else { throw FuzzFinding("eth-sign-request re-encoding differs from the input") }
        let signer = request.address ?? Address.zero
        // Either kind: the Transfers call becomes an intent bundle, a transfer or plain payment a checkout bundle.
        let bundle = try UnsignedBundle(signRequest: request, signer: signer, now: 1_700_000_000)
        try FuzzTargets.review(bundle, signer: signer, at: 1_700_000_000)
    }

    /// `EthSignature(cbor:)`, then the signed file `broadcast` assembles from it and the sample bundle.
    static let ethSignature = binary("eth-signature") { input in
        let signature = try EthSignature(cbor: input)
        guard let bundle = sampleBundle else { return }
        _ = try SignedTransactionFile(bundle: bundle, ethSignature: signature)
    }

    /// The unsigned bundle the eth-signature seeds answer (`formats/…/sandbox-polygon.json`, copied in the corpus).
    static let sampleBundle: IntentBundle? = try? IntentBundle(
        jsonData: Data(
            contentsOf: repositoryRoot.appendingPathComponent("formats/unsigned-bundle/v1/examples/sandbox-polygon.json")))

    /// `PNGCodec.decode` of a QR image file, and the QR decoder on images up to 256×256.
    static let png = FuzzTarget(
        "png", binaryTokens: [[0x89, 0x50, 0x4E, 0x47], Array("IHDR".utf8), Array("IDAT".utf8), Array("IEND".utf8)],
        maxLength: 1 << 14
    ) { input in
        FuzzTarget.outcome {
            let image = try PNGCodec.decode(Data(input))
            if image.width <= 256, image.height <= 256 { _ = try? QRDecoder().decode(image) }
        }
    }
}

/// A decoder broke a property the harness checks (not a crash, but as wrong).
public struct FuzzFinding: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// A finding described by `description`.
    public init(_ description: String) { self.description = description }
}
