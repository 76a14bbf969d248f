import Foundation
import Keystore
import TestSupport
import Testing

/// A keystore with a key written twice is refused: two readers could otherwise unlock two different files.
@Suite struct KeystoreDuplicateKeyTests {
    @Test("a duplicated key in a keystore file is malformed JSON")
    func refusesDuplicateKeys() throws {
        let original = String(decoding: try Fixtures.vector("keystore/very-light-scrypt.json"), as: UTF8.self)
        #expect(throws: Never.self) { _ = try KeystoreFile(jsonData: Data(original.utf8)) }
        let duplicated = original.replacingOccurrences(of: "\"version\"", with: "\"version\": 3, \"version\"")
        #expect(duplicated != original)
        do {
            _ = try KeystoreFile(jsonData: Data(duplicated.utf8))
            Issue.record("a duplicated key was accepted")
        } catch {
            guard case .malformedJSON(let reason) = error else { Issue.record("unexpected \(error)"); return }
            #expect(reason.contains("duplicate key"))
        }
    }
}
