import BundleFormat
import EthereumPrimitives
import Foundation
import TestSupport
import Testing

/// formats/checkout-bundle/v1, written by scripts/vectors/generate_checkout_examples.py with eth-abi and
/// eth-account: every example is accepted (as itself and through the kind dispatch) and re-encodes to the
/// identical bytes; every invalid case fails with exactly the error kind its folder names.
@Suite struct CheckoutFormatFolderTests {
    typealias Folder = FormatFolderTests

    @Test(
        "checkout-bundle examples decode and re-encode byte-identically", arguments: Folder.files("checkout-bundle/v1/examples"))
    func exampleRoundTrips(path: String) throws {
        let data = try Folder.read(path)
        let bundle = try CheckoutBundleV1(jsonData: data)
        #expect(bundle.canonicalJSON() == data)
        guard case .checkout(let dispatched) = try UnsignedBundle(jsonData: data) else {
            Issue.record("\(path) was not read as a checkout bundle")
            return
        }
        #expect(dispatched.signingHash == bundle.signingHash)
        #expect(dispatched.requestKey.hasPrefix("checkout:") || dispatched.requestKey.hasPrefix("eip681:"))
    }

    @Test("checkout-bundle invalid cases fail with their folder's kind", arguments: Folder.files("checkout-bundle/v1/invalid"))
    func invalidFails(path: String) throws {
        let data = try Folder.read(path)
        do {
            _ = try CheckoutBundleV1(jsonData: data)
            Issue.record("\(path) was accepted")
        } catch {
            #expect(error.kind == Folder.expectedKind(path), "\(path): \(error)")
        }
    }

    @Test("the kind dispatch: an intent bundle stays one, an unknown format names both known ones")
    func dispatch() throws {
        let intent = try Folder.read("unsigned-bundle/v1/examples/sandbox-polygon.json")
        guard case .intent = try UnsignedBundle(jsonData: intent) else {
            Issue.record("an intent bundle was not read as one")
            return
        }
        let signed = try Folder.read("signed-transaction/v1/examples/sandbox-polygon.json")
        #expect(throws: BundleError.self) { _ = try UnsignedBundle(jsonData: signed) }
        do { _ = try UnsignedBundle(jsonData: signed) } catch {
            #expect(error.description.contains(CheckoutBundleV1.format))
        }
    }

    @Test("the ledger key: checkout:<id>, or eip681: and the Keccak-256 of the URI's canonical form")
    func requestKeys() throws {
        let uri = try CheckoutBundleV1(jsonData: try Folder.read("checkout-bundle/v1/examples/uri-polygon-usdc.json"))
        guard case .uri(let text) = uri.requestText else {
            Issue.record("not a URI request")
            return
        }
        let canonical = try PaymentRequest(eip681: text).canonicalEIP681
        #expect(canonical != text)  // the example spells its amount 2.5e7
        #expect(uri.requestKey == "eip681:" + Hex.encode(Keccak256.hash(Array(canonical.utf8)).bytes, prefix: false))
        let checkout = try CheckoutBundleV1(jsonData: try Folder.read("checkout-bundle/v1/examples/checkout-base.json"))
        #expect(checkout.requestKey == "checkout:4b1f2c3d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
        #expect(ChargeID.violation(uri.requestKey) == nil && ChargeID.violation(checkout.requestKey) == nil)
    }

    @Test("an intent's charge may not take a checkout payment's ledger id (checkout:, eip681:)")
    func reservedPrefixes() throws {
        let text = String(decoding: try Folder.read("unsigned-bundle/v1/examples/sandbox-polygon.json"), as: UTF8.self)
        for prefix in ChargeID.checkoutPrefixes {
            let forged = text.replacingOccurrences(
                of: "\"id\": \"sandbox-polygon-example\"", with: "\"id\": \"\(prefix)sandbox-polygon-example\"")
            #expect(forged != text)
            do {
                _ = try IntentBundle(jsonData: Data(forged.utf8))
                Issue.record("a charge id starting with \(prefix) was accepted")
            } catch { #expect(error.kind == "invalidChargeID", "\(error)") }
        }
    }
}
