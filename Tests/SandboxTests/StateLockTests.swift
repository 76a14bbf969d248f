import Foundation
import Sandbox
import Testing

/// One sandbox per state file: a second one on the same file would overwrite the first's chain.
@Suite struct StateLockTests {
    @Test("a second sandbox on a state file in use is refused; after stop() the file can be used again")
    func oneSandboxPerStateFile() async throws {
        let path = PersistenceAndServerTests.temporaryPath()
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + ".lock")
        }
        let first = try Harness { $0.statePath = path }
        #expect {
            _ = try Harness { $0.statePath = path }
        } throws: { error in
            guard case .stateFile(let errorPath, let reason)? = error as? SandboxError else { return false }
            return errorPath == path && reason.contains("in use by process \(getpid())")
        }
        await first.sandbox.stop()
        let second = try Harness { $0.statePath = path }
        await second.sandbox.stop()
        let temporaries = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
            $0.hasPrefix("." + URL(fileURLWithPath: path).lastPathComponent + ".tmp-")
        }
        #expect(temporaries.isEmpty)
    }
}
