import Foundation
import Glibc

/// Starts a built tool with `posix_spawn` in a session of its own (`POSIX_SPAWN_SETSID`): it has no controlling
/// terminal unless `terminal` names a pseudo-terminal slave, which it then opens as its controlling terminal.
///
/// A developer running the tests from a terminal therefore never gets a prompt on their own tty.
enum ChildProcess {
    /// `setsid()` in the child before the file actions run (glibc's `POSIX_SPAWN_SETSID`).
    static let setsidFlag: Int16 = 0x80

    /// Spawns `executable` and returns its process id.
    ///
    /// The child's 0, 1 and 2 are `stdin`, `stdout`, `stderr` (or the terminal, for a descriptor of -1, when
    /// `terminal` is given).
    static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: URL?,
        stdin: Int32, stdout: Int32, stderr: Int32, terminal: String? = nil
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, setsidFlag)
        // glibc's addchdir is not visible to Swift: `env -C` changes the folder, then runs the tool.
        let (executable, arguments) =
            directory.map { ("/usr/bin/env", ["-C", $0.path, executable] + arguments) } ?? (executable, arguments)
        // Pipes first (their descriptors are free to be reused after), then the terminal on descriptor 3.
        let terminalDescriptor: Int32 = 3
        for (source, target) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] where source >= 0 {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }
        if let terminal {
            // Opened without O_NOCTTY by a session leader that has no terminal: it becomes the controlling one.
            posix_spawn_file_actions_addopen(&actions, terminalDescriptor, terminal, O_RDWR, 0)
            for (source, target) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] where source < 0 {
                posix_spawn_file_actions_adddup2(&actions, terminalDescriptor, target)
            }
            // Left open (as a login shell leaves its terminal on 0–2): if no descriptor held the terminal, the
            // master would see a hang-up before the tool reopens it as /dev/tty.
        }
        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], envp + [nil])
        guard result == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(executable): \(result)"])
        }
        return pid
    }

    /// A pipe whose both ends close on exec (the child gets copies through `dup2`, which clear the flag).
    static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Everything readable from `descriptor` until end of file (or an error such as EIO on a pty master).
    static func readAll(_ descriptor: Int32, onChunk: (Data) -> Void = { _ in }) -> Data {
        var collected = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            let chunk = Data(buffer[0..<count])
            collected.append(chunk)
            onChunk(chunk)
        }
        return collected
    }

    /// Writes all of `data` to `descriptor` (ignoring a closed reader).
    static func writeAll(_ data: Data, to descriptor: Int32) {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Waits for `pid`; its exit status, or 128 + the signal that ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return decode(status)
    }

    /// The exit status of a `waitpid` status word.
    static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// The environment every test run sees: no API key, the isolated `HOME`, then `overrides`.
    static func environment(_ overrides: [String: String], home: URL) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["OPENROUTER_API_KEY"] = nil
        // The tools keep their defaults under $HOME (signing ledger, audit log): never the real one in tests.
        env["HOME"] = home.path
        for (key, value) in overrides { env[key] = value }
        return env
    }
}
