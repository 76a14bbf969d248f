public import Foundation
import Glibc

/// A built tool running with a pseudo-terminal as its controlling terminal (`/dev/tty`).
///
/// As if a person sat at it: the test waits for a prompt on the terminal and types an answer. stdout and stderr stay pipes.
public final class TerminalSession: @unchecked Sendable {
    // @unchecked: the buffers are guarded by `lock`; the rest is set once in `init`.
    let pid: pid_t
    let master: Int32
    let lock = NSLock()
    /// `TIOCSPTLCK` (`_IOW('T', 0x31, int)`).
    static let setLock: UInt = 0x4004_5431
    /// `TIOCGPTN` (`_IOR('T', 0x30, unsigned int)`).
    static let getNumber: UInt = 0x8004_5430
    let done = DispatchGroup()
    nonisolated(unsafe) var terminalBytes = Data()
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()

    /// Starts `tool`.
    ///
    /// With `stdin` nil the terminal is also its stdin (an operator's shell); otherwise stdin is a
    /// pipe carrying `stdin`. With `stderrOnTerminal` the tool's stderr is the terminal too (what it draws for
    /// people is then in ``terminal``).
    public init(
        _ tool: String, _ arguments: [String], stdin: Data? = nil, directory: URL? = nil,
        environment: [String: String] = [:], stderrOnTerminal: Bool = false
    ) throws {
        // posix_openpt, unlockpt and ptsname, spelt as Linux implements them (glibc hides them from Swift).
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            throw POSIXError(.ENXIO)
        }
        let slavePath = "/dev/pts/\(number)"
        // No output post-processing: a newline stays one byte, so the captured terminal output is what was written.
        var settings = termios()
        tcgetattr(master, &settings)
        settings.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(master, TCSANOW, &settings)
        let input = try ChildProcess.pipe()
        let output = try ChildProcess.pipe()
        let errors = try ChildProcess.pipe()
        let pid = try ChildProcess.spawn(
            ToolRunner.binDirectory.appendingPathComponent(tool).path, arguments,
            environment: ChildProcess.environment(environment, home: ToolRunner.isolatedHome), directory: directory,
            stdin: stdin == nil ? -1 : input.read, stdout: output.write, stderr: stderrOnTerminal ? -1 : errors.write,
            terminal: slavePath)
        [input.read, output.write, errors.write].forEach { close($0) }
        self.pid = pid
        self.master = master
        DispatchQueue.global().async(group: done) { [self] in
            _ = ChildProcess.readAll(master) { chunk in lock.withLock { terminalBytes.append(chunk) } }
        }
        DispatchQueue.global().async(group: done) { [self] in
            let data = ChildProcess.readAll(output.read)
            lock.withLock { out = data }
            close(output.read)
        }
        DispatchQueue.global().async(group: done) { [self] in
            _ = ChildProcess.readAll(errors.read) { chunk in lock.withLock { err.append(chunk) } }
            close(errors.read)
        }
        ChildProcess.writeAll(stdin ?? Data(), to: input.write)
        close(input.write)
    }

    /// What the tool has written on the terminal so far.
    public var terminal: Data { lock.withLock { terminalBytes } }

    /// What the tool has written on stderr so far.
    public var stderrSoFar: String { String(decoding: lock.withLock { err }, as: UTF8.self) }

    /// Waits until the terminal shows `text`; false if the tool exits or `timeout` seconds pass first.
    public func waitFor(_ text: String, timeout: TimeInterval = 120) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        let wanted = Data(text.utf8)
        while Date() < deadline {
            if terminal.range(of: wanted) != nil { return true }
            if done.wait(timeout: .now() + .milliseconds(20)) == .success { return terminal.range(of: wanted) != nil }
        }
        return false
    }

    /// Types `text` on the terminal (as keys pressed; add "\n" for Enter).
    public func type(_ text: String) {
        ChildProcess.writeAll(Data(text.utf8), to: master)
    }

    /// Waits for the tool to exit (killing it after `timeout` seconds) and returns what it wrote everywhere.
    public func finish(timeout: TimeInterval = 120) -> ToolRunner.Result {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        var exited = false
        while !exited {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exited = true
            } else if result < 0, errno != EINTR {
                break
            } else if Date() >= deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                exited = true
            } else {
                usleep(10_000)
            }
        }
        _ = done.wait(timeout: .now() + .seconds(10))
        close(master)
        var result = lock.withLock {
            ToolRunner.Result(
                status: ChildProcess.decode(status), stdout: out, stderr: String(decoding: err, as: UTF8.self))
        }
        result.terminal = terminal
        return result
    }
}

extension ToolRunner {
    /// The confirmation prompt's last words, as the terminal shows them.
    public static let confirmationPrompt = "anything else to decline: "

    /// Runs `tool` at a pseudo-terminal and answers its confirmation prompt.
    ///
    /// Waits for the prompt, types `answer` and Enter, and waits for the tool to exit. If the tool exits without asking, nothing is typed.
    public static func runAttended(
        _ tool: String, _ arguments: [String], answer: String, stdin: Data? = nil, directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let session = try TerminalSession(tool, arguments, stdin: stdin, directory: directory, environment: environment)
        if session.waitFor(confirmationPrompt) { session.type(answer + "\n") }
        return session.finish()
    }
}
