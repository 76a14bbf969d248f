public import Foundation
import Glibc

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
        /// What the tool wrote on its controlling terminal (a run through ``TerminalSession`` only).
        public var terminal = Data()
        /// stdout as text.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The folder holding the built products: `COLDCREDITS_BIN_DIR`, or `.build/debug` under the repository.
    public static var binDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["COLDCREDITS_BIN_DIR"] { return URL(fileURLWithPath: override) }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug")
    }

    /// Runs `tool` with `arguments`, feeding `stdin`, in `directory`; waits for it to exit.
    ///
    /// The tool runs in a session of its own with no controlling terminal: a prompt meant for a person refuses instead of waiting.
    public static func run(
        _ tool: String, _ arguments: [String], stdin: Data = Data(), directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let input = try ChildProcess.pipe()
        let output = try ChildProcess.pipe()
        let errors = try ChildProcess.pipe()
        let pid: pid_t
        do {
            pid = try ChildProcess.spawn(
                binDirectory.appendingPathComponent(tool).path, arguments,
                environment: ChildProcess.environment(environment, home: isolatedHome), directory: directory,
                stdin: input.read, stdout: output.write, stderr: errors.write)
        } catch {
            [input.read, input.write, output.read, output.write, errors.read, errors.write].forEach { close($0) }
            throw error
        }
        [input.read, output.write, errors.write].forEach { close($0) }
        // Drain both pipes concurrently so a chatty tool never blocks on a full pipe.
        let collected = DispatchGroup()
        nonisolated(unsafe) var out = Data()
        nonisolated(unsafe) var err = Data()
        DispatchQueue.global().async(group: collected) { out = ChildProcess.readAll(output.read) }
        DispatchQueue.global().async(group: collected) { err = ChildProcess.readAll(errors.read) }
        ChildProcess.writeAll(stdin, to: input.write)
        close(input.write)
        collected.wait()
        close(output.read)
        close(errors.read)
        let status = ChildProcess.wait(pid)
        return Result(status: status, stdout: out, stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts `tool` in the background (stdin closed, output to files in `directory`); the caller waits with
    /// ``Background/finish()``.
    public static func start(_ tool: String, _ arguments: [String], directory: URL, environment: [String: String] = [:])
        throws -> Background
    {
        let name = UUID().uuidString
        let out = directory.appendingPathComponent("\(tool)-\(name).out")
        let err = directory.appendingPathComponent("\(tool)-\(name).err")
        let outDescriptor = open(out.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let errDescriptor = open(err.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let nullDescriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { [outDescriptor, errDescriptor, nullDescriptor].forEach { close($0) } }
        guard outDescriptor >= 0, errDescriptor >= 0, nullDescriptor >= 0 else { throw POSIXError(.EIO) }
        let pid = try ChildProcess.spawn(
            binDirectory.appendingPathComponent(tool).path, arguments,
            environment: ChildProcess.environment(environment, home: isolatedHome), directory: nil,
            stdin: nullDescriptor, stdout: outDescriptor, stderr: errDescriptor)
        return Background(pid: pid, out: out, err: err)
    }

    /// A tool running in the background.
    public final class Background: @unchecked Sendable {
        // @unchecked: used from one test at a time.
        let pid: pid_t
        let out: URL
        let err: URL

        init(pid: pid_t, out: URL, err: URL) {
            self.pid = pid
            self.out = out
            self.err = err
        }

        /// Waits for the tool to exit and returns what it wrote.
        public func finish() throws -> Result {
            let status = ChildProcess.wait(pid)
            return Result(
                status: status, stdout: try Data(contentsOf: out),
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
