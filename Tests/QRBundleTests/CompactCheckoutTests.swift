import BundleFormat
import EthereumABI
import EthereumPrimitives
import EthereumTransactions
import Foundation
import QRBundle
import QRTransport
import StrictJSON
import Testing

/// Checkout bundles through the compact `coldcredits-checkout` form and back, and what the reader refuses.
@Suite struct CompactCheckoutTests {
    @Test("compact → bundle gives byte-identical canonical JSON", arguments: CheckoutExamples.names)
    func roundTrip(name: String) throws {
        let original = try CheckoutExamples.named(name)
        let compact = try CompactCheckout(bundle: original)
        let decoded = try CompactCheckout(ur: UR(parsing: compact.ur.string.uppercased())).bundle
        #expect(decoded.canonicalJSON() == original.canonicalJSON())
        #expect(decoded.requestText == original.requestText)
        #expect(decoded.transaction == original.transaction)
        guard case .checkout(let bundle) = try UnsignedBundle(compactUR: compact.ur) else {
            Issue.record("the dispatcher did not give a checkout bundle")
            return
        }
        #expect(bundle.signingHash == original.signingHash)
    }

    @Test("a bundle fits one QR frame of version 16 or lower at level L", arguments: CheckoutExamples.names)
    func fitsOneFrame(name: String) throws {
        let compact = try CompactCheckout(bundle: CheckoutExamples.named(name))
        let text = compact.ur.string.uppercased()
        let matrix = try QREncoder.encode(alphanumeric: text, errorCorrection: .low)
        let frames = try QRFrames(ur: compact.ur, density: QRDensity())
        #expect(frames.isSinglePart)
        #expect(matrix.version <= 16, "version \(matrix.version)")
        #expect(compact.cbor.count <= 400, "\(compact.cbor.count) bytes")
        let json = try CheckoutExamples.named(name).canonicalJSON().count
        print("measured \(name): coldcredits-checkout \(compact.cbor.count) bytes (JSON \(json)), version \(matrix.version)-L")
    }

    static func expectFingerprintMismatch(_ item: CBOR) {
        #expect {
            try CompactCheckout(cbor: item.encoded)
        } throws: { error in
            guard case .fingerprintMismatch = error as? QRBundleError else { return false }
            return true
        }
    }

    @Test("a changed nonce, URI amount, URI recipient or document recipient makes the fingerprint disagree")
    func tamperingIsCaught() throws {
        let uri = try CBOR.decode(CompactCheckout(bundle: CheckoutExamples.named("uri-token")).cbor)
        Self.expectFingerprintMismatch(Examples.replacing(uri, at: [5, 0], with: .unsigned(43)))
        let moreMoney = CheckoutExamples.tokenURI.replacingOccurrences(of: "1.05e7", with: "1.05e8")
        Self.expectFingerprintMismatch(Examples.replacing(uri, at: [2], with: .text(moreMoney)))
        let elsewhere = CheckoutExamples.tokenURI.replacingOccurrences(
            of: CheckoutExamples.deposit, with: "0x3535353535353535353535353535353535353535")
        Self.expectFingerprintMismatch(Examples.replacing(uri, at: [2], with: .text(elsewhere)))
        let document = try CBOR.decode(CompactCheckout(bundle: CheckoutExamples.named("checkout")).cbor)
        let attacker = CBOR.bytes([UInt8](repeating: 0x35, count: 20))
        Self.expectFingerprintMismatch(Examples.replacing(document, at: [2, 6], with: attacker))
        Self.expectFingerprintMismatch(Examples.replacing(document, at: [2, 2], with: .text("105")))
    }

    /// Rows: (what is wrong, path of the item to replace, replacement, expected error kind).
    static let rejections: [(String, [Int], CBOR, String)] = [
        ("version 2", [0], .unsigned(2), "unsupportedVersion"),
        ("short fingerprint", [1], .bytes([1, 2, 3]), "invalidField"),
        ("canonical expiry written as text", [2, 5], .text("2026-12-05T12:00:00Z"), "invalidField"),
        ("spelling code 3", [2, 7], .unsigned(3), "invalidField"),
        ("unknown network", [2, 3], .text("solana"), "invalidField"),
        ("a field member repeated in extra", [2, 8], .text("{\"amount\":\"99\"}"), "invalidField"),
        ("extra that is not canonical JSON", [2, 8], .text("{ \"a\": 1 }"), "invalidField"),
        ("small integer as a bignum", [5, 2], .tagged(2, .bytes([0, 0, 0, 0, 0, 0, 0, 0, 42])), "invalidField"),
        ("a 19-byte payer", [4], .bytes([UInt8](repeating: 1, count: 19)), "invalidField"),
        ("a token balance dropped", [7, 1], .null, "inconsistent"),
        ("an undocumented checkout status", [2, 4], .text("PAID"), "invalidField"),
    ]

    @Test("strict reading", arguments: 0..<rejections.count)
    func rejected(row: Int) throws {
        let (what, path, replacement, kind) = Self.rejections[row]
        let item = try CBOR.decode(CompactCheckout(bundle: CheckoutExamples.named("checkout")).cbor)
        #expect(throws: QRBundleError.self, "\(what)") {
            try CompactCheckout(cbor: Examples.replacing(item, at: path, with: replacement).encoded)
        }
        do { _ = try CompactCheckout(cbor: Examples.replacing(item, at: path, with: replacement).encoded) } catch {
            #expect(error.kind == kind, "\(what): \(error)")
        }
    }

    @Test("bundles the form cannot carry exactly are refused with notRepresentable")
    func notRepresentable() throws {
        let recipient = try Address(hex: CheckoutExamples.deposit)
        let cases: [CheckoutBundle] = [
            try CheckoutExamples.bundle(.uri(CheckoutExamples.tokenURI)) {
                $0.data = ERC20Transfer(recipient: recipient, amount: 10_500_001).calldata
            },
            try CheckoutExamples.bundle(.uri(CheckoutExamples.tokenURI)) { $0.data += [0] },
            try CheckoutExamples.bundle(.uri(CheckoutExamples.tokenURI)) { $0.to = recipient },
            try CheckoutExamples.bundle(.uri(CheckoutExamples.tokenURI)) {
                $0.accessList = [AccessListEntry(address: recipient)]
            },
            try CheckoutExamples.bundle(.uri(CheckoutExamples.nativeURI)) { $0.data = [0xa9] },
            try CheckoutExamples.bundle(.uri(CheckoutExamples.tokenURI)) { $0.chainID = .ethereum },
        ]
        for bundle in cases {
            #expect {
                try CompactCheckout(bundle: bundle)
            } throws: { error in
                (error as? QRBundleError)?.kind == "qrNotRepresentable"
            }
        }
    }

    @Test("the compact dispatcher refuses another UR type, naming both")
    func unknownType() throws {
        let ur = try UR(type: "bytes", cbor: CBOR.bytes([1]).encoded)
        #expect(throws: QRBundleError.unexpectedType(expected: ["coldcredits-bundle", "coldcredits-checkout"], found: "bytes")) {
            try UnsignedBundle(compactUR: ur)
        }
    }
}
