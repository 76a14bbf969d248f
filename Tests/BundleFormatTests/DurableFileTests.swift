import BundleFormat
import Foundation
import Testing

/// The one durable write helper: 0600 temporaries, the final mode only once complete, no clobbering, and the
/// temporaries of dead runs removed on the next write.
@Suite struct DurableFileTests {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "durable-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1
    }

    static func temporaries(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
    }

    /// A pid that existed and has exited (so no process has it, barring reuse in the next instant).
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("the temporary is 0600 while written even for a 0644 file; the file gets its mode once in place")
    func temporaryIsPrivate() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/signed.json"
        var seen: [Int] = []
        try DurableFile.write(Data("{}".utf8), to: path, what: "test", overwrite: false, mode: 0o644) { written in
            #expect(written == Data("{}".utf8))
            for name in try Self.temporaries(in: folder) { seen.append(try Self.mode(folder + "/" + name)) }
        }
        #expect(seen == [0o600], "one temporary, private while it held the data")
        #expect(try Self.mode(path) == 0o644)
        #expect(try Self.temporaries(in: folder).isEmpty)
    }

    @Test("an existing file is not replaced without overwrite; a failed check leaves nothing behind")
    func noClobberAndAbort() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.json"
        try DurableFile.write(Data("1".utf8), to: path, what: "test", overwrite: false)
        #expect(throws: DurableFile.Exists.self) {
            try DurableFile.write(Data("2".utf8), to: path, what: "test", overwrite: false)
        }
        struct Bad: Error {}
        #expect(throws: Bad.self) {
            try DurableFile.write(Data("3".utf8), to: path, what: "test", overwrite: true) { _ in throw Bad() }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "1")
        #expect(try Self.temporaries(in: folder).isEmpty)
        try DurableFile.write(Data("4".utf8), to: path, what: "test", overwrite: true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "4")
    }

    @Test("a dead run's temporaries of the same file are removed and reported; live runs' and other files' are kept")
    func staleTemporaries() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/key.json"
        let dead = try Self.deadPID()
        let stale = "\(folder)/.key.json.tmp-\(dead)-12345"
        let live = "\(folder)/.key.json.tmp-\(getppid())-777"
        let other = "\(folder)/.other.json.tmp-\(dead)-1"
        for file in [stale, live, other] { #expect(FileManager.default.createFile(atPath: file, contents: Data("k".utf8))) }
        let report = try DurableFile.write(Data("{}".utf8), to: path, what: "test", overwrite: false, mode: 0o600)
        #expect(report.map(\.path) == [stale] && report.map(\.pid) == [dead] && report.map(\.removed) == [true])
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live), "a running process's temporary is not touched")
        #expect(FileManager.default.fileExists(atPath: other), "another file's temporary is not touched")
        #expect(DurableFile.removeStaleTemporaries(of: path).isEmpty)
    }
}
