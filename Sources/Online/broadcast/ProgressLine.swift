import Broadcasting
import CommandLineSupport
import Foundation

/// The receipt wait on stderr: one line redrawn in place on a terminal; elsewhere (a log, a pipe) one line per
/// event, as ``WaitProgress/event`` defines it.
final class ProgressLine: @unchecked Sendable {
    // @unchecked: every access holds `lock`.
    private let lock = NSLock()
    private let terminal: Bool
    private var open = false
    private var lastEvent: String?

    /// A display for stderr as it is (a terminal or not).
    init(terminal: Bool = Console.stderrIsTerminal) {
        self.terminal = terminal
    }

    /// Shows `progress`: redrawn on a terminal, a new line only for a new event otherwise.
    func show(_ progress: WaitProgress) {
        lock.lock()
        defer { lock.unlock() }
        if terminal {
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
            Console.writeText(progress.line)
            open = true
        } else if progress.event != lastEvent {
            Console.info(progress.line)
            lastEvent = progress.event
        }
    }

    /// A line for people, after ending a redrawn progress line.
    func log(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if open {
            FileHandle.standardError.write(Data("\n".utf8))
            open = false
        }
        Console.info(text)
    }
}
