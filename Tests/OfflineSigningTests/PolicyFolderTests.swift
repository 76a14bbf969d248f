import BundleFormat
import Foundation
import OfflineSigning
import TestSupport
import Testing

/// formats/policy/v1: the example is the built-in policy, byte for byte; each invalid case fails with its kind.
@Suite struct PolicyFolderTests {
    static func files(_ relative: String) -> [String] {
        let root = Fixtures.formats.appendingPathComponent(relative)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted().map { "\(relative)/\($0)" }
    }

    @Test("the committed default policy is what `sign policy show` prints")
    func defaultPolicyExample() throws {
        let data = try Data(contentsOf: Fixtures.formats.appendingPathComponent("policy/v1/examples/default.json"))
        #expect(try Policy(jsonData: data) == .default)
        #expect(Policy.default.canonicalJSON() == data)
    }

    @Test("policy invalid cases fail with their folder's kind", arguments: files("policy/v1/invalid"))
    func invalidPolicy(path: String) throws {
        let data = try Data(contentsOf: Fixtures.formats.appendingPathComponent(path))
        let parts = path.split(separator: "/")
        do {
            _ = try Policy(jsonData: data)
            Issue.record("\(path) was accepted")
        } catch {
            #expect(error.kind == String(parts[parts.count - 2]), "\(path): \(error)")
        }
        #expect(Self.files("policy/v1/invalid").count >= 6)
    }
}
