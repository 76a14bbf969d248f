public import Foundation

/// Runs a built executable of this package (`prepare`, `sign`, `broadcast`, `sandbox`) the way a user would,
/// and captures its exit status, stdout and stderr — swift-argument-parser's `AssertExecuteCommand` idea.
public enum ToolRunner {
    /// What a run produced.
    public struct Result: Sendable {
        /// The exit status.
        public let status: Int32
        /// Everything written to stdout.
        public let stdout: Data
        /// Everything written to stderr.
        public let stderr: String
        /// stdout as text.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The folder holding the built products: `COLDCREDITS_BIN_DIR`, or `.build/debug` under the repository.
    public static var binDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["COLDCREDITS_BIN_DIR"] { return URL(fileURLWithPath: override) }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug")
    }

    /// Runs `tool` with `arguments`, feeding `stdin`, in `directory`; waits for it to exit.
    public static func run(
        _ tool: String, _ arguments: [String], stdin: Data = Data(), directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = binDirectory.appendingPathComponent(tool)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["OPENROUTER_API_KEY"] = nil
        // The tools keep their defaults under $HOME (signing ledger, audit log): never the real one in tests.
        env["HOME"] = isolatedHome.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Drain both pipes concurrently so a chatty tool never blocks on a full pipe.
        let collected = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: collected) { out = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: collected) { err = errors.fileHandleForReading.readDataToEndOfFile() }
        input.fileHandleForWriting.write(stdin)
        try? input.fileHandleForWriting.close()
        collected.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts `tool` in the background (stdin closed, output to files in `directory`); the caller waits with
    /// ``Background/finish()``.
    public static func start(_ tool: String, _ arguments: [String], directory: URL, environment: [String: String] = [:])
        throws -> Background
    {
        let process = Process()
        process.executableURL = binDirectory.appendingPathComponent(tool)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OPENROUTER_API_KEY"] = nil
        env["HOME"] = isolatedHome.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let name = UUID().uuidString
        let out = directory.appendingPathComponent("\(tool)-\(name).out")
        let err = directory.appendingPathComponent("\(tool)-\(name).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Background(process: process, out: out, err: err)
    }

    /// A tool running in the background.
    public final class Background: @unchecked Sendable {
        // @unchecked: used from one test at a time.
        let process: Process
        let out: URL
        let err: URL

        init(process: Process, out: URL, err: URL) {
            self.process = process
            self.out = out
            self.err = err
        }

        /// Waits for the tool to exit and returns what it wrote.
        public func finish() throws -> Result {
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus, stdout: try Data(contentsOf: out),
                stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
        }

        /// What it has written on stderr so far.
        public var stderrSoFar: String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }
    }

    /// The `HOME` every run sees unless the caller passes one: one temporary folder per test process (the tools
    /// create it, with `.coldcredits/`, when they first write there).
    public static let isolatedHome = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("coldcredits-home-\(ProcessInfo.processInfo.processIdentifier)")

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("coldcredits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
