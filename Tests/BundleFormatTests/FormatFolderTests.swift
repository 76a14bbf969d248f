import BundleFormat
import Foundation
import TestSupport
import Testing

/// The normative folders under formats/: every example is accepted and re-encodes to the identical bytes
/// (the files were written by an independent Python implementation); every invalid case fails with exactly
/// the error kind its folder names.
@Suite struct FormatFolderTests {
    static func files(_ relative: String) -> [String] {
        let root = Fixtures.formats.appendingPathComponent(relative)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
            .map { "\(relative)/\($0)" }
    }

    static func read(_ relative: String) throws -> Data {
        try Data(contentsOf: Fixtures.formats.appendingPathComponent(relative))
    }

    /// The error kind a file under `…/invalid/<kind>/case.json` must produce.
    static func expectedKind(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return String(parts[parts.count - 2])
    }

    @Test(
        "unsigned-bundle examples decode and re-encode byte-identically",
        arguments: files("unsigned-bundle/v1/examples"))
    func unsignedExampleRoundTrips(path: String) throws {
        let data = try Self.read(path)
        let bundle = try UnsignedBundleV1(jsonData: data)
        #expect(bundle.canonicalJSON() == data)
    }

    @Test("unsigned-bundle invalid cases fail with their folder's kind", arguments: files("unsigned-bundle/v1/invalid"))
    func unsignedInvalidFails(path: String) throws {
        let data = try Self.read(path)
        do {
            _ = try UnsignedBundleV1(jsonData: data)
            Issue.record("\(path) was accepted")
        } catch {
            #expect(error.kind == Self.expectedKind(path), "\(path): \(error)")
        }
    }

    @Test(
        "signed-transaction examples decode and re-encode byte-identically",
        arguments: files("signed-transaction/v1/examples"))
    func signedExampleRoundTrips(path: String) throws {
        let data = try Self.read(path)
        let file = try SignedTransactionFileV1(jsonData: data)
        #expect(file.canonicalJSON() == data)
    }

    @Test(
        "signed-transaction invalid cases fail with their folder's kind",
        arguments: files("signed-transaction/v1/invalid"))
    func signedInvalidFails(path: String) throws {
        let data = try Self.read(path)
        do {
            _ = try SignedTransactionFileV1(jsonData: data)
            Issue.record("\(path) was accepted")
        } catch {
            #expect(error.kind == Self.expectedKind(path), "\(path): \(error)")
        }
    }

    @Test("network-file examples decode and re-encode byte-identically", arguments: files("network/v1/examples"))
    func networkExampleRoundTrips(path: String) throws {
        let data = try Self.read(path)
        #expect(try Deployment(networkFile: data).networkFileJSON() == data)
    }

    @Test("network-file invalid cases fail with their folder's kind", arguments: files("network/v1/invalid"))
    func networkInvalidFails(path: String) throws {
        let data = try Self.read(path)
        do {
            _ = try Deployment(networkFile: data)
            Issue.record("\(path) was accepted")
        } catch {
            #expect(error.kind == Self.expectedKind(path), "\(path): \(error)")
        }
    }

    @Test("there are examples and invalid cases to test")
    func foldersAreNotEmpty() {
        #expect(Self.files("unsigned-bundle/v1/examples").count >= 2)
        #expect(Self.files("unsigned-bundle/v1/invalid").count >= 9)
        #expect(Self.files("signed-transaction/v1/examples").count >= 2)
        #expect(Self.files("signed-transaction/v1/invalid").count >= 7)
    }
}
